package vn.cchc.awards.ranking;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The ranked counted attempts of one round, week ({@code period}) and category; {@code trueValue}
 * is the prediction question's answer computed from the submitted attempts (null without one).
 */
public record Board(String roundId, @Nullable String period, @Nullable String category, @Nullable Long trueValue,
		List<Ranked> rows) {

	/** A counted attempt and its rank; equal on every rule means an equal rank. */
	public record Ranked(int rank, Scored result, @Nullable Long predictionGap) {
	}

	public String key() {
		return this.roundId + "|" + (this.period == null ? "" : this.period) + "|"
				+ (this.category == null ? "" : this.category);
	}

}
