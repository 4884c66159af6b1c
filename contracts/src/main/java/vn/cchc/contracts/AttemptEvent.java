package vn.cchc.contracts;

import java.time.Instant;

/** Quiz attempts. Times are the server's. */
public sealed interface AttemptEvent extends CchcEvent {

	@Override
	default String subject() {
		return attemptId();
	}

	String attemptId();

	record AttemptStarted(String contestId, String roundId, String attemptId, String participantId, String userId,
			Instant startedAt, Instant deadline) implements AttemptEvent {
	}

	/**
	 * A scored attempt. {@code durationMillis} is server submit time minus server start time;
	 * {@code autoClosed} is true when the server closed it at the time limit or window end.
	 */
	record AttemptSubmitted(String contestId, String roundId, String attemptId, String participantId, String userId,
			int correctCount, int questionCount, long durationMillis, Long prediction, Instant submittedAt,
			boolean autoClosed) implements AttemptEvent {
	}

}
