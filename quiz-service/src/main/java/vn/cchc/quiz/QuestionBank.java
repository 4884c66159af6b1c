package vn.cchc.quiz;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A question bank. The answer key ({@code correct}) never leaves the server except to organisers. */
@Document(QuestionBank.COLLECTION)
public record QuestionBank(@Id String code, int version, List<Question> questions, String uploadedBy,
		Instant uploadedAt) {

	public static final String COLLECTION = "banks";

	public record Question(String id, String topic, String text, List<Option> options, String correct) {
	}

	public record Option(String key, String text) {
	}

}
