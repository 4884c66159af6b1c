package vn.cchc.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import vn.cchc.local.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker goes away in the middle of a quiz: answering and submitting must still succeed (the
 * result waits in the quiz service's outbox), and once the broker is back the standings show the
 * attempt exactly once.
 */
@ExtendWith(LocalStackExtension.class)
class KafkaOutageFaultTest {

	@Test
	void quizSurvivesABrokerOutageAndStandingsCountTheAttemptOnce(LocalStack stack) {
		QuizFlow flow = new QuizFlow(stack);
		String organizer = flow.token("organizer");
		String citizen = flow.token("citizen2");
		QuizFlow.Contest contest = flow.publishedQuizContest(organizer, "Hội thi e2e: sự cố Kafka", 4);
		flow.enrol(citizen, contest, "Trần Thị Bình", "BS-KP2");
		JsonNode attempt = flow.startAttempt(citizen, contest);

		stack.stopKafka();
		JsonNode result;
		try {
			flow.answerAll(citizen, attempt);
			result = flow.submit(citizen, attempt);
		}
		finally {
			stack.startKafka();
		}

		String attemptId = attempt.path("attemptId").asString();
		List<JsonNode> rows = flow.awaitStandingRows(contest, attemptId, Duration.ofSeconds(60));
		assertThat(rows).hasSize(1);
		assertThat(rows.getFirst().path("correctCount").asInt()).isEqualTo(result.path("correctCount").asInt());
	}

}
