package vn.cchc.awards.ranking;

import org.jspecify.annotations.Nullable;

/**
 * Someone a tier may go to, in ranking order: a participant (id = participant id) or a unit (id =
 * unit code). Candidates with the same {@code rank} are tied on every rule. {@code basis} is the
 * ranked figure in words; {@code attemptId}/{@code eventId} trace an individual result to its event.
 */
public record Candidate(String id, @Nullable String name, @Nullable String unitCode, @Nullable String block,
		int rank, String basis, @Nullable String attemptId, @Nullable String eventId) {
}
