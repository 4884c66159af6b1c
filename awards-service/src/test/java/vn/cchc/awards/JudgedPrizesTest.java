package vn.cchc.awards;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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
import vn.cchc.contracts.ContestEvent.StagePart;
import vn.cchc.contracts.EntryEvent.EntrySubmitted;
import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.contracts.ScoreEvent.ScoreSheetSubmitted;
import vn.cchc.contracts.TeamEvent.TeamRegistered;
import vn.cchc.contracts.UnitEvent.UnitRegistered;
import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Judged tiers from the judges' score sheets. Plan 001 (Sóc Trăng): 46 units upload videos, five
 * judges score them (some re-score, some videos get only three judges, two get none); the ten
 * best-video prizes and the collective tiers ranked by the template's default formula (mean quiz
 * score + judged video score) are checked against the test's own calculation. Plan 000 (Kon Rẫy):
 * judges score the communes' teams on stage; two teams equal after a re-score tie for the first
 * prize, which goes to the organiser.
 */
class JudgedPrizesTest extends AwardsTestSupport {

	static final Instant OPENS = Instant.parse("2021-09-15T00:00:00Z");

	static final Instant CLOSES = Instant.parse("2021-10-15T17:00:00Z");

	static final String VIDEO_PRIZE = "Giải video tuyên truyền hay nhất";

	final String organiser = TestTokens.token("so-noi-vu", "organizer");

	/** A mean kept as a fraction, so the test's ranking never depends on a division. */
	record Mean(BigDecimal sum, int judges) implements Comparable<Mean> {

		@Override
		public int compareTo(Mean o) {
			return this.sum.multiply(BigDecimal.valueOf(o.judges)).compareTo(o.sum.multiply(BigDecimal.valueOf(this.judges)));
		}

		double value() {
			return this.sum.doubleValue() / this.judges;
		}

	}

