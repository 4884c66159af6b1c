package vn.cchc.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import vn.cchc.local.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thin flow across every process: an organizer publishes a quiz contest, a citizen enrols,
 * takes the quiz and appears once in the public standings; and the gateway's answers to bad input.
 */
@ExtendWith(LocalStackExtension.class)
class ThinFlowEndToEndTest {

	@Test
	void citizenTakesTheQuizAndAppearsInTheStandingsOnce(LocalStack stack) {
		QuizFlow flow = new QuizFlow(stack);
		String organizer = flow.token("organizer");
		String citizen = flow.token("citizen");

		QuizFlow.Contest contest = flow.publishedQuizContest(organizer, "Hội thi e2e: luồng cơ bản", 5);
		String participantId = flow.enrol(citizen, contest, "Nguyễn Văn An", "BS-KP1");
		JsonNode attempt = flow.startAttempt(citizen, contest);
		assertThat(attempt.path("deadline").asString()).isNotBlank();
		flow.answerAll(citizen, attempt);
		JsonNode result = flow.submit(citizen, attempt);
		int correct = result.path("correctCount").asInt();
		assertThat(correct).isBetween(0, 5);

		List<JsonNode> rows = flow.awaitStandingRows(contest, attempt.path("attemptId").asString(),
				Duration.ofSeconds(30));
		assertThat(rows).hasSize(1);
		JsonNode row = rows.getFirst();
		assertThat(row.path("participantId").asString()).isEqualTo(participantId);
		assertThat(row.path("correctCount").asInt()).isEqualTo(correct);
		assertThat(row.path("questionCount").asInt()).isEqualTo(5);
		assertThat(row.path("unitCode").asString()).isEqualTo("BS-KP1");
		assertThat(row.path("rank").asInt()).isEqualTo(1);
	}

	@Test
	void gatewayAnswersBadInputWithProblemDetails(LocalStack stack) {
		QuizFlow flow = new QuizFlow(stack);
		Api api = flow.api();
		ObjectNode contest = QuizFlow.contestBody("Hội thi không được phép tạo", 5);

		Api.Answer anonymous = api.post("/api/registration/contests", null, contest);
		assertThat(anonymous.status()).as("%s", anonymous).isEqualTo(401);
		assertProblem(anonymous);

		Api.Answer forged = api.post("/api/registration/contests", "not-a-jwt", contest);
		assertThat(forged.status()).as("%s", forged).isEqualTo(401);
		assertProblem(forged);

		Api.Answer citizen = api.post("/api/registration/contests", flow.token("citizen"), contest);
		assertThat(citizen.status()).as("%s", citizen).isEqualTo(403);
		assertProblem(citizen);

		Api.Answer malformed = api.post("/api/registration/contests", flow.token("organizer"), "{\"title\": ");
		assertThat(malformed.status()).as("%s", malformed).isEqualTo(400);
		assertProblem(malformed);
	}

	private static void assertProblem(Api.Answer answer) {
		assertThat(answer.contentType()).as("%s", answer).startsWith("application/problem+json");
		assertThat(answer.json().path("code").asString("")).as("%s", answer).isNotBlank();
		assertThat(answer.json().path("status").asInt()).isEqualTo(answer.status());
	}

}
