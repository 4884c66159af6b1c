package vn.cchc.awards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the dashboard to open browsers (Server-Sent Events). An event only marks its contest as
 * changed; a tick every 250 ms computes each changed contest's view once per audience (public,
 * organisers), serialises it once into a complete SSE frame and writes the same bytes to every
 * subscriber, so a burst of events or hundreds of viewers cost one computation and one
 * serialisation per tick, and a viewer sees an event within the tick plus the computation. A viewer
 * who connects gets the latest frame if it is under a second old (a wave of viewers opening the
 * page does not recompute the view for each of them), a fresh one otherwise. A comment every 5 s
 * keeps idle streams open through the gateway's read timeout.
 *
 * <p>
 * Each message is the {@link Dashboard.View} (with its {@code lastEventAt}) plus, for measuring the
 * delay from outside: {@code computedAt}, when the frame was serialised, and {@code oldestNewEventAt},
 * the earliest own time of the attempt events folded in since the previous push (absent in a
 * snapshot for a viewer who just connected). Receive time minus {@code lastEventAt} is the delay of
 * the newest event; minus {@code oldestNewEventAt}, the delay of the oldest one in the push.
 */
@Component
class DashboardStream {

	private static final Logger log = LoggerFactory.getLogger(DashboardStream.class);

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	/** How long a frame may be handed to viewers who connect (pushes follow every change anyway). */
	private static final long SNAPSHOT_MAX_AGE_NANOS = Duration.ofSeconds(1).toNanos();

	private static final MediaType TEXT_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private static final byte[] EVENT = "event:dashboard\ndata:".getBytes(StandardCharsets.UTF_8);

	private static final byte[] END = "\n\n".getBytes(StandardCharsets.UTF_8);

	private static final byte[] PING = ":ping\n\n".getBytes(StandardCharsets.UTF_8);

	private final Dashboard dashboard;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();

	/** Contests changed since the last push, with the earliest attempt-event time among the changes. */
	private final Map<String, Pending> changed = new ConcurrentHashMap<>();

	/** The latest frame per contest and audience. */
	private final Map<String, Frame> frames = new ConcurrentHashMap<>();

	DashboardStream(Dashboard dashboard, JsonMapper json, Clock clock) {
		this.dashboard = dashboard;
		this.json = json;
		this.clock = clock;
	}

	private record Subscriber(SseEmitter emitter, boolean organiser) {
	}

	/** One serialised SSE message, shared by every viewer of an audience. */
	private record Frame(byte[] bytes, long madeNanos) {
	}

	private record Pending(@Nullable Instant oldest) {

		Pending earliest(Pending other) {
			Instant a = this.oldest;
			Instant b = other.oldest;
			return a == null || (b != null && b.isBefore(a)) ? other : this;
		}

	}

	SseEmitter subscribe(String contestId, boolean organiser) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		Subscriber subscriber = new Subscriber(emitter, organiser);
		List<Subscriber> list = this.subscribers.computeIfAbsent(contestId, k -> new CopyOnWriteArrayList<>());
		list.add(subscriber);
		Runnable remove = () -> list.remove(subscriber);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(ex -> remove.run());
		Frame latest = this.frames.get(key(contestId, organiser));
		byte[] snapshot = latest != null && System.nanoTime() - latest.madeNanos() < SNAPSHOT_MAX_AGE_NANOS
				? latest.bytes() : frame(contestId, organiser, null);
		send(subscriber, snapshot, list);
		return emitter;
	}

	/**
	 * Ends every open stream when the service shuts down, before the web server's graceful
	 * shutdown: that waits for open requests (30 s at most), and an event stream never finishes by
	 * itself. Browsers' EventSource reconnects, through the gateway, to an instance still running.
	 */
	@EventListener(ContextClosedEvent.class)
	void endStreams() {
		for (List<Subscriber> list : this.subscribers.values()) {
			for (Subscriber subscriber : list) {
				subscriber.emitter().complete();
			}
		}
	}

	@EventListener
	void on(ReadModelChanged change) {
		if (this.subscribers.containsKey(change.contestId())) {
			Instant at = switch (change.document()) {
				case ReadModels.AttemptResult r -> r.submittedAt();
				case ReadModels.AttemptStart s -> s.startedAt();
				case null, default -> null;
			};
			this.changed.merge(change.contestId(), new Pending(at), Pending::earliest);
		}
	}

	@Scheduled(fixedDelay = 250)
	void push() {
		for (String contestId : List.copyOf(this.changed.keySet())) {
			Pending pending = this.changed.remove(contestId);
			List<Subscriber> list = this.subscribers.getOrDefault(contestId, List.of());
			if (list.isEmpty()) {
				this.frames.remove(key(contestId, false));
				this.frames.remove(key(contestId, true));
				continue;
			}
			Instant oldest = pending == null ? null : pending.oldest();
			byte[] publicFrame = null;
			byte[] organiserFrame = null;
			for (Subscriber s : list) {
				if (s.organiser()) {
					organiserFrame = organiserFrame != null ? organiserFrame : frame(contestId, true, oldest);
					send(s, organiserFrame, list);
				}
				else {
					publicFrame = publicFrame != null ? publicFrame : frame(contestId, false, oldest);
					send(s, publicFrame, list);
				}
			}
		}
	}

	@Scheduled(fixedDelay = 5000)
	void heartbeat() {
		this.subscribers.values().forEach(list -> list.forEach(s -> send(s, PING, list)));
	}

	/** Computes the view and serialises it once into {@code event:dashboard} + {@code data:} JSON. */
	private byte[] frame(String contestId, boolean organiser, @Nullable Instant oldestNewEventAt) {
		Dashboard.View view = this.dashboard.of(contestId, organiser);
		ObjectNode data = this.json.valueToTree(view);
		data.putPOJO("computedAt", this.clock.instant());
		if (oldestNewEventAt != null) {
			data.putPOJO("oldestNewEventAt", oldestNewEventAt);
		}
		byte[] body = this.json.writeValueAsBytes(data);
		byte[] frame = new byte[EVENT.length + body.length + END.length];
		System.arraycopy(EVENT, 0, frame, 0, EVENT.length);
		System.arraycopy(body, 0, frame, EVENT.length, body.length);
		System.arraycopy(END, 0, frame, EVENT.length + body.length, END.length);
		this.frames.put(key(contestId, organiser), new Frame(frame, System.nanoTime()));
		return frame;
	}

	private static String key(String contestId, boolean organiser) {
		return (organiser ? "o:" : "p:") + contestId;
	}

	private static void send(Subscriber s, byte[] frame, List<Subscriber> list) {
		try {
			s.emitter().send(Set.of(new DataWithMediaType(frame, TEXT_UTF8)));
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Dashboard viewer gone: {}", ex.toString());
			list.remove(s);
		}
	}

	int viewers() {
		return this.subscribers.values().stream().mapToInt(List::size).sum();
	}

}
