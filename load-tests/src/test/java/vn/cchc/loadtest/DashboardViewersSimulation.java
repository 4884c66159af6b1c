package vn.cchc.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.http.action.sse.SseInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.SseConnectActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;

/**
 * Hundreds of people keeping the live dashboard open (issue 4: "pushed within 2 seconds of the
 * event ... hundreds of viewers"). {@code viewers} virtual users open the contest's dashboard
 * stream through the gateway, as the page does ({@code EventSource}, no token: the stream is public;
 * {@code -DviewerAuth=organiser} sends the demo organiser's token instead), ramped over
 * {@code viewersRamp} seconds, and each keeps it open for {@code viewersHold} seconds. For every
 * message received it records the receive time minus the view's {@code lastEventAt} (see
 * {@link DashboardLag}); the summary goes to {@code summary} (default
 * {@code target/viewers-summary.md}) with the CPU of the processes under test (see {@link Monitor}).
 *
 * <p>
 * Runs alone or next to {@link QuizSimulation} (a second Maven invocation, {@code -Pviewers}), which
 * provides the events. The contest: {@code -DcontestId=}, or else the contest of the round the quiz
 * simulation is about to use (from {@code citizens.rounds} and {@code citizens.used} next to
 * {@code citizens}, looked up in the public contest list).
 *
 * <p>
 * System properties: {@code gateway}, {@code contestId}, {@code citizens}, {@code viewers} (300),
 * {@code viewersRamp} (30 s), {@code viewersHold} (120 s), {@code viewerAuth} ({@code public} or
 * {@code organiser}), {@code keycloak} (for the organiser token), {@code monitor}, {@code summary}.
 */
public class DashboardViewersSimulation extends Simulation {

	static final String GATEWAY = Http.setting("gateway", "http://127.0.0.1:8530");

	static final int VIEWERS = Http.setting("viewers", 300);

	static final int RAMP = Http.setting("viewersRamp", 30);

	static final int HOLD = Http.setting("viewersHold", 120);

	static final String AUTH = Http.setting("viewerAuth", "public");

	static final Path SUMMARY = Http.path("summary", "target/viewers-summary.md");

	static final DashboardLag LAG = new DashboardLag();

	private final String contestId = contestId();

	private final String token = AUTH.startsWith("organi") ? new Http().accessToken(
			Http.setting("keycloak", "http://127.0.0.1:8630"), "cchc", "cchc-local-cli", "organizer", "cchc-demo") : null;

	private final Monitor monitor = new Monitor(Http.setting("monitor",
			"awards=8535,gateway=8530,quiz=8532,quiz-2=8536,mongo=27467,kafka=9542"));

	private final String loadAtStart = Http.loadAverage();

	private final String machine = Machine.describe();

	private final Instant startedAt = Instant.now();

	{
		System.out.printf(Locale.ROOT, "[viewers] %d viewers (%s) of contest %s through %s, ramp %d s, hold %d s%n", VIEWERS,
				AUTH, this.contestId, GATEWAY, RAMP, HOLD);
		HttpProtocolBuilder protocol = http.baseUrl(GATEWAY)
			.userAgentHeader("cchc-load-test-viewer")
			.disableWarmUp()
			.disableCaching()
			// Messages no check consumed are buffered for processUnmatchedMessages (4 views/s at most, plus pings).
			.sseUnmatchedInboundMessageBufferSize(1000);
		setUp(viewers().injectOpen(rampUsers(VIEWERS).during(Duration.ofSeconds(Math.max(1, RAMP))))
			.protocols(protocol));
	}

