package vn.cchc.platform.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The ids of documents this instance has just written with outbox messages, per collection, so the
 * relay reads exactly those by {@code _id} instead of searching the collection for pending
 * messages. Hints live in memory only: what a crash loses, the relay's periodic search still finds.
 */
public class OutboxHints {

	private final Map<String, Queue<Object>> pending = new ConcurrentHashMap<>();

	/** Records that {@code id} in {@code collection} now carries unpublished messages. */
	public void add(String collection, Object id) {
		this.pending.computeIfAbsent(collection, c -> new ConcurrentLinkedQueue<>()).add(id);
	}

	/** Takes up to {@code max} distinct ids hinted for {@code collection}, oldest first. */
	List<Object> take(String collection, int max) {
		Queue<Object> queue = this.pending.get(collection);
		if (queue == null) {
			return List.of();
		}
		LinkedHashSet<Object> ids = new LinkedHashSet<>();
		Object id;
		while (ids.size() < max && (id = queue.poll()) != null) {
			ids.add(id);
		}
		return new ArrayList<>(ids);
	}

	/** Puts back ids whose messages could not be published, to be tried again first. */
	void restore(String collection, Collection<Object> ids) {
		Queue<Object> queue = this.pending.computeIfAbsent(collection, c -> new ConcurrentLinkedQueue<>());
		queue.addAll(ids);
	}

}
