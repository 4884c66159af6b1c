package vn.cchc.awards.ranking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Collective figures per unit from the individual boards of one round: a person counts once per
 * round (their best counted attempt over the weeks and categories), for the unit they enrolled
 * with. Units are ranked by one figure, higher first; equal figures share a rank.
 */
public final class CollectiveRanking {

	private CollectiveRanking() {
	}

	/** A unit's place in one ranking (within its block when {@code perBlock}). */
	public record Placed(int rank, UnitScore score, double value) {
	}

	public static List<UnitScore> scores(Collection<Unit> units, List<Board> boards,
			@Nullable Map<String, Double> weights) {
		return scores(units, boards, weights, 100, Map.of(), Map.of());
	}

	/**
	 * @param allCorrectPercent the share of questions (1–100) a person's counted attempt must have
	 * right to count as all-correct
	 * @param judged each unit's judged score over the contest's judged rounds (missing: 0)
	 * @param prizePoints each unit's prize points (missing: 0)
	 */
	public static List<UnitScore> scores(Collection<Unit> units, List<Board> boards,
			@Nullable Map<String, Double> weights, int allCorrectPercent, Map<String, Double> judged,
			Map<String, Double> prizePoints) {
		Map<String, Scored> bestPerPerson = new HashMap<>();
		for (Board board : boards) {
			for (Board.Ranked row : board.rows()) {
				bestPerPerson.merge(row.result().participantId(), row.result(),
						(a, b) -> percent(b) > percent(a) ? b : a);
			}
		}
		Map<String, int[]> counts = new HashMap<>();
		Map<String, Double> percentSum = new HashMap<>();
		for (Scored s : bestPerPerson.values()) {
			if (s.unitCode() == null) {
				continue;
			}
			int[] c = counts.computeIfAbsent(s.unitCode(), k -> new int[2]);
			c[0]++;
			if (s.correctAtLeast(allCorrectPercent)) {
				c[1]++;
			}
			percentSum.merge(s.unitCode(), percent(s), Double::sum);
		}
		List<UnitScore> scores = new ArrayList<>();
		for (Unit unit : units) {
			int[] c = counts.getOrDefault(unit.unitCode(), new int[2]);
			Double rate = unit.headcount() > 0 ? round1(100.0 * c[0] / unit.headcount()) : null;
			double mean = c[0] == 0 ? 0 : round1(percentSum.get(unit.unitCode()) / c[0]);
			double judgedScore = judged.getOrDefault(unit.unitCode(), 0.0);
			double points = prizePoints.getOrDefault(unit.unitCode(), 0.0);
			double formula = weights == null ? 0
					: UnitScore.formula(weights, c[0], c[1], rate, mean, judgedScore, points);
			scores.add(new UnitScore(unit, c[0], c[1], rate, mean, formula, judgedScore, points));
		}
		scores.sort(Comparator.comparing(s -> s.unit().unitCode()));
		return scores;
	}

	/** Units ordered by {@code ranking}, best first; ties share a rank and keep unit-code order. */
	public static List<Placed> rank(List<UnitScore> scores, String ranking) {
		List<UnitScore> sorted = new ArrayList<>(scores);
		sorted.sort(Comparator.comparingDouble((UnitScore s) -> s.value(ranking))
			.reversed()
			.thenComparing(s -> s.unit().unitCode()));
		List<Placed> placed = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			double value = sorted.get(i).value(ranking);
			int rank = i > 0 && placed.get(i - 1).value() == value ? placed.get(i - 1).rank() : i + 1;
			placed.add(new Placed(rank, sorted.get(i), value));
		}
		return placed;
	}

	static double percent(Scored s) {
		return s.questions() == 0 ? 0 : 100.0 * s.correct() / s.questions();
	}

	static double round1(double v) {
		return Math.round(v * 10) / 10.0;
	}

}
