package vn.cchc.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stressPeakUsers;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Citizens taking the quiz, open model (arrival rate, so slow answers are not hidden by a
 * closed loop): each arriving citizen starts an attempt, answers 10 questions with think time in
 * between and submits. Phases run one after the other in the same run:
 * <ol>
 * <li>{@code direct}: straight to the quiz-service instance(s), bypassing the gateway;</li>
 * <li>{@code gateway}: the same load through the gateway;</li>
 * <li>{@code spike}: the synchronised start, {@code spikeUsers} citizens pressing "start" within
 * {@code spikeDuring} seconds (Heaviside curve, most in the middle), through the gateway.</li>
 * </ol>
 * Each session is a (citizen, round) pair prepared by {@link PrepareCitizens}: a real Keycloak
 * access token issued before the run and a round the citizen is enrolled in, each pair used once.
 *
 * <p>
 * System properties (defaults for the local stack on port offset 450): {@code gateway},
 * {@code direct} (comma-separated quiz-service URLs), {@code citizens} (file from PrepareCitizens), {@code rate} (citizens
 * arriving per second on the plateau; answers/s ≈ 10 × rate), {@code ramp} and {@code hold}
 * (seconds), {@code modes} (e.g. {@code direct,gateway}), {@code spikeUsers}, {@code spikeDuring},
 * {@code thinkMinMs}, {@code thinkMaxMs}, {@code directConnections} ({@code per-citizen} or {@code shared}),
 * {@code monitor} (see {@link Monitor}).
 */
public class QuizSimulation extends Simulation {

	static final String GATEWAY = Http.setting("gateway", "http://127.0.0.1:8530");

	static final List<String> DIRECT = List.of(Http.setting("direct", "http://127.0.0.1:8532").split(","));

	/**
	 * How the direct phase connects: {@code shared} (the default: one pool of keep-alive connections for
	 * all citizens, as the gateway reaches a quiz-service in production, which never sees the citizens'
	 * own connections) or {@code per-citizen} (one connection per citizen, as browsers reach the gateway;
	 * what the direct phase did before 2026-12-07, docs/benchmarks.md, tenth pass). The gateway and spike
	 * phases always connect per citizen.
	 */
	static final String DIRECT_CONNECTIONS = Http.setting("directConnections", "shared");

	static final double RATE = Double.parseDouble(Http.setting("rate", "100"));

	static final int RAMP = Http.setting("ramp", 60);

	static final int HOLD = Http.setting("hold", 300);

	static final List<String> MODES = List.of(Http.setting("modes", "direct,gateway").split(","));

	static final int SPIKE_USERS = Http.setting("spikeUsers", 3000);

	static final int SPIKE_DURING = Http.setting("spikeDuring", 60);

	static final int THINK_MIN_MS = Http.setting("thinkMinMs", 2000);

	static final int THINK_MAX_MS = Http.setting("thinkMaxMs", 4000);

	static final int ANSWERS = 10;

	/** Time for the answer rate to reach its plateau after the arrival rate did: one session. */
	static final long SETTLE_MILLIS = ANSWERS * (THINK_MIN_MS + THINK_MAX_MS) / 2L + 2000;

	static final Path OUT = Http.path("out", "target");

	private static final SessionPool POOL = new SessionPool(Http.path("citizens", "target/citizens.csv"));

	private final Monitor monitor = new Monitor(Http.setting("monitor",
			"quiz=8532,quiz-2=8536,gateway=8530,mongo=27467,keycloak=8630,kafka=9542"));

	private final String loadAtStart = Http.loadAverage();

	private final String machine = Machine.describe();

	private final Instant startedAt = Instant.now();

	{
		long perMode = (long) (RATE * (RAMP / 2.0 + HOLD)) + 1;
		long needed = perMode * MODES.size() + SPIKE_USERS;
		System.out.printf(Locale.ROOT, "[simulation] %d sessions left, about %d needed (%s at %.0f/s, spike %d)%n",
				POOL.remaining(), needed, MODES, RATE, SPIKE_USERS);
		if (POOL.remaining() < needed) {
			throw new IllegalStateException("Not enough prepared sessions: " + POOL.remaining() + " < " + needed
					+ "; run PrepareCitizens with more users, contests or rounds");
		}

		PopulationBuilder chain = null;
		if (SPIKE_USERS > 0) {
			chain = quiz("spike").injectOpen(stressPeakUsers(SPIKE_USERS).during(Duration.ofSeconds(SPIKE_DURING)))
				.protocols(protocol(List.of(GATEWAY)));
		}
		List<String> modes = new ArrayList<>(MODES);
		Collections.reverse(modes);
		for (String mode : modes) {
			PopulationBuilder phase = quiz(mode)
				.injectOpen(rampUsersPerSec(1).to(RATE).during(Duration.ofSeconds(RAMP)),
						constantUsersPerSec(RATE).during(Duration.ofSeconds(HOLD)).randomized())
				.protocols(mode.equals("direct") ? directProtocol() : protocol(List.of(GATEWAY)));
			chain = chain == null ? phase : phase.andThen(chain);
		}
		setUp(chain);
	}

