package vn.cchc.contracts;

import java.math.BigDecimal;
import java.time.Instant;

/** Judges' score sheets. */
public sealed interface ScoreEvent extends CchcEvent {

	@Override
	default String subject() {
		return sheetId();
	}

	String sheetId();

	record ScoreSheetSubmitted(String contestId, String roundId, String sheetId, String entryId, String judgeId,
			BigDecimal total, Instant submittedAt) implements ScoreEvent {
	}

}
