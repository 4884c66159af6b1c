package vn.cchc.registration;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;


import vn.cchc.contracts.CloudEventAttributes;
import vn.cchc.contracts.Topics;
import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ApiClient.Response;
import vn.cchc.platform.test.TestTokens;
import vn.cchc.platform.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

class EnrolmentTest extends RegistrationTestSupport {

	String publishedContest() {
		Instant now = Instant.now();
		return publishedContest(now.minusSeconds(60), now.plusSeconds(3600));
	}

	long participants(String contestId) {
		return countIn(contestId, Participant.class);
	}

	@Test
	void aProfileIsCompletedOnceAndUsedForEnrolment() {
		String contest = publishedContest();
		String citizen = TestTokens.token("profile-user", "citizen");
		assertThat(api().get("/api/registration/profile/me", citizen).code()).isEqualTo("profile.not-found");
		assertThat(api().post("/api/registration/contests/" + contest + "/enrolments", citizen, "{}").code())
			.isEqualTo("enrolment.incomplete");

		Response saved = api().put("/api/registration/profile/me", citizen,
				"{\"fullName\":\"Lê Thị Hồng\",\"dateOfBirth\":\"1990-04-30\",\"phone\":\"0912345678\","
						+ "\"citizenId\":\"052190001234\",\"unitCode\":\"BS-KP2\",\"category\":\"citizen\"}");
		assertThat(saved.status()).isEqualTo(200);
		Response enrolled = api().post("/api/registration/contests/" + contest + "/enrolments", citizen, "{}");
		assertThat(enrolled.status()).isEqualTo(201);
		assertThat(enrolled.json().get("fullName").asString()).isEqualTo("Lê Thị Hồng");
		assertThat(enrolled.json().get("unitCode").asString()).isEqualTo("BS-KP2");

		Response bad = api().put("/api/registration/profile/me", citizen,
				"{\"fullName\":\"Lê Thị Hồng\",\"phone\":\"12345\",\"citizenId\":\"0521\",\"category\":\"robot\"}");
		assertThat(bad.code()).isEqualTo("request.invalid");
		assertThat(bad.json().get("detail").asString()).contains("CCCD").contains("10 chữ số");
		assertThat(this.mongo.findById("profile-user", Profile.class).phone()).isEqualTo("0912345678");
	}

	@Test
	void oneCitizenIdOrPhoneEnrolsOnceAndTheOrganiserResolvesRealDuplicates() {
		String contest = publishedContest();
		String first = TestTokens.token("dup-1", "citizen");
		String second = TestTokens.token("dup-2", "citizen");
		String third = TestTokens.token("dup-3", "citizen");
		String body = "{\"fullName\":\"Phạm Văn Đông\",\"category\":\"citizen\",\"unitCode\":\"BS-KP1\","
				+ "\"phone\":\"0987654321\",\"citizenId\":\"079203001234\"}";
		Response firstEnrolment = api().post("/api/registration/contests/" + contest + "/enrolments", first, body);
		assertThat(firstEnrolment.status()).isEqualTo(201);
		String firstId = firstEnrolment.json().get("participantId").asString();

		Response sameId = api().post("/api/registration/contests/" + contest + "/enrolments", second, body);
		assertThat(sameId.status()).isEqualTo(409);
		assertThat(sameId.code()).isEqualTo("enrolment.duplicate-citizen-id");
		assertThat(sameId.json().get("detail").asString()).contains("Ban tổ chức");
		Response samePhone = api().post("/api/registration/contests/" + contest + "/enrolments", third,
				body.replace("079203001234", "079203009999"));
		assertThat(samePhone.code()).isEqualTo("enrolment.duplicate-phone");
		assertThat(participants(contest)).isEqualTo(1);

		JsonNode rows = api().get("/api/registration/contests/" + contest + "/participants", ORGANIZER).json();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("fullName").asString()).isEqualTo("Phạm V. Đ.");
		assertThat(rows.get(0).get("citizenId").asString()).isEqualTo("0792******34");
		assertThat(rows.get(0).get("phone").asString()).isEqualTo("09******21");
		assertThat(api().get("/api/registration/contests/" + contest + "/participants", first).status()).isEqualTo(403);
		Response export = api().get("/api/registration/contests/" + contest + "/participants.csv", ORGANIZER);
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.contentType()).startsWith("text/csv");
		assertThat(export.body()).startsWith("\uFEFFMã thí sinh,Họ và tên")
			.contains("Phạm V. Đ.", "0792******34", "09******21")
			.doesNotContain("Phạm Văn Đông");
		assertThat(api().get("/api/registration/contests/" + contest + "/participants.csv", first).status()).isEqualTo(403);

		assertThat(api().post("/api/registration/contests/" + contest + "/participants/" + firstId + "/exclude", first,
				"{\"reason\":\"x\"}").status()).isEqualTo(403);
		Response excluded = api().post("/api/registration/contests/" + contest + "/participants/" + firstId + "/exclude",
				ORGANIZER, "{\"reason\":\"Đăng ký hộ bằng CCCD của người khác\"}");
		assertThat(excluded.status()).isEqualTo(200);
		assertThat(excluded.json().get("excluded").asBoolean()).isTrue();
		assertThat(api().post("/api/registration/contests/" + contest + "/participants/" + firstId + "/exclude",
				ORGANIZER, "{\"reason\":\"lần hai\"}").code()).isEqualTo("participant.already-excluded");

		// The real owner of the citizen ID can now enrol; the excluded account cannot come back.
		assertThat(api().post("/api/registration/contests/" + contest + "/enrolments", second, body).status()).isEqualTo(201);
		assertThat(api().post("/api/registration/contests/" + contest + "/enrolments", first, body).code())
			.isEqualTo("enrolment.duplicate");
		assertThat(TopicReader.read(this.brokers, Topics.PARTICIPANTS, r -> firstId.equals(r.key()), 2, Duration.ofSeconds(15)).stream()
			.filter(r -> firstId.equals(r.key()))
			.map(r -> TopicReader.header(r, CloudEventAttributes.TYPE))
			.toList()).contains("vn.cchc.registration.participant-excluded.v1");
	}

	@Test
	void committeeMembersAndJudgesCannotEnrol() {
		String contest = publishedContest();
		String body = "{\"fullName\":\"Hoàng Văn Em\",\"category\":\"civil-servant\",\"unitCode\":\"BS-KP1\"}";
		for (String role : new String[] { "organizer", "judge", "secretary" }) {
			Response refused = api().post("/api/registration/contests/" + contest + "/enrolments",
					TestTokens.token("staff-" + role, "citizen", role), body);
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.code()).isEqualTo("enrolment.ineligible");
		}
		assertThat(participants(contest)).isZero();
	}

}
