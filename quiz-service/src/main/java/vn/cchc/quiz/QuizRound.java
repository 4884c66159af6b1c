package vn.cchc.quiz;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.cchc.contracts.ContestEvent.QuizSettings;

/**
 * A quiz round as learnt from {@code registration.contests.v1}. {@code configVersion} is the
 * contest configuration version it was last updated from (older events change nothing);
 * {@code bankVersions} pins, per bank code, the bank version the round draws from, set by the
 * round's first attempt from that bank so every participant of the round gets the same questions
 * even if the organiser imports a new version meanwhile.
 */
@Document(QuizRound.COLLECTION)
public record QuizRound(@Id String id, String contestId, String contestTitle, String title, Instant opensAt,
		Instant closesAt, QuizSettings settings, @Nullable Integer configVersion,
		@Nullable Map<String, Integer> bankVersions) {

	public static final String COLLECTION = "rounds";

	static final Duration WEEK = Duration.ofDays(7);

	/** The weekly sub-round of an instant ("w1" from opensAt, "w2" seven days later…), or null. */
	@Nullable String period(Instant at) {
		if (this.settings == null || !this.settings.weekly()) {
			return null;
		}
		return "w" + (Duration.between(this.opensAt, at).toMillis() / WEEK.toMillis() + 1);
	}

	/** When the sub-round containing {@code at} ends: the next week's start or the round's close. */
	Instant periodEnd(Instant at) {
		if (this.settings == null || !this.settings.weekly()) {
			return this.closesAt;
		}
		long week = Duration.between(this.opensAt, at).toMillis() / WEEK.toMillis();
		Instant end = this.opensAt.plus(WEEK.multipliedBy(week + 1));
		return end.isBefore(this.closesAt) ? end : this.closesAt;
	}

	@Nullable Integer pinnedVersion(String bankCode) {
		return this.bankVersions == null ? null : this.bankVersions.get(bankCode);
	}

	boolean resultsAfterClose() {
		return this.settings != null && "after-close".equals(this.settings.resultsShown());
	}

}
