package vn.cchc.quiz;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The current version of a question bank (one document per code). Every version ever imported is
 * also kept in {@link BankVersion}; rounds pin the version they draw from. The answer key
 * ({@code correct}) never leaves the server except to organisers.
 */
@Document(QuestionBank.COLLECTION)
public record QuestionBank(@Id String code, int version, List<Question> questions, String uploadedBy,
		Instant uploadedAt) {

	public static final String COLLECTION = "banks";

	/**
	 * A question. Option keys (A, B, C…) are fixed by the bank; an attempt may show the options in
	 * its own order, and scoring compares keys, so shuffling never changes a score.
	 */
	public record Question(String id, String topic, String text, List<Option> options, String correct,
			@Nullable String difficulty) {

		public Question(String id, String topic, String text, List<Option> options, String correct) {
			this(id, topic, text, options, correct, null);
		}

		Question withOptions(List<Option> reordered) {
			return new Question(this.id, this.topic, this.text, reordered, this.correct, this.difficulty);
		}

	}

	public record Option(String key, String text) {
	}

}
