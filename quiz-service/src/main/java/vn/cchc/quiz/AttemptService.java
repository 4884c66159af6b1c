package vn.cchc.quiz;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import vn.cchc.contracts.AttemptEvent.AttemptStarted;
import vn.cchc.contracts.AttemptEvent.AttemptSubmitted;
import vn.cchc.contracts.ContestEvent.QuizSettings;
import vn.cchc.platform.mongo.Lookups;
import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;
import vn.cchc.quiz.Attempt.Status;
import vn.cchc.quiz.QuestionBank.Question;

/**
 * Starting, answering and submitting attempts. Times are the server's; each step is one guarded
 * single-document write, so concurrent requests and resends cannot double count.
 */
@Service
public class AttemptService {

	private static final Logger log = LoggerFactory.getLogger(AttemptService.class);

	private final MongoTemplate mongo;

	private final QuestionBankService banks;

	private final QuizRounds rounds;

	private final Outbox outbox;

	private final AnswerWrites answerWrites;

	private final Clock clock;

	/**
	 * Each open attempt's fixed facts, so an answer save is one write (see {@link #answer}), kept
	 * until a minute past the attempt's deadline: after it every save is refused anyway (and reads
	 * the attempt to say why), so a round's finished attempts do not stay in the heap.
	 */
	private final Cache<String, AttemptFacts> facts;

	/** Deadlines of the open attempts this instance started, closed by {@link #closeDue}. */
	private final Map<String, Instant> deadlines = new ConcurrentHashMap<>();

	/**
	 * Closes due attempts eight at a time, queued beyond: at a window's end thousands fall due at
	 * once, each a few MongoDB round trips (more when another instance already submitted it), and
	 * the scheduler thread that finds them is shared with the service's other scheduled tasks.
	 */
	private final ExecutorService closer = Executors.newFixedThreadPool(8,
			Thread.ofVirtual().name("quiz-close-", 0).factory());

	private final long minReadMillis;

	private final int toleratedFastAnswers;

	AttemptService(MongoTemplate mongo, QuestionBankService banks, QuizRounds rounds, Outbox outbox, AnswerWrites answerWrites, Clock clock,
			@Value("${cchc.quiz.min-read-millis:1500}") long minReadMillis,
			@Value("${cchc.quiz.tolerated-fast-answers:2}") int toleratedFastAnswers) {
		this.minReadMillis = minReadMillis;
		this.toleratedFastAnswers = toleratedFastAnswers;
		this.mongo = mongo;
		this.banks = banks;
		this.rounds = rounds;
		this.outbox = outbox;
		this.answerWrites = answerWrites;
		this.clock = clock;
		this.facts = Caffeine.newBuilder()
			.maximumSize(200_000)
			.expireAfter(Expiry.<String, AttemptFacts>writing((id, known) -> factsLifetime(known, clock.instant())))
			.build();
		var indexes = mongo.indexOps(Attempt.class);
		indexes.createIndex(new Index("activeKey", Sort.Direction.ASC).unique().sparse());
		indexes.createIndex(new Index("openId", Sort.Direction.ASC).unique().sparse());
		indexes.createIndex(new Index("scoringKey", Sort.Direction.ASC).unique().sparse());
		indexes.createIndex(new Index("attemptKey", Sort.Direction.ASC).unique());
		indexes.createIndex(new Index("status", Sort.Direction.ASC).on("deadline", Sort.Direction.ASC));
		indexes.createIndex(new Index("roundId", Sort.Direction.ASC).on("participantId", Sort.Direction.ASC));
		mongo.indexOps(AnswerSheet.class).createIndex(new Index("openId", Sort.Direction.ASC).unique().sparse());
	}

	record Started(Attempt attempt, boolean resumed) {
	}

