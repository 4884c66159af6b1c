package vn.cchc.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** What happens to a contest in the registration-service. */
public sealed interface ContestEvent extends CchcEvent {

	@Override
	default String subject() {
		return contestId();
	}

	/**
	 * The whole configuration of a contest as other services need it; published and updated carry
	 * it in full so a consumer never has to merge partial changes. Fields added after v1 may be
	 * null in old events.
	 */
	sealed interface Configuration extends ContestEvent {

		String title();

		String organizer();

		String timeZone();

		int version();

		List<Round> rounds();

		@Nullable String season();

		@Nullable Eligibility eligibility();

		@Nullable TeamLimits team();

		@Nullable List<PrizeTier> prizes();

		@Nullable CollectiveScoring collectiveScoring();

	}

	/** A contest became visible: its rounds, windows and settings as published. */
	record ContestPublished(String contestId, String title, String organizer, String timeZone, int version,
			List<Round> rounds, @Nullable String season, @Nullable Eligibility eligibility, @Nullable TeamLimits team,
			@Nullable List<PrizeTier> prizes, @Nullable CollectiveScoring collectiveScoring) implements Configuration {

		/** Rounds only (tests and consumers that need nothing else). */
		public ContestPublished(String contestId, String title, String organizer, String timeZone, int version,
				List<Round> rounds) {
			this(contestId, title, organizer, timeZone, version, rounds, null, null, null, List.of(), null);
		}

	}

	/**
	 * A published contest's configuration changed (title, rules, prizes, round settings before the
	 * round opens); {@code version} grows by one with each change. Window extensions have their own
	 * event.
	 */
	record ContestUpdated(String contestId, String title, String organizer, String timeZone, int version,
			List<Round> rounds, @Nullable String season, @Nullable Eligibility eligibility, @Nullable TeamLimits team,
			@Nullable List<PrizeTier> prizes, @Nullable CollectiveScoring collectiveScoring, String summary)
			implements Configuration {
	}

	/** A round's window moved by notice; the previous close is kept for the record. */
	record RoundWindowExtended(String contestId, String roundId, Instant previousClosesAt, Instant closesAt,
			String reason) implements ContestEvent {
	}

	/** A contest stopped accepting anything. */
	record ContestClosed(String contestId, Instant closedAt) implements ContestEvent {
	}

	/**
	 * A round. {@code kind} is quiz, video, idea, live or emulation; {@code quiz} is present for quiz
	 * rounds only; {@code parts} are the timed stage parts of a live round, {@code criteria} the
	 * judging or emulation criteria, {@code reviews} the interim and final reviews of an emulation
	 * round. A window may be null where the plan leaves the date to a later notice (never for quiz
	 * rounds).
	 */
	record Round(String roundId, String kind, String title, @Nullable Instant opensAt, @Nullable Instant closesAt,
			@Nullable QuizSettings quiz, @Nullable List<StagePart> parts, @Nullable List<String> criteria,
			@Nullable List<String> reviews) {

		public Round(String roundId, String kind, String title, Instant opensAt, Instant closesAt,
				@Nullable QuizSettings quiz) {
			this(roundId, kind, title, opensAt, closesAt, quiz, List.of(), List.of(), List.of());
		}

	}

	/** A timed part of a live round; {@code conferSeconds} is the time to confer before answering. */
	record StagePart(String name, int limitSeconds, int conferSeconds) {
	}

