package vn.cchc.contracts;

import java.time.Instant;

/** Video and initiative entries. */
public sealed interface EntryEvent extends CchcEvent {

	@Override
	default String subject() {
		return entryId();
	}

	String entryId();

	record EntrySubmitted(String contestId, String roundId, String entryId, String unitCode, String kind, String title,
			Instant submittedAt) implements EntryEvent {
	}

}