	Started start(Caller caller, String roundId) {
		QuizRound round = this.rounds.find(roundId);
		if (round == null) {
			throw ApiException.notFound("quiz.round.not-found", "Không tìm thấy vòng thi trắc nghiệm này.");
		}
		// Millisecond precision, as MongoDB stores it: the first response and every later read agree.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (now.isBefore(round.opensAt())) {
			throw ApiException.conflict("quiz.round.not-open", "Vòng thi chưa bắt đầu.");
		}
		if (!now.isBefore(round.closesAt())) {
			throw ApiException.conflict("quiz.round.closed", "Vòng thi đã kết thúc, không thể bắt đầu bài thi.");
		}
		QuizParticipant participant = participant(round.contestId(), caller.userId());
		if (participant == null) {
			throw ApiException.forbidden("quiz.not-enrolled",
					"Bạn chưa đăng ký dự thi cuộc thi này (nếu vừa đăng ký, vui lòng thử lại sau vài giây).");
		}
		if (participant.excluded()) {
			throw ApiException.forbidden("quiz.participant.excluded", "Bạn không thuộc diện được dự thi cuộc thi này.");
		}
		String activeKey = Attempt.activeKey(roundId, participant.id());
		Attempt active = read(Query.query(Criteria.where("activeKey").is(activeKey)));
		if (active != null) {
			if (now.isBefore(active.deadline())) {
				this.deadlines.putIfAbsent(active.id(), active.deadline());
				return new Started(withSheet(active), true);
			}
			close(active.id(), true);
		}
		QuizSettings settings = round.settings();
		String period = round.period(now);
		String keyPrefix = roundId + ":" + participant.id() + (period == null ? "" : ":" + period) + ":";
		int used = attemptsUsed(keyPrefix, settings.attemptsAllowed());
		if (used >= settings.attemptsAllowed()) {
			// A simultaneous start may have just opened the last allowed attempt: resume it.
			Attempt winner = read(Query.query(Criteria.where("activeKey").is(activeKey)));
			if (winner != null && now.isBefore(winner.deadline())) {
				return new Started(withSheet(winner), true);
			}
			throw ApiException.conflict("quiz.attempts.exhausted", period == null
					? "Bạn đã dùng hết " + settings.attemptsAllowed() + " lượt thi của vòng này."
					: "Bạn đã dùng hết " + settings.attemptsAllowed() + " lượt thi của tuần này (tuần "
							+ period.substring(1) + "); hãy quay lại vào tuần sau.");
		}
		String bankCode = settings.bankFor(participant.category());
		QuestionPool pool = this.banks.pool(bankCode, pinnedVersion(round, bankCode));
		List<Question> drawn = pool.draw(settings.questionCount(), settings.stratifyByTopic(),
				settings.shuffleOptions(), ThreadLocalRandom.current());
		Instant deadline = min(now.plusSeconds(settings.timeLimitSeconds()), round.periodEnd(now));
		String attemptId = UUID.randomUUID().toString();
		int number = used + 1;
		var event = new AttemptStarted(round.contestId(), roundId, attemptId, participant.id(), caller.userId(), now,
				deadline, period);
		Attempt attempt = new Attempt(attemptId, round.contestId(), roundId, participant.id(), caller.userId(), number,
				keyPrefix + number, activeKey,
				Status.ACTIVE, now, deadline, drawn, new HashMap<>(), 0, null, null, null, null, false,
				new HashMap<>(), List.of(), this.outbox.messages(event), participant.category(), period, pool.code(),
				pool.version(), Attempt.allowed(drawn),
				settings.prediction() == null ? null : settings.prediction().question(), round.resultsAfterClose(),
				attemptId, null, null, true, null);
		// The sheet first: an attempt is never without one (a sheet left by a failed start is unused).
		this.mongo.insert(AnswerSheet.open(attemptId));
		try {
			this.mongo.insert(attempt.stored());
			this.outbox.written(Attempt.COLLECTION, attemptId);
			this.deadlines.put(attemptId, deadline);
			// Answers that reach this instance need no read of the attempt (others read it once each).
			this.facts.put(attemptId, new AttemptFacts(caller.userId(), deadline, null, true, attempt.retained()));
			return new Started(attempt, false);
		}
		catch (DuplicateKeyException ex) {
			// A concurrent start (double click, two devices, two instances) won: resume that one.
			this.mongo.remove(Query.query(Criteria.where("_id").is(attemptId)), AnswerSheet.class);
			Attempt winner = read(Query.query(Criteria.where("activeKey").is(activeKey)));
			if (winner != null) {
				return new Started(withSheet(winner), true);
			}
			throw ApiException.conflict("quiz.attempt.concurrent", "Bài thi vừa được bắt đầu ở nơi khác; vui lòng tải lại trang.");
		}
	}

	/**
	 * How many attempts the participant used in this round (or week): attempt keys are numbered
	 * 1, 2… and unique, so exact key lookups (an index hit on any MongoDB) answer it.
	 */
	private int attemptsUsed(String keyPrefix, int allowed) {
		int used = 0;
		while (used < allowed
				&& Lookups.exists(this.mongo, Query.query(Criteria.where("attemptKey").is(keyPrefix + (used + 1))), Attempt.class)) {
			used++;
		}
		return used;
	}

	private QuizParticipant participant(String contestId, String userId) {
		QuizParticipant participant = this.mongo.findOne(
				Query.query(Criteria.where("contestUser").is(QuizParticipant.contestUser(contestId, userId))),
				QuizParticipant.class);
		if (participant != null) {
			return participant;
		}
		// Participants learnt before contestUser was stored.
		return this.mongo.findOne(Query.query(Criteria.where("contestId").is(contestId).and("userId").is(userId)),
				QuizParticipant.class);
	}

	/**
	 * The bank version this round draws from for {@code bankCode}: pinned by the round's first
	 * attempt from that bank (a guarded update, so concurrent first starts agree on one version).
	 */
	private int pinnedVersion(QuizRound round, String bankCode) {
		Integer pinned = round.pinnedVersion(bankCode);
		if (pinned != null) {
			return pinned;
		}
		int current = this.banks.currentVersion(bankCode);
		String field = "bankVersions." + bankCode;
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(round.id()).and(field).exists(false)),
				new Update().set(field, current), QuizRound.class);
		this.rounds.forget(round.id());
		QuizRound reread = this.rounds.find(round.id());
		Integer agreed = reread == null ? null : reread.pinnedVersion(bankCode);
		return agreed == null ? current : agreed;
	}

	/** The caller's attempt with the answers saved so far. */
	Attempt get(Caller caller, String attemptId) {
		return withSheet(owned(caller, attemptId));
	}

	/** The caller's attempt as stored (an open one without its sheet's answers). */
	private Attempt owned(Caller caller, String attemptId) {
		Attempt attempt = read(attemptId);
		// Another person's attempt is reported as absent: ids are not a way to learn about others.
		if (attempt == null || !attempt.userId().equals(caller.userId())) {
			throw notFound();
		}
		return attempt;
	}

	private @Nullable Attempt read(String attemptId) {
		return withQuestions(this.mongo.findById(attemptId, Attempt.class));
	}

	private @Nullable Attempt read(Query query) {
		return withQuestions(this.mongo.findOne(query, Attempt.class));
	}

	/**
	 * A stored attempt with its questions: an attempt keeps only its paper, the questions come from
	 * the bank version it drew from (in memory after its first use, see {@link QuestionPool}).
	 */
	@Nullable Attempt withQuestions(@Nullable Attempt stored) {
		if (stored == null || !stored.needsQuestions()) {
			return stored;
		}
		return stored.withQuestions(this.banks.pool(stored.bankCode(), stored.bankVersion()).questions(stored.paper()));
	}

	/** An open attempt with the answers saved so far in its sheet (a closed one holds its own). */
	private Attempt withSheet(Attempt attempt) {
		if (!attempt.answersInSheet() || attempt.status() != Status.ACTIVE || attempt.scoringKey() != null) {
			return attempt;
		}
		AnswerSheet sheet = this.mongo.findById(attempt.id(), AnswerSheet.class);
		return sheet == null ? attempt : attempt.withAnswers(sheet.answers(), sheet.answeredAt(), sheet.answerVersion());
	}

	/**
	 * Saves (or changes) one answer in ONE single-document update. The attempt's fixed facts (owner,
	 * deadline, the question/option pairs drawn) come from a per-instance cache and are checked
	 * first; the update's filter is the attempt's {@code openId}, which exists only while the
	 * attempt is open and has its own unique index, so the write is an index lookup on any MongoDB
	 * (the embedded server uses an index only for a query on exactly its key) and can never land in
	 * a submitted or closed attempt. When anything is refused, the attempt is read once to say why.
	 * Idempotent: resending the same answer leaves the same answer (and the first-answer time, kept
	 * with {@code $min}). Saves arriving together share one bulk write ({@link AnswerWrites}).
	 */
	void answer(Caller caller, String attemptId, String questionId, String option) {
		Instant now = this.clock.instant();
		AttemptFacts facts = facts(attemptId);
		if (facts != null && facts.userId().equals(caller.userId()) && now.isBefore(facts.deadline())
				&& facts.offers(questionId, option)) {
			if (this.answerWrites.save(facts.sheet() ? AnswerSheet.COLLECTION : Attempt.COLLECTION, attemptId, questionId,
					option, now)) {
				return;
			}
		}
		saveOrExplainRefusal(caller, attemptId, questionId, option, now);
	}

	/** How long an attempt's facts stay cached: until a minute past its deadline, at least a second. */
	static Duration factsLifetime(AttemptFacts known, Instant now) {
		Duration left = Duration.between(now, known.deadline()).plusMinutes(1);
		return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
	}

	/**
	 * What never changes in an attempt once started, for the answer path; null when there is none.
	 * {@code started} is the attempt as this instance inserted it (null when the facts were read
	 * back): closing it then needs no read of the attempt (see {@link #finish}), and its questions
	 * say what it offers. Facts read back carry the stored {@code allowed} pairs instead.
	 */
	record AttemptFacts(String userId, Instant deadline, java.util.@Nullable Set<String> allowed, boolean sheet,
			@Nullable Attempt started) {

		/** Whether the attempt drew this question and offered this option. */
		boolean offers(String questionId, String option) {
			return this.started != null ? this.started.offers(questionId, option)
					: this.allowed != null && this.allowed.contains(Attempt.allowedEntry(questionId, option));
		}

	}

	private @Nullable AttemptFacts facts(String attemptId) {
		AttemptFacts known = this.facts.getIfPresent(attemptId);
		if (known != null) {
			return known;
		}
		Query query = Query.query(Criteria.where("_id").is(attemptId));
		query.fields().include("userId").include("deadline").include("allowed").include("openId").include("sheet");
		Document attempt = this.mongo.findOne(query, Document.class, Attempt.COLLECTION);
		if (attempt == null || attempt.getString("openId") == null || attempt.getList("allowed", String.class) == null) {
			return null;
		}
		AttemptFacts loaded = new AttemptFacts(attempt.getString("userId"), attempt.getDate("deadline").toInstant(),
				java.util.Set.copyOf(attempt.getList("allowed", String.class)), Boolean.TRUE.equals(attempt.getBoolean("sheet")), null);
		this.facts.put(attemptId, loaded);
		return loaded;
	}

	/**
	 * The save matched nothing: read the attempt once and refuse with the precise reason (or save
	 * into an attempt started before saves went through openId).
	 */
	private void saveOrExplainRefusal(Caller caller, String attemptId, String questionId, String option,
			Instant now) {
		Attempt attempt = get(caller, attemptId);
		ensureOpen(attempt);
		if (!attempt.drew(questionId)) {
			throw ApiException.badRequest("quiz.question.not-in-attempt", "Câu hỏi này không thuộc bài thi của bạn.");
		}
		if (!attempt.offers(questionId, option)) {
			throw ApiException.badRequest("quiz.option.invalid", "Phương án trả lời không hợp lệ.");
		}
		if (!attempt.answersInSheet() && attempt.scoringKey() == null
				&& (attempt.openId() == null || attempt.allowed() == null)) {
			// An attempt started before saves went through openId: same checks, done above, and a
			// guarded filter on the attempt's own fields.
			boolean saved = this.mongo.updateFirst(
					Query.query(Criteria.where("_id").is(attemptId).and("status").is(Status.ACTIVE).and("deadline").gt(now)
						.and("scoringKey").exists(false)),
					new Update().set("answers." + questionId, option).min("answeredAt." + questionId, now).inc("answerVersion", 1),
					Attempt.class).getMatchedCount() == 1;
			if (saved) {
				return;
			}
		}
		throw ApiException.conflict("quiz.attempt.closed", "Bài thi đã đóng, câu trả lời không được ghi nhận.");
	}

	/** Submits the caller's attempt; submitting again returns the same result. */
	Attempt submit(Caller caller, String attemptId, Long prediction) {
		// An open attempt this instance knows belongs to the caller: no read before closing it
		// (finish returns a submitted attempt as it stands).
		AttemptFacts known = this.facts.getIfPresent(attemptId);
		Attempt attempt = known != null && known.userId().equals(caller.userId()) ? null : owned(caller, attemptId);
		if (prediction != null && prediction < 0) {
			throw ApiException.badRequest("quiz.prediction.invalid", "Số dự đoán không được âm.");
		}
		if (attempt != null && attempt.status() == Status.SUBMITTED) {
			return attempt;
		}
		return finish(attemptId, prediction, false);
	}

	/** Closes an attempt whose time ran out: the answers saved in time are scored, nothing is lost. */
	Attempt close(String attemptId, boolean autoClosed) {
		return finish(attemptId, null, autoClosed);
	}

	/**
	 * Scores an attempt in two writes, each on a single unique key (one index lookup on any
	 * MongoDB): first the attempt is closed to answers ({@code openId} removed, {@code scoringKey}
	 * set, the closing time kept), so its answers are final; then it is scored and marked submitted
	 * with its {@code attempt-submitted} event in the outbox, filtered on {@code scoringKey}, which
	 * only one writer can match. An attempt left between the two (a crash) is finished by the next
	 * submit or by the expiry sweep. The instance that started the attempt holds it as inserted, and
	 * the closed sheet holds its final answers: it scores it in memory and writes both steps as one
	 * update on {@code openId}, which only one closer can match.
	 */
	private Attempt finish(String attemptId, Long prediction, boolean autoClosed) {
		Instant now = this.clock.instant();
		AnswerSheet sheet = closeSheet(attemptId, now);
		Instant sheetClosedAt = sheet != null && sheet.closedAt() != null ? sheet.closedAt() : now;
		Query open = Query.query(Criteria.where("openId").is(attemptId));
		AttemptFacts known = sheet == null ? null : this.facts.getIfPresent(attemptId);
		if (known != null && known.started() != null) {
			// Started here: nothing to read (a start and a submit each write the attempt once).
			Attempt done = scored(known.started().closedWith(sheet, sheetClosedAt), prediction, autoClosed, now);
			Update closeAndScore = scoring(done).unset("openId").set("closedAt", sheetClosedAt);
			withAnswers(closeAndScore, sheet);
			if (this.mongo.updateFirst(open, closeAndScore, Attempt.class).getMatchedCount() == 1) {
				return finished(done);
			}
			// Another closer (another instance's submit or sweep) got there first: go on from what it left.
		}
		Update closingUpdate = new Update().unset("openId").set("scoringKey", attemptId).set("closedAt", sheetClosedAt);
		if (sheet != null) {
			// The attempt takes the sheet's final answers in the same write that closes it.
			withAnswers(closingUpdate, sheet);
		}
		Attempt closing = withQuestions(this.mongo.findAndModify(open, closingUpdate,
				FindAndModifyOptions.options().returnNew(true), Attempt.class));
		if (closing == null) {
			Attempt current = read(attemptId);
			if (current == null || current.status() == Status.SUBMITTED) {
				return current;
			}
			if (current.scoringKey() == null) {
				return finishLegacy(attemptId, prediction, autoClosed);
			}
			closing = current;
		}
		Attempt done = scored(closing, prediction, autoClosed, now);
		if (this.mongo.updateFirst(Query.query(Criteria.where("scoringKey").is(attemptId)), scoring(done), Attempt.class)
			.getMatchedCount() == 1) {
			return finished(done);
		}
		forget(attemptId);
		// Another instance scored it between our two writes; its result stands.
		return read(attemptId);
	}

	/** The closed attempt scored: its result, duration and bot signs, as the scoring write stores them. */
	private Attempt scored(Attempt closing, Long prediction, boolean autoClosed, Instant now) {
		Instant closedAt = closing.closedAt() != null ? closing.closedAt() : now;
		Instant end = min(closedAt, closing.deadline());
		long duration = Duration.between(closing.startedAt(), end).toMillis();
		boolean late = !closedAt.isBefore(closing.deadline());
		return closing.submitted(end, closing.score(), duration, prediction, autoClosed || late,
				closing.botSigns(this.minReadMillis, this.toleratedFastAnswers));
	}

	/** The write that marks {@code done} submitted, its {@code attempt-submitted} event in the outbox. */
	private Update scoring(Attempt done) {
		var event = new AttemptSubmitted(done.contestId(), done.roundId(), done.id(), done.participantId(),
				done.userId(), done.correctCount(), done.questions().size(), done.durationMillis(), done.prediction(),
				done.submittedAt(), done.autoClosed(), done.category(), done.period());
		Update update = new Update().set("status", done.status())
			.unset("activeKey")
			.unset("scoringKey")
			.set("submittedAt", done.submittedAt())
			.set("correctCount", done.correctCount())
			.set("durationMillis", done.durationMillis())
			.set("prediction", done.prediction())
			.set("autoClosed", done.autoClosed())
			.set("flags", done.flags());
		this.outbox.append(update, event);
		return update;
	}

	private static void withAnswers(Update update, AnswerSheet sheet) {
		update.set("answers", sheet.answers())
			.set("answeredAt", sheet.answeredAt())
			.set("answerVersion", sheet.answerVersion());
	}

	/** After the scoring write matched: the attempt is off this instance's books, its event on its way. */
	private Attempt finished(Attempt done) {
		forget(done.id());
		this.outbox.written(Attempt.COLLECTION, done.id());
		return done;
	}

	/** The attempt is closed: off this instance's deadline list and facts cache. */
	private void forget(String attemptId) {
		this.deadlines.remove(attemptId);
		this.facts.invalidate(attemptId);
	}

	/**
	 * Closes the attempt's answer sheet to answers (one write on its unique {@code openId}) and
	 * returns its final content; a sheet already closed (a submit racing the deadline, or a crash
	 * between this write and the next) is read as it stands. Null for an attempt without a sheet.
	 */
	private @Nullable AnswerSheet closeSheet(String attemptId, Instant now) {
		AnswerSheet closed = this.mongo.findAndModify(Query.query(Criteria.where("openId").is(attemptId)),
				new Update().unset("openId").set("closedAt", now), FindAndModifyOptions.options().returnNew(true),
				AnswerSheet.class);
		return closed != null ? closed : this.mongo.findById(attemptId, AnswerSheet.class);
	}

	/** Attempts started before saves went through {@code openId}: scored with a guarded filter. */
	private Attempt finishLegacy(String attemptId, Long prediction, boolean autoClosed) {
		for (int tries = 0; tries < 10; tries++) {
			Attempt current = read(attemptId);
			if (current == null || current.status() == Status.SUBMITTED) {
				return current;
			}
			// Never closed through scoringKey, so scored as of now; openId goes with the scoring write.
			Update update = scoring(scored(current, prediction, autoClosed, this.clock.instant())).unset("openId");
			// The answer version in the filter: an answer saved since we read it makes us score again.
			Attempt done = withQuestions(this.mongo.findAndModify(
					Query.query(Criteria.where("_id").is(attemptId)
						.and("status").is(Status.ACTIVE)
						.and("answerVersion").is(current.answerVersion())),
					update, FindAndModifyOptions.options().returnNew(true), Attempt.class));
			if (done != null) {
				this.outbox.written(Attempt.COLLECTION, attemptId);
				return done;
			}
		}
		throw ApiException.conflict("quiz.attempt.busy", "Bài thi đang được cập nhật, vui lòng thử nộp lại.");
	}

	/** Submitted attempts of a round that show signs of a script, for the organiser to review. */
	List<Attempt> flagged(Caller caller, String roundId) {
		caller.require("organizer", "admin");
		return this.mongo.find(Query.query(Criteria.where("roundId").is(roundId).and("flags.0").exists(true))
			.with(Sort.by("submittedAt")), Attempt.class).stream().map(this::withQuestions).toList();
	}

	/**
	 * Closes, at their deadline, the attempts this instance started: each one write on its own
	 * unique key, no search. Attempts another instance started are closed by that instance, or by
	 * the sweep below if it is gone.
	 */
	@Scheduled(fixedDelayString = "${cchc.quiz.deadline-check-interval:1s}")
	void closeDue() {
		Instant now = this.clock.instant();
		for (var entry : this.deadlines.entrySet()) {
			String attemptId = entry.getKey();
			if (!now.isBefore(entry.getValue()) && this.deadlines.remove(attemptId, entry.getValue())) {
				this.closer.execute(() -> {
					try {
						close(attemptId, true);
					}
					catch (RuntimeException ex) {
						log.warn("Could not close attempt {} at its deadline: {}", attemptId, ex.toString());
					}
				});
			}
		}
	}

	/**
	 * Searches for open attempts past their deadline that no instance closed (the instance that
	 * started them stopped); slow on purpose: on the embedded stand-in every search is a scan.
	 */
	@Scheduled(fixedDelayString = "${cchc.quiz.expiry-sweep-interval:60s}")
	void closeExpired() {
		List<Attempt> expired = this.mongo.find(
				Query.query(Criteria.where("status").is(Status.ACTIVE).and("deadline").lte(this.clock.instant()))
					.limit(500),
				Attempt.class);
		for (Attempt attempt : expired) {
			try {
				close(attempt.id(), true);
			}
			catch (RuntimeException ex) {
				log.warn("Could not close expired attempt {}: {}", attempt.id(), ex.toString());
			}
		}
	}

	/**
	 * Whether the participant may see the score now: always for "after-submit" rounds; for
	 * "after-close" rounds once the round (as it stands, extensions included) has closed.
	 */
	boolean resultsVisible(Attempt attempt) {
		if (attempt.status() != Status.SUBMITTED) {
			return false;
		}
		if (!attempt.scoreAfterClose()) {
			return true;
		}
		QuizRound round = this.rounds.find(attempt.roundId());
		return round == null || !this.clock.instant().isBefore(round.closesAt());
	}

	/** When a hidden result becomes visible (the round's close), or null. */
	Instant resultsAt(Attempt attempt) {
		if (!attempt.scoreAfterClose()) {
			return null;
		}
		QuizRound round = this.rounds.find(attempt.roundId());
		return round == null ? null : round.closesAt();
	}

	private static ApiException notFound() {
		return ApiException.notFound("quiz.attempt.not-found", "Không tìm thấy bài thi.");
	}

	private void ensureOpen(Attempt attempt) {
		if (attempt.status() == Status.SUBMITTED) {
			throw ApiException.conflict("quiz.attempt.submitted", "Bài thi đã được nộp, không thể thay đổi câu trả lời.");
		}
		if (!this.clock.instant().isBefore(attempt.deadline())) {
			throw ApiException.conflict("quiz.attempt.expired", "Đã hết thời gian làm bài, câu trả lời không được ghi nhận.");
		}
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
