package vn.cchc.awards;

import java.math.BigDecimal;
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
import vn.cchc.contracts.ContestEvent.StagePart;
import vn.cchc.contracts.EntryEvent.EntrySubmitted;
import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.contracts.ParticipantEvent.ParticipantExcluded;
import vn.cchc.contracts.ScoreEvent.ScoreSheetSubmitted;
import vn.cchc.contracts.TeamEvent.TeamRegistered;
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
								new Prediction("Bao nhiêu người trả lời đúng tất cả?", "all-correct"), "after-submit")),
						new Round("v1", "video", "Video tuyên truyền", opens, closes, null),
						new Round("s1", "live", "Sân khấu hoá", opens, closes, null,
								List.of(new StagePart("Giới thiệu", 180, 0), new StagePart("Tiểu phẩm", 1200, 0),
										new StagePart("Ứng xử", 180, 120)),
								List.of(), List.of())),
				null, null, null,
				List.of(new PrizeTier("Giải Nhất", 1, 1_000_000, "individual", "score", "", null, false, false, null,
						null),
						new PrizeTier("Video Nhất", 1, 500_000, "collective", "judged", "", "v1", false, false, null,
								null),
						new PrizeTier("Video Nhì", 1, 300_000, "collective", "judged", "", "v1", false, false, null,
								null),
						new PrizeTier("Sân khấu hay nhất", 1, 200_000, "collective", "judged", "", "s1", true, false,
								null, null)),
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
		// Judged data: P1's video re-scored by gk1 (80 → 90) ties P2's at 90 for the first video
		// prize; on stage P1 is scored per part (entries summed: 60), P2's team as a whole (52.5).
		Instant judging = closes.plusSeconds(3600);
		events.add(new EntrySubmitted(contest, "v1", "video-P1", "P1", "video", "Video phường 1", opens));
		events.add(new EntrySubmitted(contest, "v1", "video-P2", "P2", "video", "Video phường 2", opens));
		events.add(new ScoreSheetSubmitted(contest, "v1", "sv-1b", "video-P1", "gk1", new BigDecimal("90"),
				judging.plusSeconds(60)));
		events.add(new ScoreSheetSubmitted(contest, "v1", "sv-1a", "video-P1", "gk1", new BigDecimal("80"), judging));
		events.add(new ScoreSheetSubmitted(contest, "v1", "sv-2", "video-P1", "gk2", new BigDecimal("90.0"), judging));
		events.add(new ScoreSheetSubmitted(contest, "v1", "sv-3", "video-P2", "gk1", new BigDecimal("85.5"), judging));
		events.add(new ScoreSheetSubmitted(contest, "v1", "sv-4", "video-P2", "gk2", new BigDecimal("94.5"), judging));
		events.add(new TeamRegistered(contest, "doi-P2", "P2", "Đội phường 2", List.of("A", "B")));
		for (int part = 1; part <= 3; part++) {
			events.add(new EntrySubmitted(contest, "s1", "s1-P1-" + part, "P1", "live-part", "Phần " + part, opens));
			events.add(new ScoreSheetSubmitted(contest, "s1", "ss-P1-" + part, "s1-P1-" + part, "gk1",
					new BigDecimal(10 * part), judging));
		}
		events.add(new ScoreSheetSubmitted(contest, "s1", "ss-P2-1", "doi-P2", "gk1", new BigDecimal("50"), judging));
		events.add(new ScoreSheetSubmitted(contest, "s1", "ss-P2-2", "doi-P2", "gk2", new BigDecimal("55"), judging));
		publish(events.toArray(CchcEvent[]::new));
		ApiClient api = api();
		String base = "/api/awards/contests/" + contest;
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(api.get(base + "/standings", this.organiser).json().get("participants").asInt())
				.isEqualTo(39));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode judged = api.get(base + "/standings", this.organiser).json().get("judged");
			assertThat(units(judged.get(0))).containsExactly("1 P1 90.0 1", "1 P2 90.0 1");
			assertThat(units(judged.get(1))).containsExactly("1 P1 60.0 3", "2 P2 52.5 1");
		});
		JsonNode ties = api.get(base + "/prizes", this.organiser).json().get("ties");
		JsonNode tie = ties.get(0);
		assertThat(tie.get("scope").asString()).isEqualTo("individual");
		api.post(base + "/ties/" + tie.get("tieId").asString(), this.organiser,
				ApiClient.json(Map.of("order", List.of("p1", "p0"), "reason", "bốc thăm")));
		JsonNode videoTie = ties.get(1);
		assertThat(videoTie.get("prizes").toString()).isEqualTo("[\"Video Nhất\",\"Video Nhì\"]");
		JsonNode decided = api.post(base + "/ties/" + videoTie.get("tieId").asString(), this.organiser,
				ApiClient.json(Map.of("order", List.of("P2", "P1"), "reason", "bốc thăm"))).json();
		assertThat(decided.get("ties")).isEmpty();
		List<String> awarded = new ArrayList<>();
		decided.get("awards").forEach(a -> awarded.add(a.get("tierName").asString() + " → " + a.get("winnerId").asString()));
		assertThat(awarded).containsExactly("Giải Nhất → p1", "Video Nhất → P2", "Video Nhì → P1",
				"Sân khấu hay nhất → P1");
		String standings = api.get(base + "/standings", this.organiser).body();
		String prizes = api.get(base + "/prizes", this.organiser).body();
		JsonNode dashboard = withoutTime(api.get(base + "/dashboard", this.organiser).json());
		assertThat(prizes).contains("\"winnerId\":\"p1\"");
		assertThat(standings).contains("\"judged\":[{\"roundId\":\"v1\"");

		assertThat(api.post("/api/awards/admin/rebuild", this.organiser, null).status()).isEqualTo(403);
		ApiClient.Response rebuild = api.post("/api/awards/admin/rebuild", TestTokens.token("root", "admin"), null);
		assertThat(rebuild.status()).isEqualTo(202);
		assertThat(rebuild.json().get("eventsToReplay").get("quiz.attempts.v1").asLong()).isGreaterThanOrEqualTo(80);
		assertThat(rebuild.json().get("eventsToReplay").get("judging.scores.v1").asLong()).isGreaterThanOrEqualTo(10);
		assertThat(rebuild.json().get("eventsToReplay").get("submission.entries.v1").asLong()).isGreaterThanOrEqualTo(5);
		assertThat(rebuild.json().get("eventsToReplay").get("registration.teams.v1").asLong()).isGreaterThanOrEqualTo(1);

		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			assertThat(api.get(base + "/standings", this.organiser).body()).isEqualTo(standings);
			assertThat(api.get(base + "/prizes", this.organiser).body()).isEqualTo(prizes);
			assertThat(withoutTime(api.get(base + "/dashboard", this.organiser).json())).isEqualTo(dashboard);
		});
	}

	/** rank, unit, judged score and entries of a judged round's units. */
	static List<String> units(JsonNode judgedRound) {
		List<String> units = new ArrayList<>();
		judgedRound.get("units").forEach(u -> units.add(u.get("rank").asInt() + " " + u.get("unitCode").asString() + " "
				+ u.get("score").asDouble() + " " + u.get("entries").asInt()));
		return units;
	}

	static JsonNode withoutTime(JsonNode dashboard) {
		((ObjectNode) dashboard).remove("at");
		return dashboard;
	}

}
