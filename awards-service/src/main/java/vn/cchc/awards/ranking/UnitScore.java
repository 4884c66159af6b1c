package vn.cchc.awards.ranking;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One unit's collective figures for a round: people who submitted, people whose counted attempt
 * had every answer right, the participation rate in % of the headcount (null when unknown), the
 * mean score in % of the questions, and the combined formula score.
 */
public record UnitScore(Unit unit, int participants, int allCorrect, @Nullable Double participationRate,
		double meanScore, double formula) {

	/** The figure a ranking code orders by (higher is better). */
	public double value(String ranking) {
		return switch (ranking) {
			case "participants" -> this.participants;
			case "all-correct" -> this.allCorrect;
			case "participation-rate" -> this.participationRate == null ? -1 : this.participationRate;
			case "mean-score" -> this.meanScore;
			case "formula" -> this.formula;
			default -> throw new IllegalArgumentException("Not a collective ranking: " + ranking);
		};
	}

	static double formula(Map<String, Double> weights, int participants, int allCorrect,
			@Nullable Double participationRate, double meanScore) {
		double sum = 0;
		for (Map.Entry<String, Double> w : weights.entrySet()) {
			double component = switch (w.getKey()) {
				case "participation-rate" -> participationRate == null ? 0 : participationRate;
				case "mean-score" -> meanScore;
				case "all-correct" -> allCorrect;
				case "participants" -> participants;
				// Judged scores and prize points come from other rounds; not known to a quiz ranking.
				default -> 0;
			};
			sum += component * w.getValue();
		}
		return Math.round(sum * 100) / 100.0;
	}

}
