package vn.cchc.awards;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the dashboard to open browsers (Server-Sent Events). An event only marks its contest as
 * changed; a tick every 250 ms computes each changed contest's view once per audience (public,
 * organisers) and sends it to every subscriber, so a burst of events or hundreds of viewers cost
 * one computation per tick, and a viewer sees an event within the tick plus the computation.
 * A comment every 5 s keeps idle streams open through the gateway's read timeout.
 */
@Component
class DashboardStream {

	private static final Logger log = LoggerFactory.getLogger(DashboardStream.class);

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private final Dashboard dashboard;

	private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();

	private final Set<String> changed = ConcurrentHashMap.newKeySet();

	DashboardStream(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	private record Subscriber(SseEmitter emitter, boolean organiser) {
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
		send(subscriber, this.dashboard.of(contestId, organiser), list);
		return emitter;
	}

	@EventListener
	void on(ReadModelChanged change) {
		if (this.subscribers.containsKey(change.contestId())) {
			this.changed.add(change.contestId());
		}
	}

	@Scheduled(fixedDelay = 250)
	void push() {
		for (String contestId : List.copyOf(this.changed)) {
			this.changed.remove(contestId);
			List<Subscriber> list = this.subscribers.getOrDefault(contestId, List.of());
			if (list.isEmpty()) {
				continue;
			}
			Dashboard.View publicView = null;
			Dashboard.View organiserView = null;
			for (Subscriber s : list) {
				if (s.organiser()) {
					organiserView = organiserView != null ? organiserView : this.dashboard.of(contestId, true);
					send(s, organiserView, list);
				}
				else {
					publicView = publicView != null ? publicView : this.dashboard.of(contestId, false);
					send(s, publicView, list);
				}
			}
		}
	}

	@Scheduled(fixedDelay = 5000)
	void heartbeat() {
		this.subscribers.values().forEach(list -> list.forEach(s -> {
			try {
				s.emitter().send(SseEmitter.event().comment("ping"));
			}
			catch (IOException | IllegalStateException ex) {
				list.remove(s);
			}
		}));
	}

	private static void send(Subscriber s, Dashboard.View view, List<Subscriber> list) {
		try {
			s.emitter().send(SseEmitter.event().name("dashboard").data(view, MediaType.APPLICATION_JSON));
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
