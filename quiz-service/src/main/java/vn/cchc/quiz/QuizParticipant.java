package vn.cchc.quiz;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An enrolled participant as learnt from {@code registration.participants.v1}, with the category
 * (civil-servant, citizen) that picks the bank. {@code contestUser} ({@code contestId:userId}) is
 * unique: the one lookup every start makes is an exact key match.
 */
@Document(QuizParticipant.COLLECTION)
public record QuizParticipant(@Id String id, String contestId, String userId, String displayName, String category,
		String unitCode, boolean excluded, String contestUser) {

	public static final String COLLECTION = "participants";

	static String contestUser(String contestId, String userId) {
		return contestId + ":" + userId;
	}

}
