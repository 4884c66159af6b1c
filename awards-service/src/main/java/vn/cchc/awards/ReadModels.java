package vn.cchc.awards;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.cchc.awards.ranking.JudgedRound;
import vn.cchc.awards.ranking.RoundSpec;
import vn.cchc.awards.ranking.Sheet;
import vn.cchc.awards.ranking.Tier;

/**
 * The awards-service's copies of what other services published; all dropped and rebuilt by
 * replaying the topics ({@link #COLLECTIONS}). The service's own decisions live elsewhere.
 */
final class ReadModels {

	static final List<String> COLLECTIONS = List.of("contest_configs", "units", "participants", "attempt_results",
			"attempts_started", "entries", "teams", "score_sheets");

	private ReadModels() {
	}

	/**
	 * A contest's configuration at its newest version: quiz rounds as ranked, prize tiers, the
	 * collective formula's weights, the rounds the judges score and the all-correct threshold in %
	 * of questions (null: 100). Fields added later are null in documents stored before.
	 */
	@Document("contest_configs")
	record ContestConfig(@Id String contestId, int version, String title, String organizer, String timeZone,
			List<RoundSpec> rounds, List<Tier> tiers, @Nullable String scoringDescription,
			@Nullable Map<String, Double> weights, @Nullable List<JudgedRound> judgedRounds,
			@Nullable Integer allCorrectPercent) {

		List<JudgedRound> judged() {
			return this.judgedRounds == null ? List.of() : this.judgedRounds;
		}

		int allCorrectThreshold() {
			return this.allCorrectPercent == null ? 100 : this.allCorrectPercent;
		}

	}

	/** An entry (video, initiative, stage part) a unit submitted to a judged round. */
	@Document("entries")
	record JudgedEntry(@Id String id, String contestId, String roundId, String entryId, String unitCode, String kind,
			String title, Instant submittedAt) {

		static String id(String contestId, String entryId) {
			return contestId + ":" + entryId;
		}

	}

	/** A unit's team; a live round's score sheets may name the team instead of an entry. */
	@Document("teams")
	record TeamInfo(@Id String id, String contestId, String teamId, String unitCode, String name) {

		static String id(String contestId, String teamId) {
			return contestId + ":" + teamId;
		}

	}

	/**
	 * One judge's score sheet as submitted, keyed by contest and sheet id; which sheets count (the
	 * latest per judge and entry) is decided on read, so the order of arrival never matters. The
	 * total is kept as its decimal text: exact, and the same on the embedded and the real MongoDB
	 * whatever BigDecimal representation the converters default to.
	 */
	@Document("score_sheets")
	record ScoreSheet(@Id String id, String contestId, String roundId, String sheetId, String entryId, String judgeId,
			String total, Instant submittedAt, String eventId) {

		static String id(String contestId, String sheetId) {
			return contestId + ":" + sheetId;
		}

		Sheet sheet() {
			return new Sheet(this.roundId, this.sheetId, this.entryId, this.judgeId, new BigDecimal(this.total),
					this.submittedAt, this.eventId);
		}

	}

	/** A participating unit with the headcount it was published with (the participation-rate denominator). */
	@Document("units")
	record UnitInfo(@Id String id, String contestId, String unitCode, String name, String block, int headcount) {

		static String id(String contestId, String unitCode) {
			return contestId + ":" + unitCode;
		}

	}

	/**
	 * An enrolled person; keyed by contest and participant, so ids reused across contests (as test
	 * data do) never share a document. A document may exist with only {@code excluded} set when an
	 * exclusion was replayed before the enrolment.
	 */
	@Document("participants")
	record Entrant(@Id String id, String participantId, String contestId, @Nullable String displayName,
			@Nullable String unitCode, @Nullable String category, boolean excluded, @Nullable Instant enrolledAt) {

		static String id(String contestId, String participantId) {
			return contestId + ":" + participantId;
		}

		static Entrant of(String participantId, String contestId, String displayName, String unitCode, String category,
				boolean excluded, @Nullable Instant enrolledAt) {
			return new Entrant(id(contestId, participantId), participantId, contestId, displayName, unitCode, category,
					excluded, enrolledAt);
		}

	}

	/** One submitted attempt, keyed by contest and attempt id: a replayed event overwrites itself. */
	@Document("attempt_results")
	record AttemptResult(@Id String id, String attemptId, String contestId, String roundId, String participantId,
			int correctCount, int questionCount, long durationMillis, @Nullable Long prediction, Instant submittedAt,
			boolean autoClosed, String eventId, @Nullable String category, @Nullable String period) {

		static AttemptResult of(String attemptId, String contestId, String roundId, String participantId,
				int correctCount, int questionCount, long durationMillis, @Nullable Long prediction, Instant submittedAt,
				boolean autoClosed, String eventId, @Nullable String category, @Nullable String period) {
			return new AttemptResult(contestId + ":" + attemptId, attemptId, contestId, roundId, participantId,
					correctCount, questionCount, durationMillis, prediction, submittedAt, autoClosed, eventId, category,
					period);
		}

	}

	/** A started attempt; in progress while no result has the same id and its deadline is ahead. */
	@Document("attempts_started")
	record AttemptStart(@Id String id, String attemptId, String contestId, String roundId, String participantId,
			Instant startedAt, Instant deadline, @Nullable String period) {

		static AttemptStart of(String attemptId, String contestId, String roundId, String participantId,
				Instant startedAt, Instant deadline, @Nullable String period) {
			return new AttemptStart(contestId + ":" + attemptId, attemptId, contestId, roundId, participantId, startedAt,
					deadline, period);
		}

	}

}