	@Test
	void soc_trang_best_video_prizes_and_the_formula_with_judged_scores_match_an_independent_calculation() {
		String contest = "soc-trang-judged-" + UUID.randomUUID();
		Random random = new Random(46);
		List<PrizeTier> tiers = List.of(
				new PrizeTier("Giải Nhất tập thể", 1, 10_000_000, "collective", "formula", "", "quiz", false, false,
						null, null),
				new PrizeTier("Giải Nhì tập thể", 2, 7_000_000, "collective", "formula", "", "quiz", false, false, null,
						null),
				new PrizeTier("Giải Ba tập thể", 3, 5_000_000, "collective", "formula", "", "quiz", false, false, null,
						null),
				new PrizeTier("Giải Khuyến khích tập thể", 4, 3_000_000, "collective", "formula", "", "quiz", false,
						false, null, null),
				new PrizeTier(VIDEO_PRIZE, 10, 500_000, "collective", "judged", "video hay nhất", "video", true, false,
						null, null));
		List<CchcEvent> events = new ArrayList<>();
		events.add(new ContestPublished(contest, "Hội thi trực tuyến Cải cách hành chính tỉnh Sóc Trăng năm 2021",
				"Sở Nội vụ tỉnh Sóc Trăng", "Asia/Ho_Chi_Minh", 1,
				List.of(new Round("quiz", "quiz", "Thi tìm hiểu kiến thức", OPENS, CLOSES,
						new QuizSettings("cchc-2021", 10, 900, 1, "best")),
						new Round("video", "video", "Video tuyên truyền", OPENS, CLOSES, null)),
				"2021", null, null, tiers,
				new CollectiveScoring("Điểm bình quân trắc nghiệm + điểm video", Map.of("mean-score", 1.0, "judged", 1.0))));
		List<String> units = new ArrayList<>();
		for (int i = 1; i <= 46; i++) {
			String code = String.format(java.util.Locale.ROOT, "DV%02d", i);
			units.add(code);
			events.add(new UnitRegistered(contest, code, "Đơn vị " + i, i <= 18 ? "so-nganh" : "khac", 30));
		}
		// The quiz: a few civil servants per unit, one attempt each.
		Map<String, double[]> quiz = new HashMap<>();
		int n = 0;
		for (String unit : units) {
			int people = 1 + random.nextInt(6);
			for (int k = 0; k < people; k++) {
				String id = "cb" + n++;
				int correct = random.nextInt(11);
				events.add(new ParticipantEnrolled(contest, id, "u-" + id, ExpectedPrizes.name(random), "civil-servant",
						unit, OPENS));
				events.add(new AttemptSubmitted(contest, "quiz", id + "-a", id, "u-" + id, correct, 10,
						30_000 + random.nextInt(500_000), null, OPENS.plusSeconds(random.nextInt(2_000_000)), false,
						"civil-servant", null));
				double[] s = quiz.computeIfAbsent(unit, u -> new double[2]);
				s[0]++;
				s[1] += correct * 10.0;
			}
		}
		// Videos: most units one, some two, three none; five judges, some videos only three of them.
		Map<String, String> unitOfEntry = new HashMap<>();
		List<ScoreSheetSubmitted> sheets = new ArrayList<>();
		List<String> judges = List.of("gk1", "gk2", "gk3", "gk4", "gk5");
		int unscored = 0;
		for (int u = 0; u < units.size(); u++) {
			int videos = u % 15 == 7 ? 0 : u % 6 == 0 ? 2 : 1;
			for (int v = 0; v < videos; v++) {
				String entry = "video-" + units.get(u) + "-" + v;
				unitOfEntry.put(entry, units.get(u));
				events.add(new EntrySubmitted(contest, "video", entry, units.get(u), "video", "Video " + entry,
						OPENS.plusSeconds(random.nextInt(1_000_000))));
				if (v == 1 && unscored < 2) {
					unscored++;
					continue;
				}
				List<String> panel = random.nextInt(4) == 0 ? judges.subList(0, 3) : judges;
				for (String judge : panel) {
					Instant at = CLOSES.plusSeconds(86_400 + random.nextInt(86_400));
					sheets.add(sheet(contest, entry, judge, judge + "-" + entry + "-0", score(random), at));
					int again = random.nextInt(10);
					if (again < 2) {
						// A re-score later replaces the first sheet.
						sheets.add(sheet(contest, entry, judge, judge + "-" + entry + "-1", score(random),
								at.plusSeconds(3600)));
					}
					else if (again == 2) {
						// Same instant: the later sheet id counts.
						sheets.add(sheet(contest, entry, judge, judge + "-" + entry + "-1", score(random), at));
					}
				}
			}
		}
		// Arrival order must not matter: the re-scores may arrive before what they replace.
		List<ScoreSheetSubmitted> shuffled = new ArrayList<>(sheets);
		Collections.shuffle(shuffled, random);
		events.addAll(shuffled);
		publish(events.toArray(CchcEvent[]::new));

		// The test's own calculation: each judge's latest sheet per video, the mean as a fraction, a
		// unit's best video.
		Map<String, Map<String, ScoreSheetSubmitted>> latest = new HashMap<>();
		for (ScoreSheetSubmitted s : sheets) {
			latest.computeIfAbsent(s.entryId(), e -> new HashMap<>()).merge(s.judgeId(), s, (a, b) -> {
				int byTime = a.submittedAt().compareTo(b.submittedAt());
				return byTime != 0 ? (byTime > 0 ? a : b) : (a.sheetId().compareTo(b.sheetId()) > 0 ? a : b);
			});
		}
		Map<String, Mean> bestOfUnit = new HashMap<>();
		latest.forEach((entry, byJudge) -> {
			Mean mean = new Mean(byJudge.values().stream().map(ScoreSheetSubmitted::total).reduce(BigDecimal.ZERO,
					BigDecimal::add), byJudge.size());
			bestOfUnit.merge(unitOfEntry.get(entry), mean, (a, b) -> a.compareTo(b) >= 0 ? a : b);
		});
		TreeMap<Mean, List<String>> videoGroups = new TreeMap<>(Comparator.reverseOrder());
		bestOfUnit.forEach((unit, mean) -> videoGroups.computeIfAbsent(mean, m -> new ArrayList<>()).add(unit));
		videoGroups.values().forEach(list -> list.sort(null));
		ExpectedPrizes.Outcome video = ExpectedPrizes.fill(Collections.nCopies(10, VIDEO_PRIZE),
				new ArrayList<>(videoGroups.values()));
		Map<String, Double> formula = new HashMap<>();
		for (String unit : units) {
			double[] s = quiz.get(unit);
			double mean = Math.round(10 * s[1] / s[0]) / 10.0;
			Mean judged = bestOfUnit.get(unit);
			formula.put(unit, Math.round((mean + (judged == null ? 0 : judged.value())) * 100) / 100.0);
		}
		TreeMap<Double, List<String>> formulaGroups = new TreeMap<>(Comparator.reverseOrder());
		formula.forEach((unit, value) -> {
			if (value > 0) {
				formulaGroups.computeIfAbsent(value, v -> new ArrayList<>()).add(unit);
			}
		});
		formulaGroups.values().forEach(list -> list.sort(null));
		List<String> places = new ArrayList<>(List.of("Giải Nhất tập thể", "Giải Nhì tập thể", "Giải Nhì tập thể",
				"Giải Ba tập thể", "Giải Ba tập thể", "Giải Ba tập thể"));
		places.addAll(Collections.nCopies(4, "Giải Khuyến khích tập thể"));
		ExpectedPrizes.Outcome main = ExpectedPrizes.fill(places, new ArrayList<>(formulaGroups.values()));

		ApiClient api = api();
		String base = "/api/awards/contests/" + contest;
		int videosScored = latest.size();
		int people = n;
		int sheetsCounted = latest.values().stream().mapToInt(Map::size).sum();
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			JsonNode standings = api.get(base + "/standings", this.organiser).json();
			assertThat(standings.get("participants").asInt()).isEqualTo(people);
			assertThat(standings.get("judged").get(0).get("entries")).hasSize(videosScored);
			assertThat(sheetCount(standings)).as("each judge's latest sheet per video").isEqualTo(sheetsCounted);
		});
		JsonNode prizes = api.get(base + "/prizes", this.organiser).json();
		List<String> got = new ArrayList<>();
		prizes.get("awards").forEach(a -> got.add(a.get("tierName").asString() + " → " + a.get("winnerId").asString()));
		List<String> expected = new ArrayList<>();
		main.won().forEach(w -> expected.add(w.prize() + " → " + w.winner()));
		video.won().forEach(w -> expected.add(w.prize() + " → " + w.winner()));
		assertThat(got).containsExactlyElementsOf(expected);
		assertThat(got).as("ten main and ten best-video prizes (no tie in this data)").hasSize(20);
		assertThat(prizes.get("ties")).isEmpty();
		assertThat(prizes.get("notes")).isEmpty();
		JsonNode firstVideo = prizes.get("awards").get(10);
		assertThat(firstVideo.get("basis").asString()).startsWith("điểm Ban Giám khảo ");
		assertThat(unscored).isEqualTo(2);

		JsonNode standings = api.get(base + "/standings", this.organiser).json();
		JsonNode top = standings.get("collective").get(0).get("rows").get(0);
		String topUnit = main.won().get(0).winner();
		assertThat(top.get("unitCode").asString()).isEqualTo(topUnit);
		assertThat(top.get("formula").asDouble()).isEqualTo(formula.get(topUnit));
		JsonNode judgedUnits = standings.get("judged").get(0).get("units");
		assertThat(judgedUnits).hasSize(bestOfUnit.size());
		Mean best = videoGroups.firstKey();
		assertThat(judgedUnits.get(0).get("score").decimalValue())
			.isEqualByComparingTo(best.sum().divide(BigDecimal.valueOf(best.judges()), 2, java.math.RoundingMode.HALF_UP));
		assertThat(api.get(base + "/standings", null).json().get("judged")).as("judged scores are the organisers'")
			.isEmpty();
	}

	/** Sheets listed for the organisers: the ones that count. */
	private static int sheetCount(JsonNode standings) {
		int count = 0;
		for (JsonNode entry : standings.get("judged").get(0).get("entries")) {
			count += entry.get("judges").asInt();
		}
		return count;
	}

	private static BigDecimal score(Random random) {
		// Tenths between 50.0 and 100.0: five or three judges never put a mean on a rounding edge.
		return BigDecimal.valueOf(500 + random.nextInt(501), 1);
	}

	private static ScoreSheetSubmitted sheet(String contest, String entry, String judge, String sheetId,
			BigDecimal total, Instant at) {
		return new ScoreSheetSubmitted(contest, "video", sheetId, entry, judge, total, at);
	}

	@Test
	void kon_ray_teams_equal_after_a_re_score_tie_for_the_first_prize_and_the_organiser_decides() {
		String contest = "kon-ray-" + UUID.randomUUID();
		Instant stage = Instant.parse("2023-09-20T01:00:00Z");
		List<PrizeTier> tiers = List.of(
				new PrizeTier("Giải nhất", 1, 0, "collective", "judged", "điểm Ban Giám khảo", "live", false, false,
						null, null),
				new PrizeTier("Giải nhì", 1, 0, "collective", "judged", "", "live", false, false, null, null),
				new PrizeTier("Giải ba", 2, 0, "collective", "judged", "", "live", false, false, null, null),
				new PrizeTier("Giải khuyến khích", 3, 0, "collective", "judged", "", "live", false, false, null, null));
		List<CchcEvent> events = new ArrayList<>();
		events.add(new ContestPublished(contest, "Hội thi Cải cách hành chính huyện Kon Rẫy năm 2023",
				"UBND huyện Kon Rẫy", "Asia/Ho_Chi_Minh", 1,
				List.of(new Round("live", "live", "Hội thi trực tiếp", stage, stage.plusSeconds(6 * 3600), null,
						List.of(new StagePart("Giới thiệu về đội", 180, 0), new StagePart("Trình diễn tiểu phẩm", 1200, 0),
								new StagePart("Trả lời câu hỏi", 180, 120)),
						List.of(), List.of())),
				"2023", null, null, tiers, null));
		// Seven communes; judges score each team as a whole (the sheet names the team).
		Map<String, List<String>> totals = new LinkedHashMap<>();
		totals.put("XA1", List.of("90", "90", "90"));
		totals.put("XA2", List.of("88", "92", "90"));
		totals.put("XA3", List.of("85", "85", "85"));
		totals.put("XA4", List.of("84", "84", "84"));
		totals.put("XA5", List.of("80", "81", "79"));
		totals.put("XA6", List.of("80", "80", "80"));
		totals.put("XA7", List.of("60", "61.5", "58.5"));
		List<CchcEvent> sheets = new ArrayList<>();
		totals.forEach((unit, scores) -> {
			events.add(new UnitRegistered(contest, unit, "Xã " + unit, "xa", 16));
			events.add(new TeamRegistered(contest, "doi-" + unit, unit, "Đội " + unit, List.of("A", "B")));
			for (int j = 0; j < 3; j++) {
				sheets.add(new ScoreSheetSubmitted(contest, "live", "p-" + unit + "-" + j, "doi-" + unit, "gk" + j,
						new BigDecimal(scores.get(j)), stage.plusSeconds(3600 + j)));
			}
		});
		// Judge gk0 first gave XA1 70, then corrected it to 90: only the correction counts.
		sheets.add(0, new ScoreSheetSubmitted(contest, "live", "p-XA1-0-old", "doi-XA1", "gk0", new BigDecimal("70"),
				stage.plusSeconds(1800)));
		events.addAll(sheets);
		publish(events.toArray(CchcEvent[]::new));

		ApiClient api = api();
		String base = "/api/awards/contests/" + contest;
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(api.get(base + "/prizes", this.organiser).json().get("awards")).hasSize(5));
		JsonNode prizes = api.get(base + "/prizes", this.organiser).json();
		assertThat(prizes.get("ties")).hasSize(1);
		JsonNode tie = prizes.get("ties").get(0);
		assertThat(tie.get("prizes").toString()).isEqualTo("[\"Giải nhất\",\"Giải nhì\"]");
		List<String> tied = new ArrayList<>();
		tie.get("candidates").forEach(c -> tied.add(c.get("id").asString()));
		assertThat(tied).containsExactly("XA1", "XA2");
		List<String> got = new ArrayList<>();
		prizes.get("awards").forEach(a -> got.add(a.get("tierName").asString() + " → " + a.get("winnerId").asString()));
		assertThat(got).containsExactly("Giải ba → XA3", "Giải ba → XA4", "Giải khuyến khích → XA5",
				"Giải khuyến khích → XA6", "Giải khuyến khích → XA7");
		assertThat(api.post(base + "/results/finalise", this.organiser, null).status()).isEqualTo(409);

		ApiClient.Response decided = api.post(base + "/ties/" + tie.get("tieId").asString(), this.organiser,
				ApiClient.json(Map.of("order", List.of("XA2", "XA1"), "reason", "Ban Giám khảo chấm lại phần thi ứng xử")));
		assertThat(decided.status()).isEqualTo(200);
		List<String> after = new ArrayList<>();
		decided.json().get("awards").forEach(a -> after.add(a.get("tierName").asString() + " → " + a.get("winnerId").asString()));
		assertThat(after).startsWith("Giải nhất → XA2", "Giải nhì → XA1");
		assertThat(decided.json().get("ties")).isEmpty();
	}

}