	static HttpProtocolBuilder protocol(List<String> baseUrls) {
		// One connection per citizen (as browsers; directProtocol() may share them), round robin over base URLs per citizen.
		return http.baseUrls(baseUrls)
			.acceptHeader("application/json")
			.contentTypeHeader("application/json")
			.userAgentHeader("cchc-load-test")
			.disableWarmUp()
			.disableCaching();
	}

	static HttpProtocolBuilder directProtocol() {
		return switch (DIRECT_CONNECTIONS) {
			case "per-citizen" -> protocol(DIRECT);
			case "shared" -> protocol(DIRECT).shareConnections();
			default -> throw new IllegalArgumentException("directConnections: per-citizen or shared, not " + DIRECT_CONNECTIONS);
		};
	}

	static ScenarioBuilder quiz(String phase) {
		Stats.Phase stats = Stats.phase(phase);
		return scenario(phase).feed(POOL)
			.exec(timed(stats, Stats.Type.START,
					http(phase + " start").post("/api/quiz/rounds/#{roundId}/attempts")
						.header("Authorization", "Bearer #{token}")
						.body(StringBody("{}"))
						.check(responseTimeInMillis().saveAs("rt"), status().in(200, 201).saveAs("st"),
								// Regular expressions, not jsonPath: building Jackson's tree of the 4.5-KB
								// start response was 19 % of the generator's CPU (docs/benchmarks.md, eighth
								// pass). A quote inside a JSON string is escaped, so these match only keys.
								regex("\"attemptId\":\"([^\"]+)\"").saveAs("attemptId"),
								regex("\\{\"id\":\"([^\"]+)\"").findAll().saveAs("qids"),
								regex("\"options\":\\[\\{\"key\":\"([^\"]+)\"").findAll().saveAs("keys"))))
			.exitHereIfFailed()
			.repeat(session -> Math.min(ANSWERS, session.getList("qids").size()), "i")
			.on(pause(Duration.ofMillis(THINK_MIN_MS), Duration.ofMillis(THINK_MAX_MS)),
					timed(stats, Stats.Type.ANSWER,
							http(phase + " answer")
								.put(session -> "/api/quiz/attempts/" + session.getString("attemptId") + "/answers/"
										+ session.getList("qids").get(session.getInt("i")))
								.header("Authorization", "Bearer #{token}")
								.body(StringBody(session -> "{\"option\":\""
										+ session.getList("keys").get(session.getInt("i")) + "\"}"))
								.check(responseTimeInMillis().saveAs("rt"), status().is(200).saveAs("st"))))
			.pause(Duration.ofMillis(THINK_MIN_MS / 2))
			.exec(timed(stats, Stats.Type.SUBMIT,
					http(phase + " submit").post("/api/quiz/attempts/#{attemptId}/submit")
						.header("Authorization", "Bearer #{token}")
						.body(StringBody("{}"))
						.check(responseTimeInMillis().saveAs("rt"), status().is(200).saveAs("st"))));
	}

	/** The request, then one sample in {@link Stats}: completion time, response time, outcome. */
	static ChainBuilder timed(Stats.Phase stats, Stats.Type type, HttpRequestActionBuilder request) {
		return exec(session -> session.remove("st").remove("rt").set("t0", System.currentTimeMillis()))
			.exec(request)
			.exec(session -> {
				long now = System.currentTimeMillis();
				int rt = session.contains("rt") ? session.getInt("rt") : (int) (now - session.getLong("t0"));
				stats.add(type, now, rt, session.contains("st"));
				return session;
			});
	}

