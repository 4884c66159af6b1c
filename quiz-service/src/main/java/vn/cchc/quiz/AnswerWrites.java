package vn.cchc.quiz;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Answer saves, group-committed: each save is still its own single-document atomic update
 * guarded by the attempt's {@code openId}, but the saves that arrive while a write is in flight go
 * to MongoDB together as one ordered bulk write. Under a province-wide round that is one round
 * trip for many saves (the driver's and the server's per-command cost was most of a save's cost).
 * A writer waits at most {@code cchc.quiz.answer-linger} (2 ms) for company before writing, so the
 * batches form also below saturation. A save is acknowledged only after MongoDB acknowledged the
 * bulk write that carried it.
 *
 * <p>A bulk write reports how many updates matched, not which: when fewer than all matched (an
 * attempt closed meanwhile), that batch's saves are written again one by one to learn which
 * (each update sets the same answer, keeps the earliest time, and only bumps the change counter
 * that scoring compares, so writing a save twice changes nothing else).
 */
@Component
class AnswerWrites implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AnswerWrites.class);

	/** At most this many saves per bulk write (MongoDB splits larger ones anyway). */
	static final int MAX_BATCH = 500;

	private final MongoTemplate mongo;

	private final BlockingQueue<Save> queue = new LinkedBlockingQueue<>();

	private final List<Thread> writers = new ArrayList<>();

	private volatile boolean closed;

	/** How many bulk writes carried two or more saves (for tests). */
	private final LongAdder bulkWrites = new LongAdder();

	private final long lingerNanos;

	AnswerWrites(MongoTemplate mongo, @Value("${cchc.quiz.answer-writers:2}") int writers,
			@Value("${cchc.quiz.answer-linger:2ms}") Duration linger) {
		this.mongo = mongo;
		this.lingerNanos = linger.toNanos();
		for (int i = 0; i < writers; i++) {
			this.writers.add(Thread.ofVirtual().name("quiz-answer-writer-", i).start(this::write));
		}
	}

	/**
	 * Sets the answer in the open attempt (or answer sheet) stored in {@code collection} under
	 * {@code openId}; true when it matched (saved or already saved), false when no open attempt
	 * has that id any more.
	 */
	boolean save(String collection, String openId, String questionId, String option, Instant at) {
		Save save = new Save(collection, openId, questionId, option, at, new CompletableFuture<>());
		if (this.closed) {
			return writeAlone(save);
		}
		this.queue.add(save);
		if (this.closed && this.queue.remove(save)) {
			// Closed meanwhile and no writer took it: the writers may have stopped already.
			return writeAlone(save);
		}
		try {
			return save.done().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private void write() {
		List<Save> batch = new ArrayList<>();
		while (!this.closed || !this.queue.isEmpty()) {
			try {
				Save first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, MAX_BATCH - 1);
				// A moment for the saves of other participants to join.
				long until = System.nanoTime() + this.lingerNanos;
				long left = this.lingerNanos;
				while (batch.size() < MAX_BATCH && left > 0) {
					Save next = this.queue.poll(left, TimeUnit.NANOSECONDS);
					if (next == null) {
						break;
					}
					batch.add(next);
					this.queue.drainTo(batch, MAX_BATCH - batch.size());
					left = until - System.nanoTime();
				}
				writeBatch(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException | Error ex) {
				// No request may wait forever: whatever this batch has not answered fails (the client
				// resends; saves are idempotent), and the writer goes on.
				batch.forEach(save -> save.done().completeExceptionally(ex));
				log.warn("A group of answer saves failed", ex);
			}
			finally {
				batch.clear();
			}
		}
	}

	/** Writes one batch and completes each of its saves (package-private for tests). */
	void writeBatch(List<Save> batch) {
		Map<String, List<Save>> byCollection = new LinkedHashMap<>();
		for (Save save : batch) {
			byCollection.computeIfAbsent(save.collection(), c -> new ArrayList<>()).add(save);
		}
		for (Map.Entry<String, List<Save>> group : byCollection.entrySet()) {
			List<Save> saves = group.getValue();
			try {
				if (saves.size() == 1) {
					saves.get(0).done().complete(writeAlone(saves.get(0)));
				}
				else if (bulk(group.getKey(), saves) == saves.size()) {
					saves.forEach(save -> save.done().complete(true));
				}
				else {
					saves.forEach(save -> save.done().complete(writeAlone(save)));
				}
			}
			catch (RuntimeException ex) {
				saves.forEach(save -> save.done().completeExceptionally(ex));
			}
		}
	}

	private int bulk(String collection, List<Save> saves) {
		List<UpdateOneModel<org.bson.Document>> updates = new ArrayList<>(saves.size());
		for (Save save : saves) {
			updates.add(new UpdateOneModel<>(filter(save), update(save)));
		}
		this.bulkWrites.increment();
		// Ordered: two saves of the same question in one batch land in the order they arrived.
		return this.mongo.execute(collection,
				c -> c.bulkWrite(updates, new BulkWriteOptions().ordered(true)).getMatchedCount());
	}

	private boolean writeAlone(Save save) {
		return this.mongo.execute(save.collection(),
				c -> c.updateOne(filter(save), update(save)).getMatchedCount() == 1);
	}

	private static Bson filter(Save save) {
		return Filters.eq("openId", save.openId());
	}

	private static Bson update(Save save) {
		return Updates.combine(Updates.set("answers." + save.questionId(), save.option()),
				Updates.min("answeredAt." + save.questionId(), Date.from(save.at())), Updates.inc("answerVersion", 1));
	}

	long bulkWrites() {
		return this.bulkWrites.sum();
	}

	/** Stops taking saves into batches and writes those queued (later saves are written alone). */
	@Override
	public void destroy() throws InterruptedException {
		this.closed = true;
		for (Thread writer : this.writers) {
			writer.join(TimeUnit.SECONDS.toMillis(10));
		}
	}

	record Save(String collection, String openId, String questionId, String option, Instant at,
			CompletableFuture<Boolean> done) {
	}

}
