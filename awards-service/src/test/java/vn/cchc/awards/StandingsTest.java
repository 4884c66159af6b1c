package vn.cchc.awards;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;





import vn.cchc.contracts.AttemptEvent.AttemptSubmitted;
import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.ContestEvent.PrizeTier;
import vn.cchc.contracts.ContestEvent.QuizSettings;
import vn.cchc.contracts.ContestEvent.Round;
import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.contracts.ParticipantEvent.ParticipantExcluded;
import vn.cchc.contracts.UnitEvent.UnitRegistered;
import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.outbox.OutboxMessage;
import vn.cchc.platform.test.ApiClient;

import vn.cchc.platform.test.TestEvents;
import vn.cchc.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StandingsTest extends AwardsTestSupport {

	/** As the organiser sees them (full names); the public sees names masked. */
	JsonNode standings(String contestId) {
		return api()
			.get("/api/awards/contests/" + contestId + "/standings", TestTokens.token("btc", "organizer"))
			.json();
	}

	JsonNode publicStandings(String contestId) {
		return api().get("/api/awards/contests/" + contestId + "/standings", null)
			.json();
	}

	@Test
	void standingsRankByScoreThenTimeCountTheRightAttemptAndIgnoreRedeliveries() {
		String contest = UUID.randomUUID().toString();
		String round = UUID.randomUUID().toString();
		Instant t = Instant.parse("2026-11-20T02:00:00Z");
		publish(new ContestPublished(contest, "Hội thi", "UBND", "Asia/Ho_Chi_Minh", 1,
				List.of(new Round(round, "quiz", "Vòng 1", t, t.plusSeconds(86400),
						new QuizSettings("cchc-mau", 10, 900, 2, "best")))));
		publish(new UnitRegistered(contest, "BS-KP1", "Khu phố 1", "khu-pho", 4),
				new UnitRegistered(contest, "BS-KP2", "Khu phố 2", "khu-pho", 0));
		for (String p : List.of("an", "binh", "chi", "dung")) {
			TestEvents.publish(this.kafka, this.outbox,
					new ParticipantEnrolled(contest, p, "u-" + p, "Thí sinh " + p, "citizen", "BS-KP1", t));
		}
		OutboxMessage[] binhBest = TestEvents.publish(this.kafka, this.outbox,
				submitted(contest, round, "a1", "an", 8, 300_000, t.plusSeconds(400)),
				submitted(contest, round, "b1", "binh", 6, 100_000, t.plusSeconds(200)),
				submitted(contest, round, "b2", "binh", 9, 500_000, t.plusSeconds(900)),
				submitted(contest, round, "c1", "chi", 8, 250_000, t.plusSeconds(500)),
				submitted(contest, round, "d1", "dung", 10, 60_000, t.plusSeconds(100)));
		// A redelivery of binh's best attempt and a late exclusion of dung (a committee member).
		TestEvents.send(this.kafka, binhBest[2]);
		publish(new ParticipantExcluded(contest, "dung", "thành viên Ban tổ chức"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode rows = standings(contest).get("rows");
			assertThat(rows.findValuesAsString("attemptId")).containsExactly("b2", "c1", "a1");
			assertThat(rows.findValuesAsString("displayName")).containsExactly("Thí sinh binh", "Thí sinh chi", "Thí sinh an");
			assertThat(rows.get(0).get("rank").asInt()).isEqualTo(1);
			assertThat(rows.get(0).get("correctCount").asInt()).isEqualTo(9);
			assertThat(rows.get(2).get("rank").asInt()).isEqualTo(3);
		});
		assertThat(standings(contest).get("rows").get(0).get("eventId").asString()).isEqualTo(binhBest[2].eventId());
		assertThat(publicStandings(contest).get("rows").findValuesAsString("displayName"))
			.containsExactly("Thí S. b***", "Thí S. c**", "Thí S. a*");
		JsonNode units = standings(contest).get("units");
		assertThat(units).hasSize(2);
		assertThat(units.get(0).get("unitCode").asString()).isEqualTo("BS-KP1");
		assertThat(units.get(0).get("enrolled").asInt()).as("dung is excluded").isEqualTo(3);
		assertThat(units.get(0).get("submitted").asInt()).isEqualTo(3);
		assertThat(units.get(0).get("participationPercent").asDouble()).isEqualTo(75.0);
		assertThat(units.get(1).get("participationPercent").isNull()).as("no headcount, no rate").isTrue();
	}

	@Test
	void equalScoreAndTimeShareARankAndAnUnknownContestIsEmpty() {
		String contest = UUID.randomUUID().toString();
		String round = UUID.randomUUID().toString();
		Instant t = Instant.parse("2026-11-20T02:00:00Z");
		publish(new ContestPublished(contest, "Hội thi", "UBND", "Asia/Ho_Chi_Minh", 1,
				List.of(new Round(round, "quiz", "Vòng 1", t, t.plusSeconds(86400),
						new QuizSettings("cchc-mau", 10, 900, 1, "first")))),
				submitted(contest, round, "x", "px", 7, 1000, t.plusSeconds(10)),
				submitted(contest, round, "y", "py", 7, 1000, t.plusSeconds(10)));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(standings(contest).get("rows").findValuesAsString("rank")).containsExactly("1", "1"));
		assertThat(standings("khong-co").get("rows")).isEmpty();
	}

	@Test
	void publicCollectiveTablesShowEachUnitsBlockAndItsRankWithinTheBlockForTiersAwardedPerBlock() {
		String contest = UUID.randomUUID().toString();
		String round = UUID.randomUUID().toString();
		Instant t = Instant.parse("2026-11-20T02:00:00Z");
		publish(new ContestPublished(contest, "Hội thi theo khối", "UBND", "Asia/Ho_Chi_Minh", 1,
				List.of(new Round(round, "quiz", "Vòng 1", t, t.plusSeconds(86400),
						new QuizSettings("cchc-mau", 10, 900, 1, "first"))),
				null, null, null,
				List.of(new PrizeTier("Giải Nhất khối", 1, 1_000_000, "collective", "participation-rate", "", null, false,
						true, null, null)),
				null));
		// Participation: X1 2/2 = 100 %, P1 3/4 = 75 %, X2 5/10 = 50 %, P2 1/4 = 25 %.
		publish(new UnitRegistered(contest, "P1", "Phường 1", "phuong", 4),
				new UnitRegistered(contest, "P2", "Phường 2", "phuong", 4), new UnitRegistered(contest, "X1", "Xã 1", "xa", 2),
				new UnitRegistered(contest, "X2", "Xã 2", "xa", 10));
		int n = 0;
		for (var unit : java.util.Map.of("P1", 3, "P2", 1, "X1", 2, "X2", 5).entrySet()) {
			for (int i = 0; i < unit.getValue(); i++) {
				String p = unit.getKey() + "-" + i;
				publish(new ParticipantEnrolled(contest, p, "u-" + p, "Thí sinh " + p, "civil-servant", unit.getKey(), t),
						submitted(contest, round, "a-" + p, p, 5, 1000, t.plusSeconds(n++)));
			}
		}
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(publicStandings(contest).get("participants").asInt()).isEqualTo(11));
		JsonNode collective = publicStandings(contest).get("collective").get(0);
		assertThat(collective.get("ranking").asString()).isEqualTo("participation-rate");
		assertThat(collective.get("perBlock").asBoolean()).isTrue();
		List<String> rows = new java.util.ArrayList<>();
		collective.get("rows").forEach(r -> rows.add(r.get("rank").asInt() + " " + r.get("unitCode").asString() + " "
				+ r.get("block").asString() + " " + r.get("blockRank").asInt()));
		assertThat(rows).containsExactly("1 X1 xa 1", "2 P1 phuong 1", "3 X2 xa 2", "4 P2 phuong 2");
		JsonNode awards = api().get("/api/awards/contests/" + contest + "/prizes", TestTokens.token("btc", "organizer"))
			.json()
			.get("awards");
		List<String> winners = new java.util.ArrayList<>();
		awards.forEach(a -> winners.add(a.get("group").asString() + " → " + a.get("winnerId").asString()));
		assertThat(winners).containsExactlyInAnyOrder("phuong → P1", "xa → X1");
	}

	static AttemptSubmitted submitted(String contest, String round, String attempt, String participant, int correct,
			long millis, Instant at) {
		return new AttemptSubmitted(contest, round, attempt, participant, "u-" + participant, correct, 10, millis, null,
				at, false);
	}

}
