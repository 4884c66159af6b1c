package vn.cchc.awards;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.cchc.awards.ContestResults.Computed;
import vn.cchc.awards.ContestResults.Judging;
import vn.cchc.awards.ReadModels.ContestConfig;
import vn.cchc.awards.ReadModels.Entrant;
import vn.cchc.awards.ReadModels.UnitInfo;
import vn.cchc.awards.ranking.Award;
import vn.cchc.awards.ranking.JudgedRanking.Subject;
import vn.cchc.awards.ranking.JudgedRound;
import vn.cchc.awards.ranking.RoundSpec;
import vn.cchc.awards.ranking.Scored;
import vn.cchc.awards.ranking.Sheet;
import vn.cchc.awards.ranking.Tier;
import vn.cchc.awards.ranking.UnitScore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collective formula's {@code judged} and {@code prize-points} components, the all-correct
 * threshold and individual judged tiers, on the pure computation (no MongoDB, no Kafka); the
 * expected figures are worked out by hand in the comments.
 */
class CollectiveComponentsTest {

	static final Instant T = Instant.parse("2024-07-01T00:00:00Z");

	static final RoundSpec QUIZ = new RoundSpec("q", "Trắc nghiệm", "best", false, null, false, null);

	final List<Scored> attempts = new ArrayList<>();

	final Map<String, Entrant> entrants = new HashMap<>();

	void person(String id, String unit, int correct, long millis) {
		this.entrants.put(id, Entrant.of(id, "c", "Người " + id, unit, "civil-servant", false, T));
		this.attempts.add(new Scored(id + "-a", "q", id, "Người " + id, unit, "civil-servant", null, correct, 10, millis,
				null, T.plusSeconds(this.attempts.size()), "e-" + id));
	}

	static List<UnitInfo> units(String... codes) {
		List<UnitInfo> units = new ArrayList<>();
		for (String code : codes) {
			units.add(new UnitInfo("c:" + code, "c", code, "Đơn vị " + code, "khoi", 50));
		}
		return units;
	}

	static Sheet sheet(String round, String id, String entry, String judge, String total, long at) {
		return new Sheet(round, id, entry, judge, new BigDecimal(total), T.plusSeconds(at), "ev-" + id);
	}

	static Tier tier(String name, int count, String scope, String ranking, String round, boolean side,
			Double points) {
		return new Tier(name, count, 0, scope, ranking, round, side, false, null, null, points);
	}

	static List<String> awards(Computed c) {
		return c.allocation().awards().stream().map(a -> a.tierName() + " → " + a.winnerId()).toList();
	}

