package vn.cchc.registration;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.cchc.platform.outbox.OutboxMessage;

/**
 * A unit's team for live and video rounds. {@code teamKey} ({@code contestId:unitCode}) carries a
 * unique index: one team per unit where the plan says so.
 */
@Document(Team.COLLECTION)
public record Team(@Id String id, String contestId, String unitCode, String teamKey, String name, Member captain,
		List<Member> members, int version, String updatedBy, Instant updatedAt, List<OutboxMessage> outbox) {

	public static final String COLLECTION = "teams";

	/** A team member; {@code invited} marks people from outside the unit (e.g. 4 invited at Kon Rẫy). */
	public record Member(String fullName, String position, boolean invited) {
	}

}
