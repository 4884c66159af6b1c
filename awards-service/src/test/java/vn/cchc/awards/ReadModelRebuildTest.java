package vn.cchc.awards;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;






import vn.cchc.contracts.AttemptEvent.AttemptStarted;
import vn.cchc.contracts.AttemptEvent.AttemptSubmitted;
import vn.cchc.contracts.CchcEvent;
import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.ContestEvent.PrizeTier;
import vn.cchc.contracts.ContestEvent.Prediction;
import vn.cchc.contracts.ContestEvent.QuizSettings;
import vn.cchc.contracts.ContestEvent.Round;
import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.contracts.ParticipantEvent.ParticipantExcluded;
import vn.cchc.contracts.UnitEvent.UnitRegistered;

import vn.cchc.platform.test.ApiClient;


import vn.cchc.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dropping the read models and replaying the topics from the start gives the same standings,
 * collective rankings, prizes and dashboard, and keeps the organiser's tie decisions.
 */
class ReadModelRebuildTest extends AwardsTestSupport {

	final String organiser = TestTokens.token("btc", "organizer");

	@Test
	void a_rebuild_from_the_topics_gives_identical_standings_and_keeps_tie_decisions() {
		String contest = "rebuild-" + UUID.randomUUID();
		Instant opens = Instant.now().minusSeconds(86_400);
		Instant closes = Instant.now().plusSeconds(86_400);
		List<CchcEvent> events = new ArrayList<>();
		events.add(new ContestPublished(contest, "Hội thi tìm hiểu CCHC", "UBND", "Asia/Ho_Chi_Minh", 1,
				List.of(new Round("r1", "quiz", "Tuần thi", opens, closes,
						new QuizSettings("b", 10, 600, 2, "best", false, false, Map.of(), "week",
								new Prediction("Bao nhiêu người trả lời đúng tất cả?", "all-correct"), "after-submit"))),
				null, null, null,
				List.of(new PrizeTier("Giải Nhất", 1, 1_000_000, "individual", "score", "", null, false, false, null,
						null)),
				null));
		events.add(new UnitRegistered(contest, "P1", "Phường 1", "phuong", 10));
		events.add(new UnitRegistered(contest, "P2", "Phường 2", "phuong", 5));
		for (int i = 0; i < 40; i++) {
			String p = "p" + i;
			events.add(new ParticipantEnrolled(contest, p, "u" + p, "Người dự thi " + i, i % 2 == 0 ? "citizen" : "civil-servant",
					i % 3 == 0 ? "P2" : "P1", opens));
			events.add(new AttemptStarted(contest, "r1", p + "-a", p, "u" + p, opens.plusSeconds(i), opens.plusSeconds(600 + i),
					"w1"));
			// p0 and p1 tie on every rule for the first prize.
			events.add(new AttemptSubmitted(contest, "r1", p + "-a", p, "u" + p, i < 2 ? 10 : i % 10, 10,
					i < 2 ? 60_000 : 60_000 + i * 1000L, i < 2 ? 2L : (long) i, opens.plusSeconds(i < 2 ? 100 : 100 + i),
					false, null, "w1"));
		}
		events.add(new ParticipantExcluded(contest, "p7", "trùng lặp"));
		publish(events.toArray(CchcEvent[]::new));
		ApiClient api = api();
		String base = "/api/awards/contests/" + contest;
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(api.get(base + "/standings", this.organiser).json().get("participants").asInt())
				.isEqualTo(39));
		JsonNode tie = api.get(base + "/prizes", this.organiser).json().get("ties").get(0);
		api.post(base + "/ties/" + tie.get("tieId").asString(), this.organiser,
				ApiClient.json(Map.of("order", List.of("p1", "p0"), "reason", "bốc thăm")));
		String standings = api.get(base + "/standings", this.organiser).body();
		String prizes = api.get(base + "/prizes", this.organiser).body();
		JsonNode dashboard = withoutTime(api.get(base + "/dashboard", this.organiser).json());
		assertThat(prizes).contains("\"winnerId\":\"p1\"");

		assertThat(api.post("/api/awards/admin/rebuild", this.organiser, null).status()).isEqualTo(403);
		ApiClient.Response rebuild = api.post("/api/awards/admin/rebuild", TestTokens.token("root", "admin"), null);
		assertThat(rebuild.status()).isEqualTo(202);
		assertThat(rebuild.json().get("eventsToReplay").get("quiz.attempts.v1").asLong()).isGreaterThanOrEqualTo(80);

		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			assertThat(api.get(base + "/standings", this.organiser).body()).isEqualTo(standings);
			assertThat(api.get(base + "/prizes", this.organiser).body()).isEqualTo(prizes);
			assertThat(withoutTime(api.get(base + "/dashboard", this.organiser).json())).isEqualTo(dashboard);
		});
	}

	static JsonNode withoutTime(JsonNode dashboard) {
		((ObjectNode) dashboard).remove("at");
		return dashboard;
	}

}