	static UnitScore unit(Computed c, String code) {
		return c.unitScores().get("q").stream().filter(s -> s.unit().unitCode().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void prize_points_and_judged_scores_enter_the_formula_and_change_its_winners() {
		// A: one person, the best score (first individual prize, 5 points); B: one person, second
		// (3 points); C: twelve people, low scores. Videos: A's mean 80 (side prize, 2 points), B's
		// 70.5 after gk1's re-score (61 → 71), C none.
		person("a1", "A", 10, 1_000);
		person("b1", "B", 9, 1_000);
		for (int i = 0; i < 12; i++) {
			person("c" + i, "C", 3, 5_000);
		}
		List<Tier> tiers = List.of(tier("Giải nhất cá nhân", 1, "individual", "score", "q", false, 5.0),
				tier("Giải nhì cá nhân", 1, "individual", "score", "q", false, 3.0),
				tier("Video hay nhất", 1, "collective", "judged", "v", true, 2.0),
				tier("Giải tập thể", 2, "collective", "formula", "q", false, 100.0));
		Map<String, Double> weights = Map.of("participants", 1.0, "prize-points", 10.0, "judged", 0.1);
		ContestConfig config = new ContestConfig("c", 1, "Hội thi", "Sở Nội vụ", "Asia/Ho_Chi_Minh", List.of(QUIZ),
				tiers, "", weights, List.of(new JudgedRound("v", "video", "Video", 0)), null);
		Judging judging = new Judging(List.of(sheet("v", "s1", "vA", "gk1", "80", 1), sheet("v", "s2", "vA", "gk2", "80", 1),
				sheet("v", "s3", "vB", "gk1", "61", 1), sheet("v", "s4", "vB", "gk1", "71", 2),
				sheet("v", "s5", "vB", "gk2", "70", 1)),
				Map.of("vA", new Subject("vA", "Video A", "A"), "vB", new Subject("vB", "Video B", "B")));

		Computed c = ContestResults.compute("c", 1, config, this.entrants, units("A", "B", "C"), List.of(QUIZ),
				this.attempts, judging, Map.of());

		// Points: A 5 + 2 = 7, B 3, C 0 (the formula tier's own 100 points never feed the formula).
		assertThat(unit(c, "A").prizePoints()).isEqualTo(7.0);
		assertThat(unit(c, "B").prizePoints()).isEqualTo(3.0);
		assertThat(unit(c, "C").prizePoints()).isZero();
		assertThat(unit(c, "A").judged()).isEqualTo(80.0);
		assertThat(unit(c, "B").judged()).isEqualTo(70.5);
		// A: 1 + 7 × 10 + 80 × 0.1 = 79; B: 1 + 30 + 7.05 = 38.05; C: 12.
		assertThat(unit(c, "A").formula()).isEqualTo(79.0);
		assertThat(unit(c, "B").formula()).isEqualTo(38.05);
		assertThat(unit(c, "C").formula()).isEqualTo(12.0);
		// Without prize points C (12) would beat B (8.05) and take the second collective prize.
		assertThat(awards(c)).containsExactly("Giải nhất cá nhân → a1", "Giải nhì cá nhân → b1", "Video hay nhất → A",
				"Giải tập thể → A", "Giải tập thể → B");
		Award video = c.allocation().awards().get(2);
		assertThat(video.basis()).isEqualTo("điểm Ban Giám khảo 80,00");
	}

	@Test
	void all_correct_counts_people_at_or_above_the_threshold_in_the_ranking_and_the_formula() {
		// A: 10, 8 and 7 right out of 10; B: 9, 9 and 9.
		person("a1", "A", 10, 1_000);
		person("a2", "A", 8, 1_000);
		person("a3", "A", 7, 1_000);
		person("b1", "B", 9, 1_000);
		person("b2", "B", 9, 1_000);
		person("b3", "B", 9, 1_000);
		List<Tier> tiers = List.of(tier("Nhiều người trả lời đúng nhất", 1, "collective", "all-correct", "q", false, null));
		Map<String, Double> weights = Map.of("all-correct", 1.0);

		ContestConfig every = new ContestConfig("c", 1, "", "", "Asia/Ho_Chi_Minh", List.of(QUIZ), tiers, "", weights,
				List.of(), null);
		Computed strict = ContestResults.compute("c", 1, every, this.entrants, units("A", "B"), List.of(QUIZ),
				this.attempts, Judging.NONE, Map.of());
		assertThat(unit(strict, "A").allCorrect()).isEqualTo(1);
		assertThat(unit(strict, "B").allCorrect()).isZero();
		assertThat(awards(strict)).containsExactly("Nhiều người trả lời đúng nhất → A");
		assertThat(strict.allocation().awards().get(0).basis()).isEqualTo("1 người trả lời đúng tất cả");

		ContestConfig eighty = new ContestConfig("c", 1, "", "", "Asia/Ho_Chi_Minh", List.of(QUIZ), tiers, "", weights,
				List.of(), 80);
		Computed relaxed = ContestResults.compute("c", 1, eighty, this.entrants, units("A", "B"), List.of(QUIZ),
				this.attempts, Judging.NONE, Map.of());
		// At 80 %: A counts 10 and 8 (2), B all three 9s (3).
		assertThat(unit(relaxed, "A").allCorrect()).isEqualTo(2);
		assertThat(unit(relaxed, "B").allCorrect()).isEqualTo(3);
		assertThat(unit(relaxed, "B").formula()).isEqualTo(3.0);
		assertThat(awards(relaxed)).containsExactly("Nhiều người trả lời đúng nhất → B");
		assertThat(relaxed.allocation().awards().get(0).basis())
			.isEqualTo("3 người trả lời đúng từ 80% số câu trở lên");
	}

	@Test
	void individual_judged_tiers_rank_entries_and_an_entry_without_a_sheet_is_not_ranked() {
		List<Tier> tiers = List.of(tier("Sáng kiến đạt giải", 2, "individual", "judged", "idea", false, null));
		ContestConfig config = new ContestConfig("c", 1, "", "", "Asia/Ho_Chi_Minh", List.of(), tiers, "", null,
				List.of(new JudgedRound("idea", "idea", "Sáng kiến", 0)), null);
		Judging judging = new Judging(
				List.of(sheet("idea", "s1", "e1", "gk1", "9", 1), sheet("idea", "s2", "e1", "gk2", "8", 1),
						sheet("idea", "s3", "e2", "gk1", "9.5", 1), sheet("idea", "s4", "e2", "gk2", "6.5", 1),
						sheet("idea", "s5", "e3", "gk1", "7", 1)),
				Map.of("e1", new Subject("e1", "Số hoá hồ sơ", "A"), "e2", new Subject("e2", "Một cửa lưu động", "B"),
						"e3", new Subject("e3", "Hẹn giờ trả kết quả", "A"), "e4", new Subject("e4", "Chưa chấm", "B")));

		Computed c = ContestResults.compute("c", 1, config, Map.of(), units("A", "B"), List.of(), List.of(), judging,
				Map.of());

		// e1: (9 + 8) / 2 = 8.5; e2: (9.5 + 6.5) / 2 = 8; e3: 7; e4 has no sheet.
		assertThat(c.judgedEntries().get("idea")).extracting(e -> e.entryId()).containsExactly("e1", "e2", "e3");
		assertThat(awards(c)).containsExactly("Sáng kiến đạt giải → e1", "Sáng kiến đạt giải → e2");
		assertThat(c.allocation().awards().get(0).basis()).isEqualTo("điểm Ban Giám khảo 8,50 (trung bình của 2 giám khảo)");
		assertThat(c.allocation().awards().get(0).winnerName()).isEqualTo("Số hoá hồ sơ");
		assertThat(c.allocation().notes()).isEmpty();
	}

}
