package vn.cchc.awards;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;





import vn.cchc.contracts.AttemptEvent.AttemptSubmitted;
import vn.cchc.contracts.CchcEvent;
import vn.cchc.contracts.ContestEvent.CollectiveScoring;
import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.ContestEvent.PrizeTier;
import vn.cchc.contracts.ContestEvent.QuizSettings;
import vn.cchc.contracts.ContestEvent.Round;
import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.contracts.ParticipantEvent.ParticipantExcluded;
import vn.cchc.contracts.UnitEvent.UnitRegistered;

import vn.cchc.platform.test.ApiClient;


import vn.cchc.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plan 001, Sóc Trăng province 2021: 46 units in six blocks, civil servants answer 10 questions
 * (best of three attempts counts). Collective tiers 1/2/3/4 are ranked by the published formula
 * (half participation rate, half mean score, each rounded to 0.1 %), ten individual side prizes go
 * to the most correct and fastest, ten best-video prizes wait for the judges. About 700 generated
 * participants, committee members excluded, late submissions; every prize is checked against the
 * test's own calculation.
 */
class SocTrangScenarioTest extends AwardsTestSupport {

	static final Instant OPENS = Instant.parse("2021-09-15T00:00:00Z");

	static final Instant CLOSES = Instant.parse("2021-10-15T17:00:00Z");

	record Unit(String code, String block, int headcount) {
	}

