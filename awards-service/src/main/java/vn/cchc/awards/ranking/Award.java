package vn.cchc.awards.ranking;

import org.jspecify.annotations.Nullable;

/** One prize given: the tier, who wins it, and the ranked figure and event it rests on. */
public record Award(int tierIndex, String tierName, String scope, long amountVnd, boolean side,
		@Nullable String awardForm, @Nullable String issuer, @Nullable String group, String winnerId,
		@Nullable String winnerName, @Nullable String unitCode, @Nullable String block, int rank, String basis,
		@Nullable String attemptId, @Nullable String eventId) {
}
