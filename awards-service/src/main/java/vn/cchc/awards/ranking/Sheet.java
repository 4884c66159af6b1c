package vn.cchc.awards.ranking;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One judge's score sheet for one entry (or a team, when a live round judges teams) of a round,
 * as submitted; a later sheet of the same judge for the same entry replaces it.
 */
public record Sheet(String roundId, String sheetId, String entryId, String judgeId, BigDecimal total,
		Instant submittedAt, @Nullable String eventId) {
}
