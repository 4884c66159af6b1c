package vn.cchc.registration;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.cchc.contracts.ContestEvent;
import vn.cchc.contracts.ContestEvent.CollectiveScoring;
import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.ContestEvent.ContestUpdated;
import vn.cchc.contracts.ContestEvent.Eligibility;
import vn.cchc.contracts.ContestEvent.PrizeTier;
import vn.cchc.contracts.ContestEvent.QuizSettings;
import vn.cchc.contracts.ContestEvent.StagePart;
import vn.cchc.contracts.ContestEvent.TeamLimits;
import vn.cchc.platform.outbox.OutboxMessage;

/**
 * A contest as its organiser configured it. Drafts are private; publishing freezes the units and
 * rounds that other services receive as events.
 */
@Document(Contest.COLLECTION)
public record Contest(@Id String id, String title, String organizer, String timeZone, Status status,
		String createdBy, Instant createdAt, Instant publishedAt, List<Unit> units, List<Round> rounds,
		List<OutboxMessage> outbox, @Nullable List<AuditEntry> audit, @Nullable String season,
		@Nullable String templateCode, @Nullable Eligibility eligibility, @Nullable TeamLimits team,
		@Nullable List<PrizeTier> prizes, @Nullable CollectiveScoring collectiveScoring, int version) {

	public static final String COLLECTION = "contests";

	public enum Status {

		DRAFT, PUBLISHED, CLOSED

	}

	public record Unit(String code, String name, String group, int headcount) {
	}

	/**
	 * A round: {@code quiz} for quiz rounds, {@code parts} for live rounds, {@code criteria} and
	 * {@code reviews} for judged and emulation rounds. A draft may leave a window open where the
	 * plan leaves the date to a later notice; publishing needs every window.
	 */
	public record Round(String roundId, String kind, String title, @Nullable Instant opensAt,
			@Nullable Instant closesAt, @Nullable QuizSettings quiz, @Nullable List<WindowChange> extensions,
			@Nullable List<StagePart> parts, @Nullable List<String> criteria, @Nullable List<String> reviews) {

		ContestEvent.Round toEvent() {
			return new ContestEvent.Round(this.roundId, this.kind, this.title, this.opensAt, this.closesAt, this.quiz,
					orEmpty(this.parts), orEmpty(this.criteria), orEmpty(this.reviews));
		}

		boolean hasWindow() {
			return this.opensAt != null && this.closesAt != null;
		}

	}

	static <T> List<T> orEmpty(@Nullable List<T> list) {
		return list == null ? List.of() : list;
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
		return this.rounds.stream()
			.map(Round::closesAt)
			.filter(java.util.Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(Instant.MIN);
	}

	/** The configuration as other services receive it. */
	ContestPublished published() {
		return new ContestPublished(this.id, this.title, this.organizer, this.timeZone, this.version,
				this.rounds.stream().map(Round::toEvent).toList(), this.season, this.eligibility, this.team,
				orEmpty(this.prizes), this.collectiveScoring);
	}

	ContestUpdated updated(String summary) {
		return new ContestUpdated(this.id, this.title, this.organizer, this.timeZone, this.version,
				this.rounds.stream().map(Round::toEvent).toList(), this.season, this.eligibility, this.team,
				orEmpty(this.prizes), this.collectiveScoring, summary);
	}

	public boolean hasUnit(String code) {
		return this.units.stream().anyMatch(u -> u.code().equals(code));
	}

}