	ScenarioBuilder viewers() {
		SseConnectActionBuilder connect = sse("dashboard connect")
			.get("/api/awards/contests/" + this.contestId + "/dashboard/stream");
		if (this.token != null) {
			connect = connect.header("Authorization", "Bearer " + this.token);
		}
		// The snapshot sent on connection must come within 10 s (Gatling times it as "dashboard first view").
		connect = connect.await(Duration.ofSeconds(10))
			.on(sse.checkMessage("dashboard first view").check(bodyString().saveAs("firstView")));
		return scenario("dashboard viewers").exec(session -> session.set("t0", System.currentTimeMillis()))
			.exec(connect)
			.exec(session -> {
				if (session.isFailed() || !session.contains("firstView")) {
					LAG.failed.incrementAndGet();
					return session;
				}
				LAG.connected.incrementAndGet();
				String last = LAG.record(System.currentTimeMillis(), session.getString("firstView"), null, true);
				return last == null ? session.remove("firstView") : session.remove("firstView").set("last", last);
			})
			.exitHereIfFailed()
			.during(Duration.ofSeconds(HOLD))
			.on(exec(process()).pause(Duration.ofSeconds(1)))
			.exec(process())
			.exec(session -> {
				if (session.isFailed()) {
					LAG.dropped.incrementAndGet();
				}
				return session;
			})
			.exec(sse("dashboard close").close());
	}

	/** The messages buffered since the last call, each timed by Gatling when it arrived. */
	static ChainBuilder process() {
		return exec(sse.processUnmatchedMessages((List<SseInboundMessage> messages, Session session) -> {
			String last = session.contains("last") ? session.getString("last") : null;
			for (SseInboundMessage message : messages) {
				last = LAG.record(message.timestamp(), message.message(), last, false);
			}
			return last == null ? session : session.set("last", last);
		}));
	}

	@Override
	public void after() {
		long end = System.currentTimeMillis();
		long plateauFrom = this.startedAt.toEpochMilli() + RAMP * 1000L;
		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT,
				"Dashboard viewers run %s → %s; load average at start %s, at end %s; %s; %d viewers (%s) of contest "
						+ "%s through %s, ramp %d s, hold %d s each%n%n",
				this.startedAt, Instant.ofEpochMilli(end), this.loadAtStart, Http.loadAverage(),
				this.machine, VIEWERS, AUTH, this.contestId, GATEWAY, RAMP, HOLD));
		md.append(LAG.markdown()).append('\n');
		md.append("| phase | process | CPU (100 % = one core) | peak RSS MB | peak heap used MB |\n");
		md.append("|---|---|---|---|---|\n");
		md.append(this.monitor.markdown("ramp", this.startedAt.toEpochMilli(), plateauFrom));
		md.append(this.monitor.markdown("all viewers open", plateauFrom, plateauFrom + HOLD * 1000L));
		this.monitor.close();
		System.out.println();
		System.out.println(md);
		try {
			Files.createDirectories(SUMMARY.toAbsolutePath().getParent());
			Files.writeString(SUMMARY, md);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code -DcontestId}, or the contest of the next round the quiz simulation will use: session i is
	 * round {@code i / citizens} (see QuizSimulation.SessionPool), i from {@code citizens.used}.
	 */
	static String contestId() {
		String given = Http.setting("contestId", "");
		if (!given.isEmpty()) {
			return given;
		}
		Path citizens = Http.path("citizens", "target/citizens.csv");
		try {
			long count = Files.readAllLines(citizens).stream().skip(1).filter(l -> !l.isBlank()).count();
			List<String> rounds = Files.readAllLines(PrepareCitizens.rounds(citizens)).stream()
				.filter(l -> !l.isBlank())
				.toList();
			Path usedFile = PrepareCitizens.used(citizens);
			long used = Files.exists(usedFile) ? Long.parseLong(Files.readString(usedFile).strip()) : 0;
			String round = rounds.get((int) Math.min(rounds.size() - 1, used / Math.max(1, count)));
			for (JsonNode contest : new Http().get(GATEWAY + "/api/registration/contests", null).expect(200).json()) {
				for (JsonNode r : contest.path("rounds")) {
					if (round.equals(r.path("roundId").asText())) {
						return contest.path("id").asText();
					}
				}
			}
			throw new IllegalStateException("No published contest has round " + round + " (from " + citizens
					+ "); pass -DcontestId=");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + citizens + "; pass -DcontestId=", ex);
		}
	}

}
