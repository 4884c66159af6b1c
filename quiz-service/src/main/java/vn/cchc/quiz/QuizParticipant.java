package vn.cchc.quiz;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An enrolled participant as learnt from {@code registration.participants.v1}. */
@Document(QuizParticipant.COLLECTION)
public record QuizParticipant(@Id String id, String contestId, String userId, String displayName, String category,
		String unitCode, boolean excluded) {

	public static final String COLLECTION = "participants";

}
