package vn.cchc.registration;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ApiClient.Response;
import vn.cchc.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

class ContestLifecycleTest extends RegistrationTestSupport {

	JsonNode contest(String id) {
		return api().get("/api/registration/contests/" + id, ORGANIZER).json();
	}

	@Test
	void extendingKeepsTheOldWindowAndClosingIsAudited() {
		Instant now = Instant.now();
		String id = publishedContest(now.minusSeconds(60), now.plusSeconds(3600));
		JsonNode round = contest(id).get("rounds").get(0);
		String roundId = round.get("roundId").asString();
		Instant later = now.plusSeconds(7200).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

		Response extended = api().post("/api/registration/contests/" + id + "/rounds/" + roundId + "/extend", ORGANIZER,
				ApiClient.json(Map.of("closesAt", later.toString(), "reason", "Theo đề nghị của các đơn vị",
						"noticeRef", "TB 12/TB-BTC")));
		assertThat(extended.status()).as(extended.body()).isEqualTo(200);
		JsonNode after = extended.json().get("rounds").get(0);
		assertThat(Instant.parse(after.get("closesAt").asString())).isEqualTo(later);
		assertThat(after.get("extensions").get(0).get("noticeRef").asString()).isEqualTo("TB 12/TB-BTC");
		assertThat(Instant.parse(after.get("extensions").get(0).get("previousClosesAt").asString()))
			.isEqualTo(Instant.parse(round.get("closesAt").asString()));

		assertThat(api().post("/api/registration/contests/" + id + "/close", ORGANIZER, null).json().get("status")
			.asString()).isEqualTo("closed");

		Response audit = api().get("/api/registration/contests/" + id + "/audit", ORGANIZER);
		assertThat(audit.status()).isEqualTo(200);
		assertThat(audit.json().valueStream().map(e -> e.get("action").asString()).toList())
			.containsExactly("create", "publish", "extend", "close");
	}

	@Test
	void extendingToAnEarlierTimeIsRefusedAndChangesNothing() {
		Instant now = Instant.now();
		String id = publishedContest(now.minusSeconds(60), now.plusSeconds(3600));
		JsonNode round = contest(id).get("rounds").get(0);
		Response refused = api().post(
				"/api/registration/contests/" + id + "/rounds/" + round.get("roundId").asString() + "/extend", ORGANIZER,
				ApiClient.json(Map.of("closesAt", now.plusSeconds(60).toString(), "reason", "Rút ngắn")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).contains("phải sau thời điểm kết thúc hiện tại");
		assertThat(contest(id).get("rounds").get(0).get("closesAt").asString())
			.isEqualTo(round.get("closesAt").asString());
		assertThat(api().get("/api/registration/contests/" + id + "/audit", ORGANIZER).json().size()).isEqualTo(2);
	}

	@Test
	void participantsMayNotCloseNorReadTheAudit() {
		Instant now = Instant.now();
		String id = publishedContest(now.minusSeconds(60), now.plusSeconds(3600));
		String participant = TestTokens.token("p-lifecycle", "participant");
		assertThat(api().post("/api/registration/contests/" + id + "/close", participant, null).status()).isEqualTo(403);
		assertThat(api().get("/api/registration/contests/" + id + "/audit", participant).status()).isEqualTo(403);
		assertThat(contest(id).get("status").asString()).isEqualTo("published");
	}

}
