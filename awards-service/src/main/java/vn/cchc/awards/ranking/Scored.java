package vn.cchc.awards.ranking;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One submitted attempt of an eligible participant, with what the standings show of its author.
 * {@code period} is the weekly sub-round or null; {@code category} the participant's category.
 */
public record Scored(String attemptId, String roundId, String participantId, @Nullable String displayName,
		@Nullable String unitCode, @Nullable String category, @Nullable String period, int correct, int questions,
		long durationMillis, @Nullable Long prediction, Instant submittedAt, @Nullable String eventId) {

	public boolean allCorrect() {
		return this.questions > 0 && this.correct >= this.questions;
	}

	/** At least {@code percent} % of the questions right (100: every answer right). */
	public boolean correctAtLeast(int percent) {
		return this.questions > 0 && this.correct * 100L >= (long) percent * this.questions;
	}

}
