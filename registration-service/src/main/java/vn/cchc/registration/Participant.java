package vn.cchc.registration;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.cchc.platform.outbox.OutboxMessage;

/**
 * One person enrolled in one contest. Unique indexes make "one person, one participant" hold in
 * the database itself: {@code enrolmentKey} ({@code contestId:userId}) for the account, and the
 * sparse {@code citizenKey} / {@code phoneKey} ({@code contestId:<number>}) for the same person
 * under another account. Excluding a participant removes its keys, so the real person can enrol.
 */
@Document(Participant.COLLECTION)
public record Participant(@Id String id, String contestId, String userId, String enrolmentKey, String citizenKey,
		String phoneKey, String fullName, String category, String unitCode, String phone, String citizenId,
		Instant enrolledAt, boolean excluded, String exclusionReason, List<OutboxMessage> outbox) {

	public static final String COLLECTION = "participants";

	static String enrolmentKey(String contestId, String userId) {
		return contestId + ":" + userId;
	}

	static String key(String contestId, String value) {
		return value == null ? null : contestId + ":" + value;
	}

}
