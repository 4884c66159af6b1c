package vn.cchc.awards.ranking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RankingRulesTest {

	static final Instant T = Instant.parse("2024-07-01T00:00:00Z");

	static final RoundSpec ROUND = new RoundSpec("r", "Vòng 1", "best", false, null, false, T.plusSeconds(86_400));

	static Scored s(String id, String who, int correct, long millis, long at, Long prediction) {
		return new Scored(id, "r", who, "Người " + who, "KP1", "citizen", null, correct, 10, millis, prediction,
				T.plusSeconds(at), "e-" + id);
	}

	@Test
	void a_closer_prediction_ranks_above_a_faster_time_among_equal_scores() {
		RoundSpec round = new RoundSpec("r", "Vòng 1", "first", false, "all-correct", false, null);
		// Two attempts are all correct, so the true value is 2.
		List<Board> boards = IndividualRanking.rank(round, List.of(s("a", "an", 10, 90_000, 1, 7L),
				s("b", "binh", 10, 60_000, 2, 3L), s("c", "chi", 9, 10_000, 3, 2L)));
		Board board = boards.get(0);
		assertThat(board.trueValue()).isEqualTo(2);
		assertThat(board.rows()).extracting(r -> r.result().participantId()).containsExactly("binh", "an", "chi");
		assertThat(board.rows().get(0).predictionGap()).isEqualTo(1);
	}

	@Test
	void weekly_rounds_and_category_question_sets_have_their_own_boards_and_late_attempts_are_not_ranked() {
		RoundSpec round = new RoundSpec("r", "Tuần", "best", true, null, true, T.plusSeconds(1000));
		Scored w1 = new Scored("1", "r", "an", null, "KP1", "citizen", "w1", 5, 10, 1, null, T.plusSeconds(1), null);
		Scored w2 = new Scored("2", "r", "an", null, "KP1", "citizen", "w2", 6, 10, 1, null, T.plusSeconds(2), null);
		Scored cs = new Scored("3", "r", "cuc", null, "KP1", "civil-servant", "w1", 7, 10, 1, null, T.plusSeconds(3),
				null);
		Scored late = new Scored("4", "r", "dao", null, "KP1", "citizen", "w2", 10, 10, 1, null, T.plusSeconds(1001),
				null);
		List<Board> boards = IndividualRanking.rank(round, List.of(w1, w2, cs, late));
		assertThat(boards).extracting(Board::key).containsExactly("r|w1|citizen", "r|w1|civil-servant", "r|w2|citizen");
		assertThat(boards.get(2).rows()).extracting(r -> r.result().attemptId()).containsExactly("2");
	}

	@Test
	void the_first_attempt_counts_when_the_round_says_first() {
		RoundSpec first = new RoundSpec("r", "Vòng 1", "first", false, null, false, null);
		List<Board> boards = IndividualRanking.rank(first, List.of(s("a2", "an", 10, 1, 50, null), s("a1", "an", 3, 1, 10, null)));
		assertThat(boards.get(0).rows()).extracting(r -> r.result().attemptId()).containsExactly("a1");
		List<Board> best = IndividualRanking.rank(ROUND, List.of(s("a2", "an", 10, 1, 50, null), s("a1", "an", 3, 1, 10, null)));
		assertThat(best.get(0).rows()).extracting(r -> r.result().attemptId()).containsExactly("a2");
	}

	static List<Candidate> ranked(Object... idAndRank) {
		List<Candidate> list = new ArrayList<>();
		for (int i = 0; i < idAndRank.length; i += 2) {
			list.add(new Candidate((String) idAndRank[i], null, null, null, (Integer) idAndRank[i + 1], "", null, null));
		}
		return list;
	}

	static Tier tier(String name, int count, boolean side) {
		return new Tier(name, count, 100, "individual", "score", null, side, false, null, null, null);
	}

	@Test
	void a_tie_across_a_prize_boundary_is_left_to_the_organiser_and_places_below_it_are_still_awarded() {
		List<Tier> tiers = List.of(tier("Nhất", 1, false), tier("Nhì", 1, false), tier("Ba", 1, false),
				tier("Khuyến khích", 2, false));
		Map<String, List<Candidate>> one = new LinkedHashMap<>();
		// a and b tie for first; c is third; d and e tie for the consolation places (both fit); f, g tie after.
		one.put(null, ranked("a", 1, "b", 1, "c", 3, "d", 4, "e", 4, "f", 6));
		Allocation allocation = PrizeAllocation.allocate(tiers, (t, i) -> one, Map.of());
		assertThat(allocation.ties()).hasSize(1);
		Tie tie = allocation.ties().get(0);
		assertThat(tie.prizes()).containsExactly("Nhất", "Nhì");
		assertThat(tie.candidates()).extracting(Candidate::id).containsExactly("a", "b");
		assertThat(allocation.awards()).extracting(Award::winnerId, Award::tierName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("c", "Ba"), org.assertj.core.groups.Tuple.tuple("d", "Khuyến khích"),
					org.assertj.core.groups.Tuple.tuple("e", "Khuyến khích"));

		Allocation decided = PrizeAllocation.allocate(tiers, (t, i) -> one, Map.of(tie.tieId(), List.of("b", "a")));
		assertThat(decided.ties()).isEmpty();
		assertThat(decided.awards()).extracting(Award::winnerId).containsExactly("b", "a", "c", "d", "e");
		assertThat(decided.awards()).extracting(Award::tierName)
			.containsExactly("Nhất", "Nhì", "Ba", "Khuyến khích", "Khuyến khích");
	}

	@Test
	void a_tie_for_the_last_place_is_a_tie_and_a_tie_inside_one_tier_is_not() {
		List<Tier> tiers = List.of(tier("Khuyến khích", 3, false));
		Map<String, List<Candidate>> one = new LinkedHashMap<>();
		one.put(null, ranked("a", 1, "b", 2, "c", 2, "d", 2));
		Allocation allocation = PrizeAllocation.allocate(tiers, (t, i) -> one, Map.of());
		assertThat(allocation.awards()).extracting(Award::winnerId).containsExactly("a");
		assertThat(allocation.ties().get(0).prizes()).containsExactly("Khuyến khích", "Khuyến khích");
		assertThat(allocation.ties().get(0).candidates()).hasSize(3);
	}

	@Test
	void one_main_prize_per_winner_while_a_side_prize_may_go_to_a_main_winner() {
		Tier most = new Tier("Nhiều người dự thi nhất", 1, 700_000, "collective", "participants", null, false, false,
				null, null, null);
		Tier correct = new Tier("Nhiều người trả lời đúng nhất", 1, 700_000, "collective", "all-correct", null, false,
				false, null, null, null);
		Tier side = new Tier("Giải phụ", 1, 500_000, "collective", "mean-score", null, true, false, null, null, null);
		Allocation allocation = PrizeAllocation.allocate(List.of(most, correct, side), (t, i) -> Map.of("",
				t.ranking().equals("all-correct") ? ranked("KP1", 1, "KP2", 2) : ranked("KP1", 1, "KP3", 2)),
				Map.of());
		assertThat(allocation.awards()).extracting(Award::winnerId).containsExactly("KP1", "KP2", "KP1");
	}

	@Test
	void per_block_tiers_are_awarded_in_each_block_and_judged_tiers_are_noted() {
		Tier perBlock = new Tier("Giải Nhất khối", 1, 0, "collective", "participation-rate", null, false, true, null,
				null, null);
		Tier judged = new Tier("Video hay nhất", 10, 500_000, "collective", "judged", null, true, false, null, null, null);
		Map<String, List<Candidate>> blocks = new LinkedHashMap<>();
		blocks.put("so-nganh", ranked("S1", 1, "S2", 2));
		blocks.put("huyen", ranked("H1", 1));
		Allocation allocation = PrizeAllocation.allocate(List.of(perBlock, judged),
				(t, i) -> t.ranking().equals("judged") ? null : blocks, Map.of());
		assertThat(allocation.awards()).extracting(Award::winnerId, Award::group)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("S1", "so-nganh"), org.assertj.core.groups.Tuple.tuple("H1", "huyen"));
		assertThat(allocation.notes()).singleElement().asString().contains("Video hay nhất");
	}

	@Test
	void collective_figures_count_each_person_once_and_the_formula_weighs_components() {
		List<Unit> units = List.of(new Unit("KP1", "Khu phố 1", "kp", 4), new Unit("KP2", "Khu phố 2", "kp", 0));
		RoundSpec round = new RoundSpec("r", "", "first", true, null, false, null);
		List<Scored> attempts = List.of(
				new Scored("1", "r", "an", null, "KP1", null, "w1", 10, 10, 1, null, T, null),
				new Scored("2", "r", "an", null, "KP1", null, "w2", 5, 10, 1, null, T, null),
				new Scored("3", "r", "binh", null, "KP1", null, "w1", 6, 10, 1, null, T, null),
				new Scored("4", "r", "chi", null, "KP2", null, "w1", 10, 10, 1, null, T, null));
		List<UnitScore> scores = CollectiveRanking.scores(units, IndividualRanking.rank(round, attempts),
				Map.of("participation-rate", 1.0, "mean-score", 0.5));
		UnitScore kp1 = scores.get(0);
		assertThat(kp1.participants()).isEqualTo(2);
		assertThat(kp1.allCorrect()).isEqualTo(1);
		assertThat(kp1.participationRate()).isEqualTo(50.0);
		assertThat(kp1.meanScore()).isEqualTo(80.0);
		assertThat(kp1.formula()).isEqualTo(50.0 + 40.0);
		assertThat(scores.get(1).participationRate()).isNull();
		assertThat(CollectiveRanking.rank(scores, "participants")).extracting(p -> p.score().unit().unitCode())
			.containsExactly("KP1", "KP2");
	}

}
