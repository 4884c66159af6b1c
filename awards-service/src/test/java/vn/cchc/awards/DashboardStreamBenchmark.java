package vn.cchc.awards;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;

import vn.cchc.awards.ReadModels.AttemptResult;
import vn.cchc.awards.ReadModels.AttemptStart;
import vn.cchc.awards.ReadModels.ContestConfig;
import vn.cchc.awards.ReadModels.Entrant;
import vn.cchc.awards.ReadModels.UnitInfo;
import vn.cchc.awards.ranking.RoundSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On-demand benchmark (not a CI test: the class name matches none of Surefire's patterns). Run:
 * {@code ./mvnw -B -o test -pl awards-service -Dtest=DashboardStreamBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * The awards-service's own work for 300 viewers of one contest (46 units, 20,000 submitted
 * attempts over 24 hours, 500 in progress), without the network: a wave of viewers connecting, and
 * one push. Compares the stream (one computation and one serialisation shared by every viewer)
 * with what a per-viewer stream would do (a view computed for each viewer who connects, the view
 * serialised for each viewer at each push). The emitters are not connected to a response, so each
 * send only queues the frame: the socket writes, one per viewer and message in any design, are
 * not measured here (the Gatling simulation {@code DashboardViewersSimulation} measures them).
 */
class DashboardStreamBenchmark {

	private static final Logger log = LoggerFactory.getLogger(DashboardStreamBenchmark.class);

	static final int VIEWERS = 300;

	@Test
	void three_hundred_viewers() {
		Random random = new Random(11);
		Instant t = Instant.now().minusSeconds(86_400);
		List<UnitInfo> units = new ArrayList<>();
		for (int u = 0; u < 46; u++) {
			units.add(new UnitInfo("dash:U" + u, "dash", "U" + u, "Đơn vị số " + u, u < 28 ? "so-nganh" : "huyen", 1500));
		}
		List<Entrant> entrants = new ArrayList<>();
		List<AttemptResult> results = new ArrayList<>();
		List<AttemptStart> starts = new ArrayList<>();
		for (int p = 0; p < 20_500; p++) {
			entrants.add(Entrant.of("p" + p, "dash", "Người " + p, "U" + (p % 46), p % 3 == 0 ? "citizen" : "civil-servant",
					false, t));
			Instant started = p < 20_000 ? t.plusMillis(random.nextInt(86_000_000)) : Instant.now().minusSeconds(60);
			starts.add(AttemptStart.of("a" + p, "dash", "quiz", "p" + p, started, started.plusSeconds(900), null));
			if (p < 20_000) {
				results.add(AttemptResult.of("a" + p, "dash", "quiz", "p" + p, random.nextInt(11), 10, 300_000, null,
						started.plusSeconds(300), false, "e" + p, "civil-servant", null));
			}
		}
		MongoTemplate mongo = new MongoTemplate(StandingsBenchmark.mongoClient(), "dash-" + System.nanoTime());
		mongo.insert(units, UnitInfo.class);
		mongo.insert(entrants, Entrant.class);
		mongo.insert(results, AttemptResult.class);
		mongo.insert(starts, AttemptStart.class);
		mongo.save(new ContestConfig("dash", 1, "Hội thi", "Sở Nội vụ", "Asia/Ho_Chi_Minh",
				List.of(new RoundSpec("quiz", "Thi", "first", false, null, false, null)), List.of(), null, Map.of(),
				List.of(), null));
		ContestResults service = new ContestResults(mongo, new TieDecisions(mongo));
		Dashboard dashboard = new Dashboard(service, Clock.systemUTC());
		JsonMapper json = JsonMapper.builder().build();
		Dashboard.View view = dashboard.of("dash", false);
		int viewBytes = json.writeValueAsBytes(view).length;

		// Warm-up of both paths (JIT), then the measured rounds; best of 5 to damp the shared machine.
		long perViewerConnect = Long.MAX_VALUE;
		long sharedConnect = Long.MAX_VALUE;
		long perViewerPush = Long.MAX_VALUE;
		long sharedPush = Long.MAX_VALUE;
		long compute = Long.MAX_VALUE;
		for (int round = 0; round < 8; round++) {
			long start = System.nanoTime();
			for (int v = 0; v < VIEWERS; v++) {
				json.writeValueAsBytes(dashboard.of("dash", false));
			}
			long perViewerConnectRound = System.nanoTime() - start;

			DashboardStream stream = new DashboardStream(dashboard, json, Clock.systemUTC());
			start = System.nanoTime();
			for (int v = 0; v < VIEWERS; v++) {
				stream.subscribe("dash", false);
			}
			long sharedConnectRound = System.nanoTime() - start;
			assertThat(stream.viewers()).isEqualTo(VIEWERS);

			start = System.nanoTime();
			Dashboard.View pushed = dashboard.of("dash", false);
			long computeRound = System.nanoTime() - start;
			start = System.nanoTime();
			for (int v = 0; v < VIEWERS; v++) {
				json.writeValueAsBytes(pushed);
			}
			long perViewerPushRound = System.nanoTime() - start;

			stream.on(new ReadModelChanged("dash", results.getFirst()));
			start = System.nanoTime();
			stream.push();
			long sharedPushRound = System.nanoTime() - start;
			if (round >= 3) {
				perViewerConnect = Math.min(perViewerConnect, perViewerConnectRound);
				sharedConnect = Math.min(sharedConnect, sharedConnectRound);
				perViewerPush = Math.min(perViewerPush, perViewerPushRound);
				sharedPush = Math.min(sharedPush, sharedPushRound);
				compute = Math.min(compute, computeRound);
			}
		}
		String report = String.format(Locale.ROOT,
				"%n%d viewers, view of %d units = %,d bytes of JSON, %d cores:%n"
						+ "  %d viewers connect: per viewer (compute + serialise each) %d ms; shared (one computation, "
						+ "frame reused under 1 s) %d ms%n"
						+ "  one push: the view computed once %.1f ms; then serialised for each of %d viewers %.1f ms; "
						+ "whole shared push (compute + serialise once + same bytes queued %d times) %.1f ms%n",
				VIEWERS, units.size(), viewBytes, Runtime.getRuntime().availableProcessors(), VIEWERS,
				perViewerConnect / 1_000_000, sharedConnect / 1_000_000, compute / 1e6, VIEWERS, perViewerPush / 1e6,
				VIEWERS, sharedPush / 1e6);
		log.info(report);
		System.out.println(report);
	}

}