	@Test
	void soc_trang_quiz_round_prizes_match_an_independent_calculation() {
		String contest = "soc-trang-" + UUID.randomUUID();
		Random random = new Random(2021);
		String issuer = "Giám đốc Sở Nội vụ tỉnh Sóc Trăng";
		List<PrizeTier> tiers = List.of(
				new PrizeTier("Giải Nhất tập thể", 1, 10_000_000, "collective", "formula", "", "quiz", false, false,
						"Giấy khen", issuer),
				new PrizeTier("Giải Nhì tập thể", 2, 7_000_000, "collective", "formula", "", "quiz", false, false,
						"Giấy khen", issuer),
				new PrizeTier("Giải Ba tập thể", 3, 5_000_000, "collective", "formula", "", "quiz", false, false,
						"Giấy khen", issuer),
				new PrizeTier("Giải Khuyến khích tập thể", 4, 3_000_000, "collective", "formula", "", "quiz", false,
						false, "Giấy khen", issuer),
				new PrizeTier("Giải video tuyên truyền hay nhất", 10, 500_000, "collective", "judged", "", "video", true,
						false, "Giấy khen", issuer),
				new PrizeTier("Giải cá nhân trả lời đúng nhiều nhất, nhanh nhất", 10, 500_000, "individual", "score",
						"", "quiz", true, false, "Giấy khen", issuer));
		List<CchcEvent> events = new ArrayList<>();
		events.add(new ContestPublished(contest, "Cuộc thi trực tuyến tìm hiểu về cải cách hành chính năm 2021",
				"Sở Nội vụ tỉnh Sóc Trăng", "Asia/Ho_Chi_Minh", 1,
				List.of(new Round("quiz", "quiz", "Thi tìm hiểu kiến thức", OPENS, CLOSES,
						new QuizSettings("cchc-2021", 10, 900, 3, "best")),
						new Round("video", "video", "Video tuyên truyền", OPENS, CLOSES, null)),
				"2021", null, null, tiers,
				new CollectiveScoring("50% tỷ lệ tham gia + 50% điểm trung bình",
						Map.of("participation-rate", 0.5, "mean-score", 0.5))));
		Map<String, Integer> blocks = new LinkedHashMap<>();
		blocks.put("so-nganh", 18);
		blocks.put("ban-quan-ly", 1);
		blocks.put("van-phong", 1);
		blocks.put("su-nghiep", 8);
		blocks.put("trung-uong", 7);
		blocks.put("huyen", 11);
		List<Unit> units = new ArrayList<>();
		blocks.forEach((block, n) -> {
			for (int i = 1; i <= n; i++) {
				units.add(new Unit(block + "-" + i, block, 10 + random.nextInt(40)));
			}
		});
		assertThat(units).hasSize(46);
		units.forEach(u -> events.add(new UnitRegistered(contest, u.code(), "Đơn vị " + u.code(), u.block(), u.headcount())));
		Map<String, String> unitOf = new HashMap<>();
		Map<String, Boolean> excluded = new HashMap<>();
		List<AttemptSubmitted> attempts = new ArrayList<>();
		int n = 0;
		for (Unit u : units) {
			int people = 1 + random.nextInt(u.headcount());
			for (int k = 0; k < people; k++) {
				String id = "cb" + n++;
				unitOf.put(id, u.code());
				excluded.put(id, n % 53 == 0);
				events.add(new ParticipantEnrolled(contest, id, "u-" + id, ExpectedPrizes.name(random), "civil-servant",
						u.code(), OPENS));
				int tries = 1 + random.nextInt(3);
				for (int a = 0; a < tries; a++) {
					boolean late = random.nextInt(60) == 0;
					Instant at = late ? CLOSES.plusSeconds(1 + random.nextInt(3600))
							: OPENS.plusSeconds(random.nextInt(2_500_000));
					attempts.add(new AttemptSubmitted(contest, "quiz", id + "-" + a, id, "u-" + id, random.nextInt(11), 10,
							20_000 + random.nextInt(880_000), null, at, false, "civil-servant", null));
				}
			}
		}
		events.addAll(attempts);
		excluded.forEach((id, out) -> {
			if (out) {
				events.add(new ParticipantExcluded(contest, id, "Thành viên Ban Tổ chức"));
			}
		});
		publish(events.toArray(CchcEvent[]::new));

		// The test's own calculation.
		Comparator<AttemptSubmitted> order = Comparator.comparingInt(AttemptSubmitted::correctCount)
			.reversed()
			.thenComparingLong(AttemptSubmitted::durationMillis)
			.thenComparing(AttemptSubmitted::submittedAt);
		Map<String, AttemptSubmitted> best = new HashMap<>();
		attempts.stream()
			.filter(a -> !excluded.get(a.participantId()) && !a.submittedAt().isAfter(CLOSES))
			.forEach(a -> best.merge(a.participantId(), a, (x, y) -> order.compare(x, y) <= 0 ? x : y));
		Map<String, List<String>> individualGroups = new LinkedHashMap<>();
		best.values()
			.stream()
			.sorted(order)
			.forEach(a -> individualGroups.computeIfAbsent(a.correctCount() + "|" + a.durationMillis() + "|" + a.submittedAt(),
					k -> new ArrayList<>())
				.add(a.participantId()));
		ExpectedPrizes.Outcome individual = ExpectedPrizes.fill(
				java.util.Collections.nCopies(10, "Giải cá nhân trả lời đúng nhiều nhất, nhanh nhất"),
				new ArrayList<>(individualGroups.values()));
		Map<String, double[]> sums = new HashMap<>();
		best.values().forEach(a -> {
			double[] s = sums.computeIfAbsent(unitOf.get(a.participantId()), k -> new double[2]);
			s[0]++;
			s[1] += a.correctCount() * 10.0;
		});
		Map<String, Double> formula = new HashMap<>();
		for (Unit u : units) {
			double[] s = sums.get(u.code());
			if (s == null) {
				continue;
			}
			double rate = Math.round(1000.0 * s[0] / u.headcount()) / 10.0;
			double mean = Math.round(10 * s[1] / s[0]) / 10.0;
			formula.put(u.code(), Math.round((0.5 * rate + 0.5 * mean) * 100) / 100.0);
		}
		Map<Double, List<String>> collectiveGroups = new java.util.TreeMap<>(Comparator.reverseOrder());
		formula.forEach((unit, value) -> collectiveGroups.computeIfAbsent(value, k -> new ArrayList<>()).add(unit));
		collectiveGroups.values().forEach(list -> list.sort(null));
		List<String> places = new ArrayList<>(List.of("Giải Nhất tập thể", "Giải Nhì tập thể", "Giải Nhì tập thể",
				"Giải Ba tập thể", "Giải Ba tập thể", "Giải Ba tập thể"));
		places.addAll(java.util.Collections.nCopies(4, "Giải Khuyến khích tập thể"));
		ExpectedPrizes.Outcome collective = ExpectedPrizes.fill(places, new ArrayList<>(collectiveGroups.values()));

		ApiClient api = api();
		String organiser = TestTokens.token("so-noi-vu", "organizer");
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(api.get("/api/awards/contests/" + contest + "/standings", organiser)
				.json()
				.get("participants")
				.asInt()).isEqualTo(best.size()));
		JsonNode prizes = api.get("/api/awards/contests/" + contest + "/prizes", organiser).json();
		List<String> got = new ArrayList<>();
		prizes.get("awards").forEach(a -> got.add(a.get("tierName").asString() + " → " + a.get("winnerId").asString()));
		List<String> expected = new ArrayList<>();
		collective.won().forEach(w -> expected.add(w.prize() + " → " + w.winner()));
		individual.won().forEach(w -> expected.add(w.prize() + " → " + w.winner()));
		assertThat(got).containsExactlyElementsOf(expected);
		assertThat(prizes.get("ties")).hasSize(collective.ties().size() + individual.ties().size());
		assertThat(got).as("ten collective and ten individual prizes (no tie in this data)").hasSize(20);
		assertThat(prizes.get("notes").get(0).asString()).contains("Giải video tuyên truyền hay nhất");
		JsonNode standings = api.get("/api/awards/contests/" + contest + "/standings", null).json();
		JsonNode formulaRanking = standings.get("collective").get(0);
		assertThat(formulaRanking.get("ranking").asString()).isEqualTo("formula");
		assertThat(formulaRanking.get("rows").get(0).get("unitCode").asString())
			.isEqualTo(collective.won().get(0).winner());
		assertThat(formulaRanking.get("rows").get(0).get("formula").asDouble())
			.isEqualTo(formula.get(collective.won().get(0).winner()));
	}

}
