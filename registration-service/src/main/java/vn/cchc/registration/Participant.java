package vn.cchc.registration;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.cchc.platform.outbox.OutboxMessage;

/**
 * One person enrolled in one contest. {@code enrolmentKey} ({@code contestId:userId}) carries a
 * unique index: a second enrolment of the same account is refused by the database itself.
 */
@Document(Participant.COLLECTION)
public record Participant(@Id String id, String contestId, String userId, String enrolmentKey, String fullName,
		String category, String unitCode, Instant enrolledAt, List<OutboxMessage> outbox) {

	public static final String COLLECTION = "participants";

	static String enrolmentKey(String contestId, String userId) {
		return contestId + ":" + userId;
	}

}
