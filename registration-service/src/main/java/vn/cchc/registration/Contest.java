package vn.cchc.registration;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

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
		List<OutboxMessage> outbox, @Nullable List<AuditEntry> audit) {

	public static final String COLLECTION = "contests";

	public enum Status {

		DRAFT, PUBLISHED, CLOSED

	}

	public record Unit(String code, String name, String group, int headcount) {
	}

	public record Round(String roundId, String kind, String title, Instant opensAt, Instant closesAt,
			QuizSettings quiz, @Nullable List<WindowChange> extensions) {

		ContestEvent.Round toEvent() {
			return new ContestEvent.Round(this.roundId, this.kind, this.title, this.opensAt, this.closesAt, this.quiz);
		}

	}

	/** A documented extension of a round's window: the old value is kept with its reason and notice. */
	public record WindowChange(Instant previousClosesAt, Instant closesAt, String reason, @Nullable String noticeRef,
			String by, Instant at) {
	}

	/** Who did what to the contest, and when; written in the same update as the change itself. */
	public record AuditEntry(String userId, @Nullable String username, String action, String summary, Instant at) {

		static AuditEntry of(vn.cchc.platform.web.Caller caller, String action, String summary, Instant at) {
			return new AuditEntry(caller.userId(), caller.username(), action, summary, at);
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
