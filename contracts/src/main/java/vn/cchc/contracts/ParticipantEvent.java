package vn.cchc.contracts;

import java.time.Instant;

/** Individual participants. Carries no citizen ID, phone or date of birth (Decree 13/2023). */
public sealed interface ParticipantEvent extends CchcEvent {

	@Override
	default String subject() {
		return participantId();
	}

	String participantId();

	/** A person passed the eligibility check and was enrolled in one contest. */
	record ParticipantEnrolled(String contestId, String participantId, String userId, String displayName,
			String category, String unitCode, Instant enrolledAt) implements ParticipantEvent {
	}

	/** An organiser excluded a participant (committee member, duplicate, cheating); never ranked. */
	record ParticipantExcluded(String contestId, String participantId, String reason) implements ParticipantEvent {
	}

}
