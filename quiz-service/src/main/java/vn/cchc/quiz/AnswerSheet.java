package vn.cchc.quiz;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The answers of an open attempt, in a document of their own (same id as the attempt), so an
 * answer save rewrites a few hundred bytes rather than the whole attempt with its questions and
 * answer key: MongoDB writes the whole document back on every update, and the embedded stand-in
 * copies it several times. {@code openId} (the attempt id, sparse unique index) exists only while
 * the sheet accepts answers: the save's filter is that key alone, and closing the sheet (removing
 * it) makes its answers final in one single-document write. {@code closedAt} is when that happened.
 */
@Document(AnswerSheet.COLLECTION)
record AnswerSheet(@Id String id, @Nullable String openId, Map<String, String> answers,
		Map<String, Instant> answeredAt, long answerVersion, @Nullable Instant closedAt) {

	static final String COLLECTION = "answer_sheets";

	static AnswerSheet open(String attemptId) {
		return new AnswerSheet(attemptId, attemptId, Map.of(), Map.of(), 0, null);
	}

}
