package vn.cchc.quiz;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.cchc.platform.outbox.OutboxMessage;
import vn.cchc.quiz.QuestionBank.Question;

/**
 * One participant's attempt at a round. {@code activeKey} ({@code roundId:participantId}) exists
 * only while the attempt is open and carries a sparse unique index: one open attempt per person.
 * {@code attemptKey} numbers attempts uniquely, so "attempts allowed" holds under concurrency.
 * {@code answerVersion} grows with each saved answer; scoring uses it to never miss a late save.
 * {@code allowed} lists {@code questionId:optionKey} for every option drawn, so an answer save is one
 * guarded update whose filter alone proves the question was drawn and the option offered.
 * While the attempt is open its answers are kept in a small {@link AnswerSheet} of their own (the
 * document every answer save rewrites), and copied here when it closes.
 * {@code questions} keep the order the participant sees, options included (shuffled or not);
 * scoring compares option keys, so the order never changes a score. They are stored as a
 * {@code paper} (question ids with their option order, {@link QuestionPool#paper}) and read back
 * from the pinned bank version, which never changes: the texts and the answer key are not copied
 * into every attempt, so each write of an attempt (start, close, score, the outbox's removals)
 * moves a small document. Attempts stored before hold their questions whole.
 */
@Document(Attempt.COLLECTION)
public record Attempt(@Id String id, String contestId, String roundId, String participantId, String userId,
		int number, String attemptKey, String activeKey, Status status, Instant startedAt, Instant deadline,
		List<Question> questions, Map<String, String> answers, long answerVersion, Instant submittedAt,
		Integer correctCount, Long durationMillis, Long prediction, boolean autoClosed, Map<String, Instant> answeredAt,
		List<String> flags, List<OutboxMessage> outbox, @Nullable String category, @Nullable String period,
		@Nullable String bankCode, @Nullable Integer bankVersion, @Nullable List<String> allowed,
		@Nullable String predictionQuestion, @Nullable Boolean resultsAfterClose, @Nullable String openId,
		@Nullable String scoringKey, @Nullable Instant closedAt, @Nullable Boolean sheet, @Nullable List<String> paper) {

	public static final String COLLECTION = "attempts";

	/**
	 * True when the answers live in the attempt's {@link AnswerSheet} while it is open (attempts
	 * started since the sheet existed); they are copied into the attempt when it is closed.
	 */
	boolean answersInSheet() {
		return Boolean.TRUE.equals(this.sheet);
	}

	/** This attempt with the answers given so far (from its open sheet). */
	Attempt withAnswers(Map<String, String> givenAnswers, Map<String, Instant> givenAt, long version) {
		return new Attempt(this.id, this.contestId, this.roundId, this.participantId, this.userId, this.number,
				this.attemptKey, this.activeKey, this.status, this.startedAt, this.deadline, this.questions, givenAnswers,
				version, this.submittedAt, this.correctCount, this.durationMillis, this.prediction, this.autoClosed,
				givenAt, this.flags, this.outbox, this.category, this.period, this.bankCode, this.bankVersion, this.allowed,
				this.predictionQuestion, this.resultsAfterClose, this.openId, this.scoringKey, this.closedAt, this.sheet, this.paper);
	}

	/**
	 * This attempt, as started, after the closing write of {@code AttemptService.finish}: the sheet's
	 * final answers, no longer open, awaiting its score.
	 */
	Attempt closedWith(AnswerSheet closedSheet, Instant at) {
		return new Attempt(this.id, this.contestId, this.roundId, this.participantId, this.userId, this.number,
				this.attemptKey, this.activeKey, this.status, this.startedAt, this.deadline, this.questions,
				closedSheet.answers(), closedSheet.answerVersion(), this.submittedAt, this.correctCount, this.durationMillis,
				this.prediction, this.autoClosed, closedSheet.answeredAt(), this.flags, this.outbox, this.category,
				this.period, this.bankCode, this.bankVersion, this.allowed, this.predictionQuestion, this.resultsAfterClose,
				null, this.id, at, this.sheet, this.paper);
	}

	/** This attempt as stored: its questions as a paper (see the class comment). */
	Attempt stored() {
		return new Attempt(this.id, this.contestId, this.roundId, this.participantId, this.userId, this.number,
				this.attemptKey, this.activeKey, this.status, this.startedAt, this.deadline, null, this.answers,
				this.answerVersion, this.submittedAt, this.correctCount, this.durationMillis, this.prediction,
				this.autoClosed, this.answeredAt, this.flags, this.outbox, this.category, this.period, this.bankCode,
				this.bankVersion, this.allowed, this.predictionQuestion, this.resultsAfterClose, this.openId,
				this.scoringKey, this.closedAt, this.sheet, QuestionPool.paper(this.questions));
	}

	/**
	 * This attempt as the instance that started it keeps it until it closes (see
	 * {@code AttemptService.AttemptFacts}): without what only the stored document needs (the
	 * allowed pairs, the outbox, the paper), a few kilobytes less for each attempt in progress.
	 */
	Attempt retained() {
		return new Attempt(this.id, this.contestId, this.roundId, this.participantId, this.userId, this.number,
				this.attemptKey, this.activeKey, this.status, this.startedAt, this.deadline, this.questions, this.answers,
				this.answerVersion, this.submittedAt, this.correctCount, this.durationMillis, this.prediction,
				this.autoClosed, this.answeredAt, this.flags, List.of(), this.category, this.period, this.bankCode,
				this.bankVersion, null, this.predictionQuestion, this.resultsAfterClose, this.openId,
				this.scoringKey, this.closedAt, this.sheet, null);
	}

	/** True when this attempt was read without its questions, which its paper names. */
	boolean needsQuestions() {
		return this.questions == null && this.paper != null;
	}

	/** This attempt, read as stored, with the questions its paper names. */
	Attempt withQuestions(List<Question> drawn) {
		return new Attempt(this.id, this.contestId, this.roundId, this.participantId, this.userId, this.number,
				this.attemptKey, this.activeKey, this.status, this.startedAt, this.deadline, drawn, this.answers,
				this.answerVersion, this.submittedAt, this.correctCount, this.durationMillis, this.prediction,
				this.autoClosed, this.answeredAt, this.flags, this.outbox, this.category, this.period, this.bankCode,
				this.bankVersion, this.allowed, this.predictionQuestion, this.resultsAfterClose, this.openId,
				this.scoringKey, this.closedAt, this.sheet, this.paper);
	}

	/** This attempt as the scoring write leaves it (see {@code AttemptService.finish}). */
	Attempt submitted(Instant at, int correct, long duration, @Nullable Long givenPrediction, boolean closedAutomatically,
			List<String> signs) {
		return new Attempt(this.id, this.contestId, this.roundId, this.participantId, this.userId, this.number,
				this.attemptKey, null, Status.SUBMITTED, this.startedAt, this.deadline, this.questions, this.answers,
				this.answerVersion, at, correct, duration, givenPrediction, closedAutomatically, this.answeredAt, signs,
				this.outbox, this.category, this.period, this.bankCode, this.bankVersion, this.allowed,
				this.predictionQuestion, this.resultsAfterClose, this.openId, null, this.closedAt, this.sheet, this.paper);
	}

	/** The entry of {@code allowed} that lets an answer save match: question id and option key. */
	static String allowedEntry(String questionId, String option) {
		return questionId + ":" + option;
	}

	/** Every (question, option) pair this attempt offers; the answer save filters on it. */
	static List<String> allowed(List<Question> questions) {
		return questions.stream()
			.flatMap(q -> q.options().stream().map(o -> allowedEntry(q.id(), o.key())))
			.toList();
	}

	public enum Status {

		ACTIVE, SUBMITTED

	}

	/** True when the score is shown only after the round closes (absent in attempts stored before). */
	boolean scoreAfterClose() {
		return Boolean.TRUE.equals(this.resultsAfterClose);
	}

	static String activeKey(String roundId, String participantId) {
		return roundId + ":" + participantId;
	}

	int score() {
		Map<String, String> given = this.answers == null ? Map.of() : this.answers;
		return (int) this.questions.stream().filter(q -> q.correct().equals(given.get(q.id()))).count();
	}

	/**
	 * Signs of a script rather than a person: answers that came faster than anyone can read a
	 * question (counted from the start or the previous first answer). Flagged for the organiser,
	 * never decided automatically.
	 */
	List<String> botSigns(long minReadMillis, int tolerated) {
		if (this.answeredAt == null || this.answeredAt.isEmpty()) {
			return List.of();
		}
		List<Instant> times = this.answeredAt.values().stream().sorted().toList();
		int tooFast = 0;
		Instant previous = this.startedAt;
		for (Instant time : times) {
			if (Duration.between(previous, time).toMillis() < minReadMillis) {
				tooFast++;
			}
			previous = time;
		}
		return tooFast > tolerated ? List.of("Trả lời quá nhanh: " + tooFast + " câu được trả lời chưa đầy "
				+ minReadMillis / 1000.0 + " giây sau câu trước.") : List.of();
	}

	boolean drew(String questionId) {
		return this.questions.stream().anyMatch(q -> q.id().equals(questionId));
	}

	boolean offers(String questionId, String option) {
		return this.questions.stream()
			.filter(q -> q.id().equals(questionId))
			.anyMatch(q -> q.options().stream().anyMatch(o -> o.key().equals(option)));
	}

}
