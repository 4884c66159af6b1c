package vn.cchc.registration;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** A contest takes its units from a roster as it stood, and keeps them when the roster changes. */
class ContestFromRosterTest extends RegistrationTestSupport {

	String roster() {
		String id = api().post("/api/registration/rosters", ORGANIZER,
				"{\"name\":\"Phường Bồng Sơn\",\"organizer\":\"UBND phường Bồng Sơn\"}").json().get("id").asString();
		Response imported = api().send("PUT", "/api/registration/rosters/" + id + "/units?effectiveFrom=2024-05-01",
				ORGANIZER, "code,name,block,headcount\nBS-KP1,Khu phố 1,khu-pho,120\nBS-KP2,Khu phố 2,khu-pho,80\n", "text/csv");
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		return id;
	}

	Map<String, Object> contestFrom(String rosterId) {
		Instant now = Instant.now();
		Map<String, Object> body = new HashMap<>(RegistrationApiTest.contest(now.minusSeconds(60), now.plusSeconds(3600)));
		body.remove("units");
		body.put("rosterId", rosterId);
		body.put("rosterAsOf", "2024-06-01T00:00:00Z");
		return body;
	}

	@Test
	void theContestKeepsTheRosterAndHeadcountsItWasCreatedWith() {
		String rosterId = roster();
		Response created = api().post("/api/registration/contests", ORGANIZER, ApiClient.json(contestFrom(rosterId)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String contestId = created.json().get("id").asString();

		// The commune reorganisation merges both neighbourhoods later on.
		Response merged = api().post("/api/registration/rosters/" + rosterId + "/changes", ORGANIZER,
				"{\"type\":\"merge\",\"effectiveFrom\":\"2025-07-01\",\"from\":[\"BS-KP1\",\"BS-KP2\"],"
						+ "\"into\":{\"code\":\"BS-KP12\",\"name\":\"Khu phố 1-2\",\"kind\":\"neighbourhood\",\"headcount\":200}}");
		assertThat(merged.status()).as(merged.body()).isEqualTo(200);

		JsonNode units = api().get("/api/registration/contests/" + contestId, ORGANIZER).json().get("units");
		assertThat(units.findValuesAsString("code")).containsExactly("BS-KP1", "BS-KP2");
		assertThat(units.get(0).get("headcount").asInt()).isEqualTo(120);
		assertThat(units.get(1).get("group").asString()).isEqualTo("khu-pho");
	}

	@Test
	void unitsComeFromExactlyOneSource() {
		String rosterId = roster();
		long before = this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), Contest.class);
		Map<String, Object> both = contestFrom(rosterId);
		both.put("units", RegistrationApiTest.contest(Instant.now(), Instant.now().plusSeconds(60)).get("units"));
		assertThat(api().post("/api/registration/contests", ORGANIZER, ApiClient.json(both)).code())
			.isEqualTo("contest.units.source");
		Map<String, Object> neither = contestFrom(rosterId);
		neither.remove("rosterId");
		assertThat(api().post("/api/registration/contests", ORGANIZER, ApiClient.json(neither)).code())
			.isEqualTo("contest.units.source");
		Map<String, Object> tooEarly = contestFrom(rosterId);
		tooEarly.put("rosterAsOf", "2024-01-01T00:00:00Z");
		assertThat(api().post("/api/registration/contests", ORGANIZER, ApiClient.json(tooEarly)).code())
			.isEqualTo("contest.units.empty");
		assertThat(api().post("/api/registration/contests", ORGANIZER, ApiClient.json(contestFrom("khong-co"))).status())
			.isEqualTo(404);
		assertThat(this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), Contest.class)).isEqualTo(before);
	}

}
