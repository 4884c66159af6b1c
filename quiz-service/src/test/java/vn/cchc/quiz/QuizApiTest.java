package vn.cchc.quiz;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;





import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.ContestEvent.QuizSettings;
import vn.cchc.contracts.ContestEvent.Round;
import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.contracts.Topics;

import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ApiClient.Response;

import vn.cchc.platform.test.TestEvents;
import vn.cchc.platform.test.TestTokens;
import vn.cchc.platform.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class QuizApiTest extends QuizTestSupport {

	/** A contest with one quiz round, published by "registration", and the given citizens enrolled. */
	String round(Instant opensAt, Instant closesAt, int attemptsAllowed, String... users) {
		String contestId = UUID.randomUUID().toString();
		String roundId = UUID.randomUUID().toString();
		TestEvents.publish(this.kafka, this.outbox,
				new ContestPublished(contestId, "Hội thi CCHC", "UBND phường Bồng Sơn", "Asia/Ho_Chi_Minh", 1,
						List.of(new Round(roundId, "quiz", "Vòng trắc nghiệm", opensAt, closesAt,
								new QuizSettings("cchc-mau", 10, 900, attemptsAllowed, "first")))));
		for (String user : users) {
			TestEvents.publish(this.kafka, this.outbox, new ParticipantEnrolled(contestId,
					"p-" + user + "-" + contestId, user, "Thí sinh " + user, "citizen", "BS-KP1", Instant.now()));
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> this.mongo.findById(roundId, QuizRound.class) != null
				&& this.mongo.count(Query.query(Criteria.where("contestId").is(contestId)), QuizParticipant.class) == users.length);
		return roundId;
	}

	String startedAttempt(String roundId, String token) {
		return api().post("/api/quiz/rounds/" + roundId + "/attempts", token, null).json().get("attemptId").asString();
	}

	record Taking(String roundId, String token, String attemptId, List<QuestionBank.Question> questions) {
	}

	/** A citizen who started an attempt in a round open for the next hour (one attempt allowed). */
	Taking takingAnOpenRound(String user) {
		Instant now = Instant.now();
		String roundId = round(now.minusSeconds(60), now.plusSeconds(3600), 1, user);
		String token = TestTokens.token(user, "citizen");
		String attemptId = startedAttempt(roundId, token);
		return new Taking(roundId, token, attemptId, stored(attemptId).questions());
	}

	/** Exactly one attempt-submitted event reaches Kafka for the attempt (a second is waited for, 5 s). */
	void assertSubmittedOnce(String attemptId) {
		List<ConsumerRecord<String, byte[]>> events = TopicReader.read(this.brokers, Topics.ATTEMPTS,
				r -> attemptId.equals(r.key()) && "vn.cchc.quiz.attempt-submitted.v1".equals(TopicReader.header(r, "ce_type")), 2,
				Duration.ofSeconds(5));
		assertThat(events).as("one attempt-submitted, however often it is submitted").hasSize(1);
	}

	/** The attempt as stored, with the questions its paper names (the answer key included). */
	Attempt stored(String attemptId) {
		return this.attempts.withQuestions(this.mongo.findById(attemptId, Attempt.class));
	}

	@Test
	void citizenTakesTheQuizAndTheScoreIsPublished() {
		Instant now = Instant.now();
		String roundId = round(now.minusSeconds(60), now.plusSeconds(3600), 1, "an");
		String token = TestTokens.token("an", "citizen");

		Response started = api().post("/api/quiz/rounds/" + roundId + "/attempts", token, null);
		assertThat(started.status()).isEqualTo(201);
		JsonNode attempt = started.json();
		String attemptId = attempt.get("attemptId").asString();
		assertThat(attempt.get("questions")).hasSize(10);
		assertThat(started.body()).as("the answer key stays on the server").doesNotContain("\"correct\":");
		assertThat(Instant.parse(attempt.get("deadline").asString())).isAfter(now.plusSeconds(800));

		Response resumed = api().post("/api/quiz/rounds/" + roundId + "/attempts", token, null);
		assertThat(resumed.status()).isEqualTo(200);
		assertThat(resumed.json().get("attemptId").asString()).isEqualTo(attemptId);

		// Answer 7 questions right and 3 wrong, as an independent check of the score.
		Attempt key = stored(attemptId);
		org.bson.Document raw = this.mongo.findById(attemptId, org.bson.Document.class, Attempt.COLLECTION);
		assertThat(raw).as("the attempt stores its paper, not the bank's texts and answer key").doesNotContainKey("questions");
		assertThat(raw.getList("paper", String.class)).hasSize(10);
		List<String> shown = new ArrayList<>();
		for (JsonNode q : attempt.get("questions")) {
			List<String> keys = new ArrayList<>();
			q.get("options").forEach(o -> keys.add(o.get("key").asString()));
			shown.add(q.get("id").asString() + ":" + String.join(",", keys));
		}
		assertThat(raw.getList("paper", String.class)).as("the paper is what was shown, in order").isEqualTo(shown);
		assertThat(key.questions()).extracting(q -> q.id()).containsExactlyElementsOf(shown.stream().map(e -> e.substring(0, e.indexOf(':'))).toList());
		int expected = 0;
		for (int i = 0; i < key.questions().size(); i++) {
			var q = key.questions().get(i);
			String option = i < 7 ? q.correct() : q.options().stream().map(o -> o.key()).filter(k -> !k.equals(q.correct())).findFirst().orElseThrow();
			expected += option.equals(q.correct()) ? 1 : 0;
			Response saved = api().put("/api/quiz/attempts/" + attemptId + "/answers/" + q.id(), token, "{\"option\":\"" + option + "\"}");
			assertThat(saved.status()).isEqualTo(200);
			// The client may resend: nothing changes.
			assertThat(api().put("/api/quiz/attempts/" + attemptId + "/answers/" + q.id(), token, "{\"option\":\"" + option + "\"}").status()).isEqualTo(200);
		}
		assertThat(api().get("/api/quiz/attempts/" + attemptId, token).json().get("answers").size()).isEqualTo(10);

		Response submitted = api().post("/api/quiz/attempts/" + attemptId + "/submit", token, "{\"prediction\":42}");
		assertThat(submitted.status()).isEqualTo(200);
		assertThat(submitted.json().get("correctCount").asInt()).isEqualTo(expected).isEqualTo(7);
		long duration = submitted.json().get("durationMillis").asLong();
		assertThat(duration).isBetween(0L, 60_000L);
		Response again = api().post("/api/quiz/attempts/" + attemptId + "/submit", token, "{}");
		assertThat(again.json().get("correctCount").asInt()).isEqualTo(7);
		assertThat(again.json().get("durationMillis").asLong()).isEqualTo(duration);
		// The submit's answer is built from the scoring write, not read back: it must equal what is stored.
		var stored = (ObjectNode) api().get("/api/quiz/attempts/" + attemptId, token).json();
		var answered = (ObjectNode) submitted.json();
		stored.remove("serverTime");
		answered.remove("serverTime");
		assertThat(answered).isEqualTo(stored);
		assertThat(answered.get("status").asString()).isEqualTo("submitted");
		assertThat(answered.get("prediction").asLong()).isEqualTo(42);

		List<ConsumerRecord<String, byte[]>> events = TopicReader.read(this.brokers, Topics.ATTEMPTS, r -> attemptId.equals(r.key()), 2,
				Duration.ofSeconds(15));
		assertThat(events).filteredOn(r -> attemptId.equals(r.key())).hasSize(2);
		String payload = events.stream().filter(r -> attemptId.equals(r.key()))
			.map(r -> new String(r.value())).filter(v -> v.contains("correctCount")).findFirst().orElseThrow();
		assertThat(payload).contains("\"correctCount\":7").contains("\"prediction\":42").contains("\"durationMillis\":" + duration);

		Response afterSubmit = api().put("/api/quiz/attempts/" + attemptId + "/answers/" + key.questions().get(0).id(), token, "{\"option\":\"A\"}");
		assertThat(afterSubmit.status()).isEqualTo(409);
		assertThat(afterSubmit.code()).isEqualTo("quiz.attempt.submitted");
		Response exhausted = api().post("/api/quiz/rounds/" + roundId + "/attempts", token, null);
		assertThat(exhausted.code()).isEqualTo("quiz.attempts.exhausted");
		assertThat(stored(attemptId).correctCount()).isEqualTo(7);
	}

	@Test
	void badInputAndOtherPeoplesAttemptsAreRefusedAndChangeNothing() {
		Instant now = Instant.now();
		String roundId = round(now.minusSeconds(60), now.plusSeconds(3600), 1, "binh", "chi");
		String closed = round(now.minusSeconds(7200), now.minusSeconds(60), 1, "binh");
		String future = round(now.plusSeconds(3600), now.plusSeconds(7200), 1, "binh");
		String binh = TestTokens.token("binh", "citizen");
		String chi = TestTokens.token("chi", "citizen");

		assertThat(api().post("/api/quiz/rounds/" + closed + "/attempts", binh, null).code()).isEqualTo("quiz.round.closed");
		assertThat(api().post("/api/quiz/rounds/" + future + "/attempts", binh, null).code()).isEqualTo("quiz.round.not-open");
		assertThat(api().post("/api/quiz/rounds/" + roundId + "/attempts", TestTokens.token("stranger", "citizen"), null).code())
			.isEqualTo("quiz.not-enrolled");
		assertThat(api().post("/api/quiz/rounds/khong-co/attempts", binh, null).status()).isEqualTo(404);
		assertThat(api().post("/api/quiz/rounds/" + roundId + "/attempts", null, null).status()).isEqualTo(401);
		assertThat(api().post("/api/quiz/rounds/" + roundId + "/attempts", TestTokens.expiredToken("binh", "citizen"), null).status()).isEqualTo(401);

		String attemptId = api().post("/api/quiz/rounds/" + roundId + "/attempts", binh, null).json().get("attemptId").asString();
		String questionId = stored(attemptId).questions().get(0).id();
		String path = "/api/quiz/attempts/" + attemptId + "/answers/" + questionId;

		Response malformed = api().put(path, binh, "{\"option\":");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.code()).isEqualTo("request.malformed");
		assertThat(api().put(path, binh, "{\"option\":\"Z\"}").code()).isEqualTo("quiz.option.invalid");
		Set<String> drawn = new HashSet<>(stored(attemptId).questions().stream().map(q -> q.id()).toList());
		String notDrawn = List.of("Q001", "Q002", "Q003", "Q004", "Q005", "Q006", "Q007", "Q008", "Q009", "Q010", "Q011")
			.stream().filter(q -> !drawn.contains(q)).findFirst().orElseThrow();
		assertThat(api().put("/api/quiz/attempts/" + attemptId + "/answers/" + notDrawn, binh, "{\"option\":\"A\"}").code())
			.isEqualTo("quiz.question.not-in-attempt");

		Response foreign = api().put(path, chi, "{\"option\":\"A\"}");
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.code()).isEqualTo("quiz.attempt.not-found");
		assertThat(api().get("/api/quiz/attempts/" + attemptId, chi).status()).isEqualTo(404);
		assertThat(api().post("/api/quiz/attempts/" + attemptId + "/submit", chi, "{}").status()).isEqualTo(404);
		assertThat(api().put(path, TestTokens.forgedToken("binh", "citizen"), "{\"option\":\"A\"}").status()).isEqualTo(401);

		Attempt after = stored(attemptId);
		assertThat(after.answers()).isEmpty();
		assertThat(after.answerVersion()).isZero();
		assertThat(after.status()).isEqualTo(Attempt.Status.ACTIVE);

		assertThat(api().send("PUT", "/api/quiz/banks/hong", binh, "code\n", "text/csv").status()).isEqualTo(403);
	}

	@Test
	void simultaneousStartsOpenExactlyOneAttempt() throws Exception {
		Instant now = Instant.now();
		String roundId = round(now.minusSeconds(60), now.plusSeconds(3600), 3, "dung");
		String token = TestTokens.token("dung", "citizen");
		List<Callable<String>> starts = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			starts.add(() -> api().post("/api/quiz/rounds/" + roundId + "/attempts", token, null).json().get("attemptId").asString());
		}
		Set<String> ids = new HashSet<>();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Future<String> f : pool.invokeAll(starts)) {
				ids.add(f.get());
			}
		}
		assertThat(ids).hasSize(1);
		assertThat(this.mongo.count(Query.query(Criteria.where("roundId").is(roundId)), Attempt.class)).isEqualTo(1);
	}

	@Test
	void anAttemptLeftOpenIsClosedAtTheWindowsEndWithItsSavedAnswersScored() {
		Instant now = Instant.now();
		String roundId = round(now.minusSeconds(60), now.plusSeconds(4), 1, "em");
		String token = TestTokens.token("em", "citizen");
		String attemptId = startedAttempt(roundId, token);
		var question = stored(attemptId).questions().get(0);
		assertThat(api().put("/api/quiz/attempts/" + attemptId + "/answers/" + question.id(), token,
				"{\"option\":\"" + question.correct() + "\"}").status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(15)).until(() -> stored(attemptId).status() == Attempt.Status.SUBMITTED);
		Attempt closed = stored(attemptId);
		assertThat(closed.autoClosed()).isTrue();
		assertThat(closed.correctCount()).isEqualTo(1);
		assertThat(closed.submittedAt()).isEqualTo(closed.deadline());
		Response late = api().put("/api/quiz/attempts/" + attemptId + "/answers/" + question.id(), token, "{\"option\":\"A\"}");
		assertThat(late.code()).isEqualTo("quiz.attempt.submitted");
	}

	@Test
	void aBankWithErrorsIsRefusedWholeAndAValidOneImports() {
		String organizer = TestTokens.token("org", "organizer");
		String bad = "code,topic,text,option_a,option_b,option_c,option_d,correct\n"
				+ "X1,t,Câu hỏi một,A1,B1,,,B\n" + "X1,t,,A1,,,,E\n";
		Response refused = api().send("PUT", "/api/quiz/banks/ngan-hang-thu", organizer, bad, "text/csv");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("bank.csv.invalid");
		assertThat(refused.json().get("detail").asString()).contains("dòng 3").contains("bị trùng").contains("nội dung câu hỏi trống");
		assertThat(this.mongo.findById("ngan-hang-thu", QuestionBank.class)).isNull();

		Response imported = api().send("PUT", "/api/quiz/banks/ngan-hang-thu", organizer,
				"\uFEFFcode,topic,text,option_a,option_b,option_c,option_d,correct\nX1,t,Câu hỏi một,A1,B1,,,b\n", "text/csv");
		assertThat(imported.status()).isEqualTo(200);
		assertThat(this.mongo.findById("ngan-hang-thu", QuestionBank.class).questions().get(0).correct()).isEqualTo("B");
	}


	@Test
	void answersFasterThanAPersonCanReadAreFlaggedForTheOrganiserNotRejected() throws Exception {
		Instant now = Instant.now();
		String roundId = round(now.minusSeconds(60), now.plusSeconds(3600), 1, "giang", "hai");
		String bot = TestTokens.token("giang", "citizen");
		String person = TestTokens.token("hai", "citizen");
		String botAttempt = api().post("/api/quiz/rounds/" + roundId + "/attempts", bot, null).json().get("attemptId").asString();
		String personAttempt = api().post("/api/quiz/rounds/" + roundId + "/attempts", person, null).json().get("attemptId").asString();
		for (var q : stored(botAttempt).questions()) {
			api().put("/api/quiz/attempts/" + botAttempt + "/answers/" + q.id(), bot, "{\"option\":\"" + q.correct() + "\"}");
		}
		for (var q : stored(personAttempt).questions()) {
			Thread.sleep(320);
			api().put("/api/quiz/attempts/" + personAttempt + "/answers/" + q.id(), person, "{\"option\":\"" + q.correct() + "\"}");
			// Changing one's mind later does not move the first-answer time.
			api().put("/api/quiz/attempts/" + personAttempt + "/answers/" + q.id(), person, "{\"option\":\"" + q.correct() + "\"}");
		}
		assertThat(api().post("/api/quiz/attempts/" + botAttempt + "/submit", bot, "{}").json().get("correctCount").asInt())
			.as("flagged, not rejected: the score stands until the organiser decides").isEqualTo(10);
		api().post("/api/quiz/attempts/" + personAttempt + "/submit", person, "{}");

		JsonNode flagged = api().get("/api/quiz/rounds/" + roundId + "/flags", TestTokens.token("org", "organizer")).json();
		assertThat(flagged.findValuesAsString("attemptId")).containsExactly(botAttempt);
		// All ten came faster than a person reads; the first one counts from the start, which a loaded
		// machine may delay past the threshold, so at least the nine that followed are flagged.
		assertThat(flagged.get(0).get("flags").get(0).asString()).matches("Trả lời quá nhanh: (9|10) câu .*");
		assertThat(api().get("/api/quiz/rounds/" + roundId + "/flags", bot).status()).isEqualTo(403);
	}

	@Test
	void answersAfterTheDeadlineOrAfterSubmitAndReplayedRequestsChangeNothing() {
		Taking taking = takingAnOpenRound("khanh");
		String token = taking.token();
		String attemptId = taking.attemptId();
		var questions = taking.questions();
		String roundId = taking.roundId();
		String first = "/api/quiz/attempts/" + attemptId + "/answers/" + questions.get(0).id();
		String body = "{\"option\":\"" + questions.get(0).correct() + "\"}";
		assertThat(api().put(first, token, body).status()).isEqualTo(200);
		Response replayed = api().put(first, token, body);
		assertThat(replayed.status()).as("a replayed answer is acknowledged again").isEqualTo(200);
		assertThat(replayed.json().get("saved").asBoolean()).isTrue();
		assertThat(replayed.json().get("option").asString()).isEqualTo(questions.get(0).correct());
		assertThat(api().post("/api/quiz/rounds/" + roundId + "/attempts", token, null).json().get("attemptId").asString())
			.as("a replayed start resumes").isEqualTo(attemptId);

		// The time limit passes (moved on the server's side: the attempt's deadline is now behind us)
		// and the expiry sweep closes the attempt; an answer arriving afterwards changes nothing.
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(attemptId)),
				new org.springframework.data.mongodb.core.query.Update().set("deadline", Instant.now().minusSeconds(1)), Attempt.class);
		await().atMost(Duration.ofSeconds(15)).until(() -> stored(attemptId).status() == Attempt.Status.SUBMITTED);
		Response late = api().put("/api/quiz/attempts/" + attemptId + "/answers/" + questions.get(1).id(), token,
				"{\"option\":\"" + questions.get(1).correct() + "\"}");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.code()).isIn("quiz.attempt.expired", "quiz.attempt.submitted");
		assertThat(late.json().get("detail").asString()).isNotBlank();
		Attempt closed = stored(attemptId);
		assertThat(closed.answers()).containsOnlyKeys(questions.get(0).id());
		assertThat(closed.correctCount()).isEqualTo(1);
		assertThat(closed.autoClosed()).isTrue();

		Response afterSubmit = api().put(first, token, "{\"option\":\"A\"}");
		assertThat(afterSubmit.code()).isEqualTo("quiz.attempt.submitted");
		Response replayedSubmit = api().post("/api/quiz/attempts/" + attemptId + "/submit", token, "{\"prediction\":5}");
		assertThat(replayedSubmit.status()).isEqualTo(200);
		assertThat(replayedSubmit.json().get("correctCount").asInt()).isEqualTo(1);
		Attempt after = stored(attemptId);
		assertThat(after.answers()).isEqualTo(closed.answers());
		assertThat(after.answerVersion()).isEqualTo(closed.answerVersion());
		assertThat(after.prediction()).as("a submit after the close does not add a prediction").isNull();
		assertThat(after.submittedAt()).isEqualTo(closed.submittedAt());

		assertSubmittedOnce(attemptId);
	}

	@Test
	void aReplayedEnrolmentEventDoesNotReadmitAnExcludedParticipant() {
		Instant now = Instant.now();
		String contestId = UUID.randomUUID().toString();
		String roundId = UUID.randomUUID().toString();
		TestEvents.publish(this.kafka, this.outbox, new ContestPublished(contestId, "Hội thi CCHC", "UBND", "Asia/Ho_Chi_Minh", 1,
				List.of(new Round(roundId, "quiz", "Vòng", now.minusSeconds(60), now.plusSeconds(3600),
						new QuizSettings("cchc-mau", 10, 900, 1, "first")))));
		var enrolled = TestEvents.publish(this.kafka, this.outbox,
				new ParticipantEnrolled(contestId, "p-lam", "lam", "Lâm", "citizen", "BS-KP1", now));
		TestEvents.publish(this.kafka, this.outbox,
				new vn.cchc.contracts.ParticipantEvent.ParticipantExcluded(contestId, "p-lam", "Thành viên Ban Tổ chức"));
		await().atMost(Duration.ofSeconds(15)).until(() -> {
			QuizParticipant p = this.mongo.findById("p-lam", QuizParticipant.class);
			return p != null && p.excluded();
		});
		TestEvents.send(this.kafka, enrolled[0]);
		// The same topic, one partition: once this later enrolment is applied, so is the replay.
		round(now.minusSeconds(60), now.plusSeconds(3600), 1, "lam-probe");
		assertThat(this.mongo.findById("p-lam", QuizParticipant.class).excluded()).isTrue();
		assertThat(api().post("/api/quiz/rounds/" + roundId + "/attempts", TestTokens.token("lam", "citizen"), null).code())
			.isEqualTo("quiz.participant.excluded");
	}

	@Test
	void anAttemptLeftBetweenClosingAndScoringIsFinishedByTheNextSubmitWithItsFinalAnswers() {
		Taking taking = takingAnOpenRound("tam");
		String token = taking.token();
		String attemptId = taking.attemptId();
		var questions = taking.questions();
		for (int i = 0; i < 3; i++) {
			assertThat(api().put("/api/quiz/attempts/" + attemptId + "/answers/" + questions.get(i).id(), token,
					"{\"option\":\"" + questions.get(i).correct() + "\"}").status()).isEqualTo(200);
		}
		// A crash after the first write of a submit: the answer sheet closed, the attempt not yet scored.
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(attemptId)),
				new org.springframework.data.mongodb.core.query.Update().unset("openId").set("closedAt", Instant.now()),
				AnswerSheet.class);
		assertThat(api().get("/api/quiz/attempts/" + attemptId, token).json().get("answers").size())
			.as("a reload shows the answers of the closed sheet").isEqualTo(3);
		Response late = api().put("/api/quiz/attempts/" + attemptId + "/answers/" + questions.get(3).id(), token,
				"{\"option\":\"" + questions.get(3).correct() + "\"}");
		assertThat(late.status()).as("no answer lands in an attempt being scored").isEqualTo(409);
		Response submitted = api().post("/api/quiz/attempts/" + attemptId + "/submit", token, "{}");
		assertThat(submitted.status()).isEqualTo(200);
		assertThat(submitted.json().get("correctCount").asInt()).isEqualTo(3);
		Attempt done = stored(attemptId);
		assertThat(done.status()).isEqualTo(Attempt.Status.SUBMITTED);
		assertThat(done.answers()).hasSize(3);
		assertThat(done.scoringKey()).isNull();
		assertSubmittedOnce(attemptId);
	}

	@Test
	void aSubmitHereAfterAnotherInstanceClosedTheAttemptScoresWhatItLeftOnce() {
		Taking taking = takingAnOpenRound("khoa");
		String token = taking.token();
		String attemptId = taking.attemptId();
		var questions = taking.questions();
		org.bson.Document answers = new org.bson.Document();
		for (int i = 0; i < 4; i++) {
			String option = i == 0 ? questions.get(i).options().stream().map(o -> o.key())
				.filter(k -> !k.equals(questions.get(0).correct())).findFirst().orElseThrow() : questions.get(i).correct();
			assertThat(api().put("/api/quiz/attempts/" + attemptId + "/answers/" + questions.get(i).id(), token,
					"{\"option\":\"" + option + "\"}").status()).isEqualTo(200);
			answers.append(questions.get(i).id(), option);
		}
		// Another instance's closer (a submit there, or its sweep) did its first write and stopped: the
		// sheet closed, the attempt closed to answers with them, awaiting its score. This instance still
		// holds the attempt as it started it, so its one-write submit must find nothing open.
		java.util.Date closedAt = java.util.Date.from(Instant.now());
		this.mongo.getCollection(AnswerSheet.COLLECTION).updateOne(new org.bson.Document("_id", attemptId),
				new org.bson.Document("$unset", new org.bson.Document("openId", "")).append("$set", new org.bson.Document("closedAt", closedAt)));
		this.mongo.getCollection(Attempt.COLLECTION).updateOne(new org.bson.Document("_id", attemptId),
				new org.bson.Document("$unset", new org.bson.Document("openId", "")).append("$set",
						new org.bson.Document("scoringKey", attemptId).append("closedAt", closedAt).append("answers", answers)
							.append("answerVersion", 4L)));
		Response submitted = api().post("/api/quiz/attempts/" + attemptId + "/submit", token, "{}");
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		assertThat(submitted.json().get("correctCount").asInt()).isEqualTo(3);
		Attempt done = stored(attemptId);
		assertThat(done.status()).isEqualTo(Attempt.Status.SUBMITTED);
		assertThat(done.correctCount()).isEqualTo(3);
		assertThat(done.scoringKey()).isNull();
		assertThat(api().post("/api/quiz/attempts/" + attemptId + "/submit", token, "{}").json().get("correctCount").asInt())
			.as("submitting again returns the same result").isEqualTo(3);
		assertSubmittedOnce(attemptId);
	}

	@Test
	void roundsAndAttemptsStoredBeforeTheNewSettingsStillWork() {
		Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		String contestId = UUID.randomUUID().toString();
		String roundId = UUID.randomUUID().toString();
		// Documents as the previous version wrote them: no new settings, no pins, no "allowed".
		this.mongo.getCollection(QuizRound.COLLECTION).insertOne(new org.bson.Document("_id", roundId)
			.append("contestId", contestId).append("contestTitle", "Cũ").append("title", "Vòng cũ")
			.append("opensAt", java.util.Date.from(now.minusSeconds(60))).append("closesAt", java.util.Date.from(now.plusSeconds(3600)))
			.append("settings", new org.bson.Document("bankCode", "cchc-mau").append("questionCount", 3)
				.append("timeLimitSeconds", 900).append("attemptsAllowed", 2).append("counting", "first")));
		this.mongo.getCollection(QuizParticipant.COLLECTION).insertOne(new org.bson.Document("_id", "p-cu-" + roundId)
			.append("contestId", contestId).append("userId", "nguoi-cu").append("displayName", "Người cũ")
			.append("category", "citizen").append("unitCode", "BS-KP1").append("excluded", false));
		String token = TestTokens.token("nguoi-cu", "citizen");
		Response started = api().post("/api/quiz/rounds/" + roundId + "/attempts", token, null);
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		String attemptId = started.json().get("attemptId").asString();
		// An attempt written before answer saves were guarded by "allowed" (answers in the attempt, no sheet).
		this.mongo.getCollection(Attempt.COLLECTION).updateOne(new org.bson.Document("_id", attemptId),
				new org.bson.Document("$unset", new org.bson.Document("allowed", "").append("resultsAfterClose", "").append("sheet", "")
					.append("category", "").append("period", "")));
		this.mongo.remove(Query.query(Criteria.where("_id").is(attemptId)), AnswerSheet.class);
		var question = stored(attemptId).questions().get(0);
		assertThat(api().put("/api/quiz/attempts/" + attemptId + "/answers/" + question.id(), token,
				"{\"option\":\"" + question.correct() + "\"}").status()).isEqualTo(200);
		assertThat(api().put("/api/quiz/attempts/" + attemptId + "/answers/" + question.id(), token,
				"{\"option\":\"Z\"}").code()).isEqualTo("quiz.option.invalid");
		assertThat(api().post("/api/quiz/attempts/" + attemptId + "/submit", token, "{}").json().get("correctCount").asInt())
			.isEqualTo(1);
	}

}
