package vn.cchc.awards.ranking;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One unit's collective figures for a round: people who submitted, people whose counted attempt
 * reached the contest's all-correct threshold (every answer right unless set lower), the
 * participation rate in % of the headcount (null when unknown), the mean score in % of the
 * questions, the unit's judged score over the contest's judged rounds, its prize points, and the
 * combined formula score.
 */
public record UnitScore(Unit unit, int participants, int allCorrect, @Nullable Double participationRate,
		double meanScore, double formula, double judged, double prizePoints) {

	public UnitScore(Unit unit, int participants, int allCorrect, @Nullable Double participationRate,
			double meanScore, double formula) {
		this(unit, participants, allCorrect, participationRate, meanScore, formula, 0, 0);
	}

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
		return formula(weights, participants, allCorrect, participationRate, meanScore, 0, 0);
	}

	/**
	 * The weighted sum, rounded to 0.01. {@code judged} is the unit's judged score summed over the
	 * contest's judged rounds; {@code prizePoints} the points of the prizes it and its people won in
	 * tiers not ranked by the formula.
	 */
	static double formula(Map<String, Double> weights, int participants, int allCorrect,
			@Nullable Double participationRate, double meanScore, double judged, double prizePoints) {
		double sum = 0;
		for (Map.Entry<String, Double> w : weights.entrySet()) {
			double component = switch (w.getKey()) {
				case "participation-rate" -> participationRate == null ? 0 : participationRate;
				case "mean-score" -> meanScore;
				case "all-correct" -> allCorrect;
				case "participants" -> participants;
				case "judged" -> judged;
				case "prize-points" -> prizePoints;
				default -> 0;
			};
			sum += component * w.getValue();
		}
		return Math.round(sum * 100) / 100.0;
	}

}
