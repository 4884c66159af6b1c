package vn.cchc.contracts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Quiz attempts. Times are the server's. */
public sealed interface AttemptEvent extends CchcEvent {

	@Override
	default String subject() {
		return attemptId();
	}

	String attemptId();

	/** {@code period} is the weekly sub-round ("w1", "w2"…) or null for a round without periods. */
	record AttemptStarted(String contestId, String roundId, String attemptId, String participantId, String userId,
			Instant startedAt, Instant deadline, @Nullable String period) implements AttemptEvent {

		public AttemptStarted(String contestId, String roundId, String attemptId, String participantId,
				String userId, Instant startedAt, Instant deadline) {
			this(contestId, roundId, attemptId, participantId, userId, startedAt, deadline, null);
		}

	}

	/**
	 * A scored attempt. {@code durationMillis} is server submit time minus server start time;
	 * {@code autoClosed} is true when the server closed it at the time limit or window end;
	 * {@code category} the participant's category (each may have its own question set and
	 * standings); {@code period} the weekly sub-round ("w1"…) or null.
	 */
	record AttemptSubmitted(String contestId, String roundId, String attemptId, String participantId, String userId,
			int correctCount, int questionCount, long durationMillis, @Nullable Long prediction, Instant submittedAt,
			boolean autoClosed, @Nullable String category, @Nullable String period) implements AttemptEvent {

		public AttemptSubmitted(String contestId, String roundId, String attemptId, String participantId,
				String userId, int correctCount, int questionCount, long durationMillis, @Nullable Long prediction,
				Instant submittedAt, boolean autoClosed) {
			this(contestId, roundId, attemptId, participantId, userId, correctCount, questionCount, durationMillis,
					prediction, submittedAt, autoClosed, null, null);
		}

	}

}
