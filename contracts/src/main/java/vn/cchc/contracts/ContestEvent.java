package vn.cchc.contracts;

import java.time.Instant;
import java.util.List;

/** What happens to a contest in the registration-service. */
public sealed interface ContestEvent extends CchcEvent {

	@Override
	default String subject() {
		return contestId();
	}

	/** A contest became visible: its rounds, windows and settings as published. */
	record ContestPublished(String contestId, String title, String organizer, String timeZone, int version,
			List<Round> rounds) implements ContestEvent {
	}

	/** A round's window moved by notice; the previous close is kept for the record. */
	record RoundWindowExtended(String contestId, String roundId, Instant previousClosesAt, Instant closesAt,
			String reason) implements ContestEvent {
	}

	/** A contest stopped accepting anything. */
	record ContestClosed(String contestId, Instant closedAt) implements ContestEvent {
	}

	/** A round as other services need it. {@code quiz} is present for quiz rounds only. */
	record Round(String roundId, String kind, String title, Instant opensAt, Instant closesAt, QuizSettings quiz) {
	}

	/**
	 * Quiz settings: how many questions an attempt draws from which bank, the time limit, how many
	 * attempts a participant may make and which one counts ({@code best} or {@code first}).
	 */
	record QuizSettings(String bankCode, int questionCount, int timeLimitSeconds, int attemptsAllowed,
			String counting) {
	}

}
