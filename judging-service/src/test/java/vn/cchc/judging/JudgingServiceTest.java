package vn.cchc.judging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.ContestEvent.Round;
import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ServiceTest;
import vn.cchc.platform.test.TestEvents;
import vn.cchc.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceTest
class JudgingServiceTest {

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	Outbox outbox;

	@Test
	void judgesSeePublishedContestsCitizensDoNot() {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port);
		String contest = UUID.randomUUID().toString();
		Instant now = Instant.now();
		TestEvents.publish(this.kafka, this.outbox, new ContestPublished(contest, "Hội thi sáng kiến CCHC", "Sở Nội vụ",
				"Asia/Ho_Chi_Minh", 1, List.of(new Round("r1", "idea", "Vòng sáng kiến", now, now.plusSeconds(60), null))));
		String organizer = TestTokens.token("judge-1", "judge");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(api.get("/api/judging/contests/" + contest, organizer).status()).isEqualTo(200));
		assertThat(api.get("/api/judging/contests/" + contest, organizer).json().get("title").asString())
			.isEqualTo("Hội thi sáng kiến CCHC");
		assertThat(api.get("/api/judging/contests/" + contest, TestTokens.token("c", "citizen")).code())
			.isEqualTo("auth.forbidden");
		assertThat(api.get("/api/judging/contests/" + contest, null).status()).isEqualTo(401);
		assertThat(api.get("/api/judging/contests/khong-co", organizer).status()).isEqualTo(404);
	}

}