	/**
	 * Quiz settings: how many questions an attempt draws from which bank, the time limit, how many
	 * attempts a participant may make and which one counts ({@code best} or {@code first}).
	 * <ul>
	 * <li>{@code shuffleOptions}: each attempt sees the options of a question in its own order.</li>
	 * <li>{@code stratifyByTopic}: the draw takes questions from every topic of the bank in
	 * proportion.</li>
	 * <li>{@code categoryBanks}: a separate bank per participant category (civil-servant, citizen);
	 * a category not listed uses {@code bankCode}.</li>
	 * <li>{@code period}: {@code round} (attempts counted over the whole window) or {@code week}
	 * (weekly sub-rounds: week n starts at opensAt + 7(n−1) days, and {@code attemptsAllowed}
	 * applies per week; standings are per week).</li>
	 * <li>{@code prediction}: the tie-break question, or null.</li>
	 * <li>{@code resultsShown}: {@code after-submit} (score shown at once) or {@code after-close}.</li>
	 * </ul>
	 */
	record QuizSettings(String bankCode, int questionCount, int timeLimitSeconds, int attemptsAllowed,
			String counting, boolean shuffleOptions, boolean stratifyByTopic,
			@Nullable Map<String, String> categoryBanks, @Nullable String period, @Nullable Prediction prediction,
			@Nullable String resultsShown) {

		public QuizSettings(String bankCode, int questionCount, int timeLimitSeconds, int attemptsAllowed,
				String counting) {
			this(bankCode, questionCount, timeLimitSeconds, attemptsAllowed, counting, false, false, Map.of(), "round",
					null, "after-submit");
		}

		/** The bank a participant of this category draws from. */
		public String bankFor(@Nullable String category) {
			if (category != null && this.categoryBanks != null && this.categoryBanks.containsKey(category)) {
				return this.categoryBanks.get(category);
			}
			return this.bankCode;
		}

		public boolean weekly() {
			return "week".equals(this.period);
		}

	}

	/**
	 * The prediction tie-break: {@code question} as shown, {@code counts} what the true value
	 * counts ({@code all-correct}: submitted attempts with every answer right; {@code participants}:
	 * participants who submitted). Closer to the true value ranks higher among equal scores.
	 */
	record Prediction(String question, String counts) {
	}

	/**
	 * Who may take part: categories (civil-servant, citizen), the area condition and exclusions in
	 * words. Committee members, judges and the secretariat are always excluded by role.
	 */
	record Eligibility(List<String> categories, @Nullable String area, List<String> exclusions) {
	}

	/** Team rules; 0 means not limited. */
	record TeamLimits(boolean oneTeamPerUnit, int maxMembers, int maxInvited) {
	}

	/**
	 * A prize tier. {@code scope} individual or collective; {@code count} winners (0 when the plan
	 * fixes no number); {@code amountVnd} per winner (0 when the plan states none); {@code ranking}
	 * what ranks the candidates, one of: {@code score} (individuals: correct answers, prediction,
	 * duration, submit time), {@code participants}, {@code all-correct}, {@code participation-rate},
	 * {@code mean-score}, {@code formula} (the contest's collective scoring), {@code judged} (the
	 * judging panel); {@code rankedBy} says the same in words; {@code roundId} the round ranked (null
	 * means the contest's first round); {@code side} for side prizes, which a winner of a main prize
	 * may also take; {@code perBlock} when each block of units competes for the tier separately;
	 * {@code awardForm} (Giấy khen, Bằng khen…) and its issuer when the plan names them;
	 * {@code points} what one prize of this tier adds to its unit's {@code prize-points} (the winning
	 * unit for a collective tier, the unit of the winning person or entry for an individual one;
	 * null or 0 adds nothing; added after v1, null in old events).
	 */
	record PrizeTier(String name, int count, long amountVnd, String scope, String ranking, String rankedBy,
			@Nullable String roundId, boolean side, boolean perBlock, @Nullable String awardForm,
			@Nullable String issuer, @Nullable Double points) {

		/** A tier that gives no prize points. */
		public PrizeTier(String name, int count, long amountVnd, String scope, String ranking, String rankedBy,
				@Nullable String roundId, boolean side, boolean perBlock, @Nullable String awardForm,
				@Nullable String issuer) {
			this(name, count, amountVnd, scope, ranking, rankedBy, roundId, side, perBlock, awardForm, issuer, null);
		}

	}

	/**
	 * A combined collective score: the sum of each component (participation-rate in %, mean-score in
	 * % of questions, all-correct, participants, judged, prize-points) times its weight.
	 * {@code description} is the rule in words as the organiser published it.
	 * {@code allCorrectPercent} is the share of a quiz's questions (1–100, null means 100) a person
	 * must answer right to count for {@code all-correct}, both as a tier ranking and as a component
	 * (added after v1, null in old events).
	 */
	record CollectiveScoring(String description, Map<String, Double> weights, @Nullable Integer allCorrectPercent) {

		public CollectiveScoring(String description, Map<String, Double> weights) {
			this(description, weights, null);
		}

		/** The threshold in percent of questions, 100 unless set. */
		public int allCorrectThreshold() {
			return this.allCorrectPercent == null ? 100 : this.allCorrectPercent;
		}

	}

}
