package vn.cchc.awards;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;

import vn.cchc.awards.ReadModels.AttemptResult;
import vn.cchc.awards.ReadModels.ContestConfig;
import vn.cchc.awards.ReadModels.Entrant;
import vn.cchc.awards.ReadModels.UnitInfo;
import vn.cchc.awards.ranking.RoundSpec;
import vn.cchc.awards.ranking.Scored;
import vn.cchc.awards.ranking.Tier;
import vn.cchc.platform.test.EmbeddedMongo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On-demand benchmark (not a CI test: the class name matches none of Surefire's patterns). Run:
 * {@code ./mvnw -B -o test -pl awards-service -Dtest=StandingsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * 100,000 submitted attempts of 50,000 people (two attempts each, best counts, a prediction
 * question) in 46 units, the Sóc Trăng tiers. Times the recomputation after one more attempt
 * arrives (inputs held in memory, kept current by the events), the pure ranking, the one-time
 * load from the embedded MongoDB, the cached read and the dashboard.
 */
class StandingsBenchmark {

	private static final Logger log = LoggerFactory.getLogger(StandingsBenchmark.class);

	static final int ATTEMPTS = 100_000;

	@Test
	void standings_of_100k_attempts() {
		Random random = new Random(7);
		Instant t = Instant.parse("2021-09-15T00:00:00Z");
		List<UnitInfo> units = new ArrayList<>();
		for (int u = 0; u < 46; u++) {
			units.add(new UnitInfo("bench:U" + u, "bench", "U" + u, "Đơn vị " + u, u < 28 ? "so-nganh" : "huyen", 1500));
		}
		List<Entrant> entrants = new ArrayList<>();
		for (int p = 0; p < ATTEMPTS / 2; p++) {
			entrants.add(Entrant.of("p" + p, "bench", "Người " + p, "U" + (p % 46), "civil-servant", p % 1000 == 0, t));
		}
		List<AttemptResult> results = new ArrayList<>();
		for (int a = 0; a < ATTEMPTS; a++) {
			results.add(AttemptResult.of("a" + a, "bench", "quiz", "p" + (a % (ATTEMPTS / 2)), random.nextInt(11), 10,
					20_000 + random.nextInt(880_000), (long) random.nextInt(20_000), t.plusMillis(random.nextInt(2_000_000_000)),
					false, "e" + a, "civil-servant", null));
		}
		RoundSpec round = new RoundSpec("quiz", "Thi", "best", false, "all-correct", false, null);
		List<Tier> tiers = List.of(new Tier("Nhất", 1, 10_000_000, "collective", "formula", null, false, false, null, null, null),
				new Tier("Nhì", 2, 7_000_000, "collective", "formula", null, false, false, null, null, null),
				new Tier("Ba", 3, 5_000_000, "collective", "formula", null, false, false, null, null, null),
				new Tier("KK", 4, 3_000_000, "collective", "formula", null, false, false, null, null, null),
				new Tier("Cá nhân", 10, 500_000, "individual", "score", null, true, false, null, null, null));
		ContestConfig config = new ContestConfig("bench", 1, "Benchmark", "Sở Nội vụ", "Asia/Ho_Chi_Minh", List.of(round),
				tiers, null, Map.of("participation-rate", 0.5, "mean-score", 0.5), List.of(), null);
		Map<String, Entrant> byId = new java.util.HashMap<>();
		entrants.forEach(e -> byId.put(e.participantId(), e));
		List<Scored> scored = results.stream()
			.filter(r -> !byId.get(r.participantId()).excluded())
			.map(r -> new Scored(r.attemptId(), r.roundId(), r.participantId(), byId.get(r.participantId()).displayName(),
					byId.get(r.participantId()).unitCode(), r.category(), r.period(), r.correctCount(), r.questionCount(),
					r.durationMillis(), r.prediction(), r.submittedAt(), r.eventId()))
			.toList();

		long[] pure = new long[12];
		for (int i = 0; i < pure.length; i++) {
			long start = System.nanoTime();
			var computed = ContestResults.compute("bench", i, config, byId, units, List.of(round), scored, Map.of());
			pure[i] = (System.nanoTime() - start) / 1_000_000;
			assertThat(computed.allocation().awards()).isNotEmpty();
		}

		MongoTemplate mongo = new MongoTemplate(mongoClient(), "bench-" + System.nanoTime());
		long loadStart = System.nanoTime();
		mongo.insert(units, UnitInfo.class);
		mongo.insert(entrants, Entrant.class);
		for (int from = 0; from < results.size(); from += 10_000) {
			mongo.insert(results.subList(from, from + 10_000), AttemptResult.class);
		}
		mongo.save(config);
		long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
		ContestResults service = new ContestResults(mongo, new TieDecisions(mongo));
		long firstStart = System.nanoTime();
		service.of("bench");
		long firstLoad = (System.nanoTime() - firstStart) / 1_000_000;
		// Each round: one more submitted attempt arrives (as the listener announces it), then a read.
		long[] afterEvent = new long[10];
		for (int i = 0; i < afterEvent.length; i++) {
			AttemptResult next = AttemptResult.of("extra" + i, "bench", "quiz", "p" + i, 10, 10, 10_000 + i, 5L,
					t.plusSeconds(i), false, "x" + i, "civil-servant", null);
			long start = System.nanoTime();
			service.on(new ReadModelChanged("bench", next));
			service.of("bench");
			afterEvent[i] = (System.nanoTime() - start) / 1_000_000;
		}
		long cachedStart = System.nanoTime();
		service.of("bench");
		long cachedMicros = (System.nanoTime() - cachedStart) / 1000;
		Dashboard dashboard = new Dashboard(service, Clock.systemUTC());
		long[] dash = new long[5];
		for (int i = 0; i < dash.length; i++) {
			long start = System.nanoTime();
			dashboard.of("bench", true);
			dash[i] = (System.nanoTime() - start) / 1_000_000;
		}
		String report = String.format(java.util.Locale.ROOT,
				"%n100,000 attempts, %d cores: recompute after an event median %d ms (runs %s); pure ranking median %d ms "
						+ "(runs %s); first load from the embedded MongoDB %d ms (once per contest after a start); "
						+ "cached read %d µs; dashboard median %d ms (runs %s); inserting the read models took %d ms%n",
				Runtime.getRuntime().availableProcessors(), median(afterEvent), Arrays.toString(afterEvent),
				median(pure), Arrays.toString(pure), firstLoad, cachedMicros, median(dash), Arrays.toString(dash),
				loadMillis);
		log.info(report);
		org.junit.jupiter.api.Assertions.assertTrue(median(afterEvent) < 2000, report);
	}

	static MongoClient mongoClient() {
		return MongoClients.create(EmbeddedMongo.uri());
	}

	static long median(long[] runs) {
		long[] sorted = runs.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
