package vn.cchc.quiz;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.cchc.platform.web.Caller;
import vn.cchc.quiz.QuestionBank.Option;

@RestController
@RequestMapping("/api/quiz")
class QuizController {

	private final AttemptService attempts;

	private final QuestionBankService banks;

	private final Clock clock;

	QuizController(AttemptService attempts, QuestionBankService banks, Clock clock) {
		this.attempts = attempts;
		this.banks = banks;
		this.clock = clock;
	}

	@PutMapping(path = "/banks/{code}", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	Map<String, Object> importBank(Caller caller, @PathVariable String code, @RequestBody String csv) {
		return imported(this.banks.importCsv(caller, code, csv));
	}

	@PutMapping(path = "/banks/{code}", consumes = BankFile.XLSX)
	Map<String, Object> importBankXlsx(Caller caller, @PathVariable String code, @RequestBody byte[] xlsx) {
		return imported(this.banks.importXlsx(caller, code, xlsx));
	}

	private static Map<String, Object> imported(QuestionBank bank) {
		return Map.of("code", bank.code(), "version", bank.version(), "questionCount", bank.questions().size());
	}

	/** Every version of a bank, newest first (organisers only). */
	@GetMapping("/banks/{code}/versions")
	List<BankVersionView> versions(Caller caller, @PathVariable String code) {
		return this.banks.versions(caller, code)
			.stream()
			.map(v -> new BankVersionView(v.code(), v.version(), v.questions().size(), v.uploadedBy(), v.uploadedAt(),
					v.format()))
			.toList();
	}

	/** The organiser's preview of the current version, answer key included (organisers only). */
	@GetMapping("/banks/{code}")
	BankPreview preview(Caller caller, @PathVariable String code) {
		return preview(this.banks.preview(caller, code, null));
	}

	@GetMapping("/banks/{code}/versions/{version}")
	BankPreview preview(Caller caller, @PathVariable String code, @PathVariable int version) {
		return preview(this.banks.preview(caller, code, version));
	}

	private static BankPreview preview(QuestionPool pool) {
		return new BankPreview(pool.code(), pool.version(), pool.questions());
	}

	record BankVersionView(String code, int version, int questionCount, String uploadedBy, Instant uploadedAt,
			String format) {
	}

	/** Organisers only: the questions with their answer key. */
	record BankPreview(String code, int version, List<QuestionBank.Question> questions) {
	}

	@PostMapping("/rounds/{roundId}/attempts")
	ResponseEntity<AttemptView> start(Caller caller, @PathVariable String roundId) {
		AttemptService.Started started = this.attempts.start(caller, roundId);
		AttemptView view = view(started.attempt());
		return started.resumed() ? ResponseEntity.ok(view)
				: ResponseEntity.created(URI.create("/api/quiz/attempts/" + view.attemptId())).body(view);
	}

	@GetMapping("/attempts/{id}")
	AttemptView get(Caller caller, @PathVariable String id) {
		return view(this.attempts.get(caller, id));
	}

	@PutMapping("/attempts/{id}/answers/{questionId}")
	Map<String, Object> answer(Caller caller, @PathVariable String id, @PathVariable String questionId,
			@Valid @RequestBody AnswerRequest request) {
		this.attempts.answer(caller, id, questionId, request.option());
		return Map.of("questionId", questionId, "option", request.option(), "saved", true, "serverTime",
				this.clock.instant());
	}

	@PostMapping("/attempts/{id}/submit")
	AttemptView submit(Caller caller, @PathVariable String id, @RequestBody(required = false) @Nullable SubmitRequest request) {
		return view(this.attempts.submit(caller, id, request == null ? null : request.prediction()));
	}

	/** The organiser's review list: attempts answered faster than a person can read. */
	@GetMapping("/rounds/{roundId}/flags")
	List<FlaggedAttempt> flagged(Caller caller, @PathVariable String roundId) {
		return this.attempts.flagged(caller, roundId)
			.stream()
			.map(a -> new FlaggedAttempt(a.id(), a.participantId(), a.correctCount(), a.durationMillis(), a.submittedAt(),
					a.flags()))
			.toList();
	}

	record FlaggedAttempt(String attemptId, String participantId, Integer correctCount, Long durationMillis,
			Instant submittedAt, List<String> flags) {
	}

	record AnswerRequest(@NotBlank(message = "không được để trống") @Size(max = 8, message = "quá dài") String option) {
	}

	record SubmitRequest(Long prediction) {
	}

	/**
	 * What the participant sees: never the answer key. {@code correctCount} is null until results
	 * may be shown ({@code resultsAt} says when, for rounds that show them after the close).
	 */
	record AttemptView(String attemptId, String contestId, String roundId, String status, Instant startedAt,
			Instant deadline, Instant serverTime, List<QuestionView> questions, Map<String, String> answers,
			Integer correctCount, Integer questionCount, Long durationMillis, Instant submittedAt,
			@Nullable String period, @Nullable String predictionQuestion, @Nullable Long prediction,
			boolean resultsShown, @Nullable Instant resultsAt, boolean autoClosed) {
	}

	record QuestionView(String id, String text, List<Option> options) {
	}

	private AttemptView view(Attempt a) {
		boolean shown = this.attempts.resultsVisible(a);
		return new AttemptView(a.id(), a.contestId(), a.roundId(), a.status().name().toLowerCase(Locale.ROOT),
				a.startedAt(), a.deadline(), this.clock.instant(),
				a.questions().stream().map(q -> new QuestionView(q.id(), q.text(), q.options())).toList(),
				a.answers() == null ? Map.of() : a.answers(), shown ? a.correctCount() : null, a.questions().size(),
				a.durationMillis(), a.submittedAt(), a.period(), a.predictionQuestion(), a.prediction(), shown,
				shown ? null : this.attempts.resultsAt(a), a.autoClosed());
	}

}