	@Override
	public void after() {
		POOL.saveUsed();
		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT,
				"Run %s → %s; load average at start %s, at end %s; %s; rate %.0f citizens/s (ramp %d s, hold %d s), "
						+ "think %d–%d ms, spike %d users in %d s; direct = %s (connections %s), gateway = %s%n%n",
				this.startedAt, Instant.now(), this.loadAtStart, Http.loadAverage(), this.machine,
				RATE, RAMP, HOLD, THINK_MIN_MS, THINK_MAX_MS, SPIKE_USERS, SPIKE_DURING, DIRECT, DIRECT_CONNECTIONS, GATEWAY));
		md.append("| phase | request | count | errors | req/s | p50 ms | p95 ms | p99 ms | p99.9 ms | max ms |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|\n");
		StringBuilder windows = new StringBuilder();
		StringBuilder resources = new StringBuilder();
		resources.append("| phase | process | CPU (100 % = one core) | peak RSS MB | peak heap used MB |\n");
		resources.append("|---|---|---|---|---|\n");
		List<Stats.Phase> phases = new ArrayList<>(Stats.phases());
		phases.sort(java.util.Comparator.comparingLong(p -> p.firstMillis));
		for (Stats.Phase phase : phases) {
			if (phase.lastMillis == 0) {
				continue;
			}
			long from;
			long to;
			if (phase.name.equals("spike")) {
				from = phase.firstMillis;
				to = phase.lastMillis + 1;
			}
			else {
				from = phase.firstMillis + RAMP * 1000L + SETTLE_MILLIS;
				to = phase.firstMillis + (RAMP + HOLD) * 1000L;
				if (to <= from) {
					from = phase.firstMillis;
					to = phase.lastMillis + 1;
				}
			}
			for (Stats.Type type : Stats.Type.values()) {
				md.append(phase.row(type, from, to).markdown(phase.name)).append('\n');
			}
			int[] minMax = phase.perSecondMinMax(Stats.Type.ANSWER, from, to);
			Stats.Row all = phase.row(Stats.Type.ANSWER, phase.firstMillis, phase.lastMillis + 1);
			windows.append(String.format(Locale.ROOT,
					"- %s: window %d s (%s → %s); answers per second in the window min %d, max %d; "
							+ "whole phase %d answers, %d errors%n",
					phase.name, (to - from) / 1000, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), minMax[0],
					minMax[1], all.count(), all.errors()));
			resources.append(this.monitor.markdown(phase.name, from, to));
		}
		md.append('\n').append(windows).append('\n').append(resources);
		this.monitor.close();
		System.out.println();
		System.out.println(md);
		try {
			Files.createDirectories(OUT);
			Files.writeString(OUT.resolve("bench-summary.md"), md);
			Files.writeString(OUT.resolve("bench-cpu.csv"), this.monitor.timelineCsv());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The prepared sessions, each handed out once, shared by every phase: the i-th session is
	 * citizen {@code i % citizens} in round {@code i / citizens}.
	 */
	static final class SessionPool implements Iterator<Map<String, Object>> {

		private final String[][] citizens;

		private final List<String> rounds;

		private final AtomicInteger next;

		private final Path used;

		SessionPool(Path file) {
			this.used = PrepareCitizens.used(file);
			try {
				List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
				this.citizens = lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", 2))
					.toArray(String[][]::new);
				Path rounds = PrepareCitizens.rounds(file);
				this.rounds = Files.exists(rounds)
						? Files.readAllLines(rounds).stream().filter(l -> !l.isBlank()).toList() : List.of();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			// Each (citizen, round) pair allows one attempt: carry on after the sessions earlier runs used
			// (written at the end of a run to citizens.used; after a killed run pass -DfirstSession=<n>).
			this.next = new AtomicInteger(Integer.parseInt(Http.setting("firstSession", readUsed())));
		}

		private String readUsed() {
			try {
				return Files.exists(this.used) ? Files.readString(this.used).strip() : "0";
			}
			catch (IOException ex) {
				return "0";
			}
		}

		void saveUsed() {
			saveUsed(this.next.get());
		}

		void saveUsed(long value) {
			try {
				Files.writeString(this.used, Long.toString(Math.min(value, size())));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		long size() {
			return (long) this.citizens.length * this.rounds.size();
		}

		long remaining() {
			return size() - this.next.get();
		}

		@Override
		public boolean hasNext() {
			return this.next.get() < size();
		}

		@Override
		public Map<String, Object> next() {
			int i = this.next.getAndIncrement();
			if (i >= size()) {
				throw new NoSuchElementException("no prepared session left");
			}
			String[] citizen = this.citizens[i % this.citizens.length];
			return Map.of("user", citizen[0], "token", citizen[1], "roundId", this.rounds.get(i / this.citizens.length));
		}

	}

}
