package vn.cchc.awards;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The awards-service's copies of what other services published; all rebuilt by replaying topics. */
final class ReadModels {

	private ReadModels() {
	}

	@Document("rounds")
	record RoundRule(@Id String roundId, String contestId, String title, String counting) {
	}

	/** A participating unit with the headcount it was published with (the participation-rate denominator). */
	@Document("units")
	record UnitInfo(@Id String id, String contestId, String unitCode, String name, String block, int headcount) {

		static String id(String contestId, String unitCode) {
			return contestId + ":" + unitCode;
		}

	}

	@Document("participants")
	record Entrant(@Id String participantId, String contestId, String displayName, String unitCode, String category,
			boolean excluded) {
	}

	/** One submitted attempt, keyed by attempt id: a replayed event overwrites itself. */
	@Document("attempt_results")
	record AttemptResult(@Id String attemptId, String contestId, String roundId, String participantId,
			int correctCount, int questionCount, long durationMillis, Long prediction, Instant submittedAt,
			boolean autoClosed, String eventId) {
	}

}
