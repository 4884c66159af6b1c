package vn.cchc.contracts;

import java.time.Instant;

/** Official results. A correction is a new version with a reason. */
public sealed interface ResultEvent extends CchcEvent {

	@Override
	default String subject() {
		return contestId() + ":" + roundId();
	}

	String roundId();

	record ResultsPublished(String contestId, String roundId, int version, String decisionNumber, String reason,
			Instant publishedAt) implements ResultEvent {
	}

}
