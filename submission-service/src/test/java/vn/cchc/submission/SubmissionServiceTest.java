package vn.cchc.submission;

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
class SubmissionServiceTest {

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	Outbox outbox;

	@Test
	void unitManagersSeePublishedContestsCitizensDoNot() {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port);
		String contest = UUID.randomUUID().toString();
		Instant now = Instant.now();
		TestEvents.publish(this.kafka, this.outbox, new ContestPublished(contest, "Hội thi video CCHC", "Sở Nội vụ",
				"Asia/Ho_Chi_Minh", 1, List.of(new Round("r1", "video", "Vòng video", now, now.plusSeconds(60), null))));
		String organizer = TestTokens.token("unit-1", "unit-manager");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(api.get("/api/submission/contests/" + contest, organizer).status()).isEqualTo(200));
		assertThat(api.get("/api/submission/contests/" + contest, organizer).json().get("title").asString())
			.isEqualTo("Hội thi video CCHC");
		assertThat(api.get("/api/submission/contests/" + contest, TestTokens.token("c", "citizen")).code())
			.isEqualTo("auth.forbidden");
		assertThat(api.get("/api/submission/contests/" + contest, null).status()).isEqualTo(401);
		assertThat(api.get("/api/submission/contests/khong-co", organizer).status()).isEqualTo(404);
	}

}
