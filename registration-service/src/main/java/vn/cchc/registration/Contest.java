package vn.cchc.registration;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.cchc.contracts.ContestEvent;
import vn.cchc.contracts.ContestEvent.QuizSettings;
import vn.cchc.platform.outbox.OutboxMessage;

/**
 * A contest as its organiser configured it. Drafts are private; publishing freezes the units and
 * rounds that other services receive as events.
 */
@Document(Contest.COLLECTION)
public record Contest(@Id String id, String title, String organizer, String timeZone, Status status,
		String createdBy, Instant createdAt, Instant publishedAt, List<Unit> units, List<Round> rounds,
		List<OutboxMessage> outbox) {

	public static final String COLLECTION = "contests";

	public enum Status {

		DRAFT, PUBLISHED, CLOSED

	}

	public record Unit(String code, String name, String group, int headcount) {
	}

	public record Round(String roundId, String kind, String title, Instant opensAt, Instant closesAt,
			QuizSettings quiz) {

		ContestEvent.Round toEvent() {
			return new ContestEvent.Round(this.roundId, this.kind, this.title, this.opensAt, this.closesAt, this.quiz);
		}

	}

	/** The last moment anyone may still enrol: when the last round closes. */
	public Instant enrolmentClosesAt() {
		return this.rounds.stream().map(Round::closesAt).max(Instant::compareTo).orElse(Instant.MIN);
	}

	public boolean hasUnit(String code) {
		return this.units.stream().anyMatch(u -> u.code().equals(code));
	}

}
