package vn.cchc.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.cchc.local.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The thin flow's steps through the gateway: contest, enrolment, attempt, answers, standings. */
final class QuizFlow {

	static final String PASSWORD = "cchc-demo";

	private final LocalStack stack;

	private final Api api;

	QuizFlow(LocalStack stack) {
		this.stack = stack;
		this.api = new Api(stack.gatewayUrl());
	}

	Api api() {
		return this.api;
	}

	String token(String username) {
		return this.stack.passwordToken(username, PASSWORD);
	}

	/** Creates and publishes a contest with one quiz round that opened an hour ago. */
	Contest publishedQuizContest(String organizerToken, String title, int questionCount) {
		ObjectNode body = contestBody(title, questionCount);
		Api.Answer created = this.api.post("/api/registration/contests", organizerToken, body);
		assertThat(created.status()).as("create contest: %s", created).isEqualTo(201);
		String contestId = created.json().path("id").asString();
		String roundId = created.json().path("rounds").get(0).path("roundId").asString();
		Api.Answer published = this.api.post("/api/registration/contests/" + contestId + "/publish", organizerToken,
				"{}");
		assertThat(published.status()).as("publish: %s", published).isEqualTo(200);
		assertThat(published.json().path("status").asString()).isEqualTo("published");
		return new Contest(contestId, roundId);
	}

	/** A valid contest: two units of Bồng Sơn, one quiz round open from an hour ago until tomorrow. */
	static ObjectNode contestBody(String title, int questionCount) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		ObjectNode body = Api.JSON.createObjectNode();
		body.put("title", title);
		body.put("organizer", "UBND phường Bồng Sơn");
		body.put("timeZone", "Asia/Ho_Chi_Minh");
		ArrayNode units = body.putArray("units");
		units.addObject().put("code", "BS-KP1").put("name", "Khu phố 1").put("group", "khu-pho").put("headcount", 0);
		units.addObject().put("code", "BS-KP2").put("name", "Khu phố 2").put("group", "khu-pho").put("headcount", 0);
		ObjectNode round = body.putArray("rounds").addObject();
		round.put("kind", "quiz");
		round.put("title", "Vòng thi trắc nghiệm");
		round.put("opensAt", now.minus(1, ChronoUnit.HOURS).toString());
		round.put("closesAt", now.plus(1, ChronoUnit.DAYS).toString());
		ObjectNode quiz = round.putObject("quiz");
		quiz.put("bankCode", "cchc-mau");
		quiz.put("questionCount", questionCount);
		quiz.put("timeLimitSeconds", 900);
		quiz.put("attemptsAllowed", 1);
		quiz.put("counting", "first");
		return body;
	}

	String enrol(String citizenToken, Contest contest, String fullName, String unitCode) {
		Api.Answer enrolled = this.api.post("/api/registration/contests/" + contest.id() + "/enrolments", citizenToken,
				Map.of("fullName", fullName, "category", "citizen", "unitCode", unitCode));
		assertThat(enrolled.status()).as("enrol: %s", enrolled).isEqualTo(201);
		return enrolled.json().path("participantId").asString();
	}

	/** Starts an attempt, waiting while the quiz service has not yet learnt the round or the enrolment. */
	JsonNode startAttempt(String citizenToken, Contest contest) {
		AtomicReference<Api.Answer> last = new AtomicReference<>();
		// 404 (round) and 403 (enrolment) until the quiz-service has read the events.
		await("quiz service knows the round and the enrolment").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				Api.Answer answer = this.api.post("/api/quiz/rounds/" + contest.roundId() + "/attempts", citizenToken,
						"{}");
				last.set(answer);
				assertThat(answer.status()).as("start attempt: %s", answer).isIn(201, 403, 404, 409, 503);
				return answer.status() == 201;
			});
		JsonNode attempt = last.get().json();
		assertThat(attempt.path("questions").size()).isPositive();
		assertThat(attempt.path("attemptId").asString()).isNotBlank();
		return attempt;
	}

	/** Answers every question (option A, B, C, D in turn), returning the choices. */
	List<String> answerAll(String citizenToken, JsonNode attempt) {
		String attemptId = attempt.path("attemptId").asString();
		List<String> choices = new ArrayList<>();
		int i = 0;
		for (JsonNode question : attempt.path("questions")) {
			JsonNode options = question.path("options");
			String option = options.get(i++ % options.size()).path("key").asString();
			Api.Answer saved = this.api.put(
					"/api/quiz/attempts/" + attemptId + "/answers/" + question.path("id").asString(), citizenToken,
					Map.of("option", option));
			assertThat(saved.status()).as("answer: %s", saved).isEqualTo(200);
			choices.add(option);
		}
		return choices;
	}

	JsonNode submit(String citizenToken, JsonNode attempt) {
		Api.Answer submitted = this.api.post("/api/quiz/attempts/" + attempt.path("attemptId").asString() + "/submit",
				citizenToken, "{}");
		assertThat(submitted.status()).as("submit: %s", submitted).isEqualTo(200);
		JsonNode result = submitted.json();
		assertThat(result.path("questionCount").asInt()).isEqualTo(attempt.path("questions").size());
		return result;
	}

	/**
	 * Waits until the public standings list the attempt, then requires that it stays listed exactly
	 * once for a few seconds (a redelivered event would show up as a second row).
	 */
	List<JsonNode> awaitStandingRows(Contest contest, String attemptId, Duration atMost) {
		await("standings list attempt " + attemptId).atMost(atMost)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> !standingRows(contest, attemptId).isEmpty());
		await("attempt " + attemptId + " stays listed once").during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> standingRows(contest, attemptId).size() == 1);
		return standingRows(contest, attemptId);
	}

	List<JsonNode> standingRows(Contest contest, String attemptId) {
		Api.Answer standings = this.api.get("/api/awards/contests/" + contest.id() + "/standings", null);
		if (standings.status() != 200) {
			return List.of();
		}
		List<JsonNode> matching = new ArrayList<>();
		standings.json().path("rows").forEach(row -> {
			if (attemptId.equals(row.path("attemptId").asString(null))) {
				matching.add(row);
			}
		});
		return matching;
	}

	/** A published contest and its quiz round. */
	record Contest(String id, String roundId) {
	}

}
