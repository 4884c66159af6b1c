package vn.cchc.awards.ranking;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How a quiz round is ranked: {@code counting} best or first attempt; {@code weekly} standings per
 * week; {@code predictionCounts} what the prediction's true value counts ({@code all-correct} or
 * {@code participants}; null without a prediction question); {@code perCategory} when each
 * category answers its own question set and so has its own standings.
 */
public record RoundSpec(String roundId, String title, String counting, boolean weekly,
		@Nullable String predictionCounts, boolean perCategory, @Nullable Instant closesAt) {

	public boolean best() {
		return "best".equals(this.counting);
	}

	public boolean closedAt(Instant now) {
		return this.closesAt != null && !now.isBefore(this.closesAt);
	}

}
