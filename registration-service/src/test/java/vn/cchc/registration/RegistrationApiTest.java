package vn.cchc.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;


import vn.cchc.contracts.CloudEventAttributes;
import vn.cchc.contracts.Topics;
import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ApiClient.Response;
import vn.cchc.platform.test.TestTokens;
import vn.cchc.platform.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RegistrationApiTest extends RegistrationTestSupport {

	static Map<String, Object> contest(Instant opensAt, Instant closesAt) {
		return Map.of("title", "Hội thi tìm hiểu CCHC phường Bồng Sơn", "organizer", "UBND phường Bồng Sơn", "units",
				List.of(Map.of("code", "BS-KP1", "name", "Khu phố 1", "group", "khu-pho", "headcount", 120),
						Map.of("code", "BS-KP2", "name", "Khu phố 2", "group", "khu-pho", "headcount", 80)),
				"rounds",
				List.of(Map.of("kind", "quiz", "title", "Vòng trắc nghiệm", "opensAt", opensAt.toString(), "closesAt",
						closesAt.toString(), "quiz", Map.of("bankCode", "cchc-mau", "questionCount", 10,
								"timeLimitSeconds", 900, "attemptsAllowed", 1, "counting", "first"))));
	}

	String createPublished(Instant opensAt, Instant closesAt) {
		Response created = api().post("/api/registration/contests", ORGANIZER, ApiClient.json(contest(opensAt, closesAt)));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(api().post("/api/registration/contests/" + id + "/publish", ORGANIZER, null).status()).isEqualTo(200);
		return id;
	}

	long count(Class<?> type) {
		return this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), type);
	}

	@Test
	void organizerPublishesAndTheContestAndUnitsGoOutAsCloudEvents() {
		Instant now = Instant.now();
		Response created = api().post("/api/registration/contests", ORGANIZER,
				ApiClient.json(contest(now.minusSeconds(60), now.plusSeconds(3600))));
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.json();
		String id = body.get("id").asString();
		assertThat(body.get("status").asString()).isEqualTo("draft");
		assertThat(api().get("/api/registration/contests/" + id, null).status())
			.as("a draft is not public").isEqualTo(404);

		Response published = api().post("/api/registration/contests/" + id + "/publish", ORGANIZER, null);
		assertThat(published.status()).isEqualTo(200);
		assertThat(published.json().get("status").asString()).isEqualTo("published");
		assertThat(api().post("/api/registration/contests/" + id + "/publish", ORGANIZER, null).code())
			.isEqualTo("contest.already-published");

		List<ConsumerRecord<String, byte[]>> contests = TopicReader.read(this.brokers, Topics.CONTESTS,
				r -> id.equals(TopicReader.header(r, CloudEventAttributes.CONTEST_ID)), 1, Duration.ofSeconds(15));
		ConsumerRecord<String, byte[]> event = contests.stream()
			.filter(r -> id.equals(TopicReader.header(r, CloudEventAttributes.CONTEST_ID)))
			.findFirst()
			.orElseThrow();
		assertThat(TopicReader.header(event, CloudEventAttributes.TYPE))
			.isEqualTo("vn.cchc.registration.contest-published.v1");
		assertThat(TopicReader.header(event, CloudEventAttributes.SPECVERSION)).isEqualTo("1.0");
		assertThat(TopicReader.header(event, CloudEventAttributes.SOURCE)).isEqualTo("/cchc/registration-service");
		assertThat(TopicReader.header(event, CloudEventAttributes.ID)).isNotBlank();
		assertThat(TopicReader.header(event, CloudEventAttributes.TIME)).isNotBlank();
		assertThat(new String(event.value())).contains("Vòng trắc nghiệm").contains("cchc-mau");

		List<ConsumerRecord<String, byte[]>> units = TopicReader.read(this.brokers, Topics.UNITS,
				r -> id.equals(TopicReader.header(r, CloudEventAttributes.CONTEST_ID)), 2, Duration.ofSeconds(15));
		assertThat(units).filteredOn(r -> id.equals(TopicReader.header(r, CloudEventAttributes.CONTEST_ID)))
			.extracting(ConsumerRecord::key)
			.containsExactlyInAnyOrder(id + ":BS-KP1", id + ":BS-KP2");

		assertThat(api().get("/api/registration/contests", null).json().findValuesAsString("id")).contains(id);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.mongo.findById(id, Contest.class).outbox()).isEmpty());
	}

	@Test
	void citizenEnrolsOnceAndTheEnrolmentIsPublished() {
		Instant now = Instant.now();
		String id = createPublished(now.minusSeconds(60), now.plusSeconds(3600));
		String citizen = TestTokens.token("citizen-enrol", "citizen");
		Response enrolled = api().post("/api/registration/contests/" + id + "/enrolments", citizen,
				"{\"fullName\":\"Nguyễn Thị Ánh\",\"category\":\"citizen\",\"unitCode\":\"BS-KP2\"}");
		assertThat(enrolled.status()).isEqualTo(201);
		String participantId = enrolled.json().get("participantId").asString();

		Response again = api().post("/api/registration/contests/" + id + "/enrolments", citizen,
				"{\"fullName\":\"Nguyễn Thị Ánh\",\"category\":\"citizen\",\"unitCode\":\"BS-KP1\"}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("enrolment.duplicate");
		assertThat(again.contentType()).startsWith("application/problem+json");

		assertThat(api().get("/api/registration/contests/" + id + "/enrolments/me", citizen).json()
			.get("participantId").asString()).isEqualTo(participantId);
		assertThat(api().get("/api/registration/contests/" + id + "/enrolments/me",
				TestTokens.token("someone-else", "citizen")).code()).isEqualTo("enrolment.not-found");

		List<ConsumerRecord<String, byte[]>> records = TopicReader.read(this.brokers, Topics.PARTICIPANTS,
				r -> participantId.equals(r.key()), 1, Duration.ofSeconds(15));
		assertThat(records).filteredOn(r -> participantId.equals(r.key())).hasSize(1);
		assertThat(new String(records.stream().filter(r -> participantId.equals(r.key())).findFirst().orElseThrow()
			.value())).contains("Nguyễn Thị Ánh").contains("citizen-enrol");
	}

	@Test
	void badInputIsRefusedWithAProblemAndStoresNothing() {
		Instant now = Instant.now();
		String openId = createPublished(now.minusSeconds(60), now.plusSeconds(3600));
		String closedId = createPublished(now.minusSeconds(7200), now.minusSeconds(3600));
		long contests = count(Contest.class);
		long participants = count(Participant.class);
		String citizen = TestTokens.token("citizen-bad", "citizen");
		String valid = ApiClient.json(contest(now, now.plusSeconds(60)));

		Response malformed = api().post("/api/registration/contests", ORGANIZER, "{\"title\": \"thiếu ngoặc\"");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.code()).isEqualTo("request.malformed");
		assertThat(malformed.json().get("detail").asString()).contains("JSON");

		Response missing = api().post("/api/registration/contests", ORGANIZER, "{\"title\":\"\",\"rounds\":[]}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.code()).isEqualTo("request.invalid");
		assertThat(missing.json().get("detail").asString()).contains("không được để trống");

		Response window = api().post("/api/registration/contests", ORGANIZER,
				ApiClient.json(contest(now.plusSeconds(60), now)));
		assertThat(window.code()).isEqualTo("contest.round.window-invalid");

		Response noToken = api().post("/api/registration/contests", null, valid);
		assertThat(noToken.status()).isEqualTo(401);
		assertThat(noToken.code()).isEqualTo("auth.unauthorized");
		assertThat(noToken.contentType()).startsWith("application/problem+json");
		assertThat(api().post("/api/registration/contests", TestTokens.expiredToken("org-1", "organizer"), valid)
			.status()).isEqualTo(401);
		assertThat(api().post("/api/registration/contests", TestTokens.forgedToken("org-1", "organizer"), valid)
			.status()).isEqualTo(401);
		assertThat(api().post("/api/registration/contests", TestTokens.tokenForAnotherAudience("org-1", "organizer"),
				valid).status()).isEqualTo(401);

		Response wrongRole = api().post("/api/registration/contests", citizen, valid);
		assertThat(wrongRole.status()).isEqualTo(403);
		assertThat(wrongRole.code()).isEqualTo("auth.forbidden");
		assertThat(api().post("/api/registration/contests/" + openId + "/publish", citizen, null).status())
			.isEqualTo(403);

		Response late = api().post("/api/registration/contests/" + closedId + "/enrolments", citizen,
				"{\"fullName\":\"Trần Văn Bình\",\"category\":\"citizen\",\"unitCode\":\"BS-KP1\"}");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.code()).isEqualTo("enrolment.closed");

		Response unknownUnit = api().post("/api/registration/contests/" + openId + "/enrolments", citizen,
				"{\"fullName\":\"Trần Văn Bình\",\"category\":\"citizen\",\"unitCode\":\"KHONG-CO\"}");
		assertThat(unknownUnit.code()).isEqualTo("enrolment.unit.unknown");

		Response badCategory = api().post("/api/registration/contests/" + openId + "/enrolments", citizen,
				"{\"fullName\":\"Trần Văn Bình\",\"category\":\"robot\",\"unitCode\":\"BS-KP1\"}");
		assertThat(badCategory.code()).isEqualTo("request.invalid");

		Response noContest = api().post("/api/registration/contests/khong-ton-tai/enrolments", citizen,
				"{\"fullName\":\"Trần Văn Bình\",\"category\":\"citizen\",\"unitCode\":\"BS-KP1\"}");
		assertThat(noContest.status()).isEqualTo(404);

		assertThat(count(Contest.class)).isEqualTo(contests);
		assertThat(count(Participant.class)).isEqualTo(participants);
	}

}
