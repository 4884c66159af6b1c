package vn.cchc.registration;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;


import vn.cchc.contracts.Topics;
import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ApiClient.Response;
import vn.cchc.platform.test.TestTokens;
import vn.cchc.platform.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

class TeamTest extends RegistrationTestSupport {

	static final String TEAM = "{\"name\":\"Đội Khu phố 1\",\"captain\":{\"fullName\":\"Nguyễn Văn Tâm\",\"position\":\"Trưởng khu phố\"},"
			+ "\"members\":[{\"fullName\":\"Nguyễn Văn Tâm\"},{\"fullName\":\"Trần Thị Lan\"},{\"fullName\":\"Lê Minh\",\"invited\":true}]}";

	long teams(String contestId) {
		return countIn(contestId, Team.class);
	}

	@Test
	void theUnitManagerRegistersTheUnitsTeamAndChangesItUntilTheRoundOpens() {
		Instant now = Instant.now();
		String contest = publishedContest(now.plusSeconds(3600), now.plusSeconds(7200));
		String manager = TestTokens.unitManagerToken("manager-kp1", "BS-KP1");
		Response registered = api().put("/api/registration/contests/" + contest + "/teams/BS-KP1", manager, TEAM);
		assertThat(registered.status()).as(registered.body()).isEqualTo(200);
		assertThat(registered.json().get("version").asInt()).isEqualTo(1);
		String teamId = registered.json().get("teamId").asString();

		Response changed = api().put("/api/registration/contests/" + contest + "/teams/BS-KP1", manager,
				TEAM.replace("Trần Thị Lan", "Trần Thị Hương"));
		assertThat(changed.json().get("version").asInt()).isEqualTo(2);
		assertThat(changed.json().get("teamId").asString()).isEqualTo(teamId);
		assertThat(teams(contest)).as("one team per unit").isEqualTo(1);

		var events = TopicReader.read(this.brokers, Topics.TEAMS, r -> teamId.equals(r.key()), 2, Duration.ofSeconds(15))
			.stream().filter(r -> teamId.equals(r.key())).toList();
		assertThat(events).hasSize(2);
		assertThat(new String(events.get(1).value())).contains("Trần Thị Hương").doesNotContain("Trần Thị Lan");

		assertThat(api().get("/api/registration/contests/" + contest + "/teams", null).json().get(0).get("name").asString())
			.isEqualTo("Đội Khu phố 1");
	}

	@Test
	void otherUnitsCitizensLateChangesAndBadRostersAreRefused() {
		Instant now = Instant.now();
		String open = publishedContest(now.plusSeconds(3600), now.plusSeconds(7200));
		String started = publishedContest(now.minusSeconds(60), now.plusSeconds(7200));
		String path = "/api/registration/contests/" + open + "/teams/BS-KP1";

		Response otherUnit = api().put(path, TestTokens.unitManagerToken("manager-kp2", "BS-KP2"), TEAM);
		assertThat(otherUnit.status()).isEqualTo(403);
		assertThat(otherUnit.code()).isEqualTo("team.forbidden");
		assertThat(api().put(path, TestTokens.token("c1", "citizen"), TEAM).status()).isEqualTo(403);
		assertThat(api().put(path, null, TEAM).status()).isEqualTo(401);
		assertThat(api().put(path, ORGANIZER, "{\"name\":").code()).isEqualTo("request.malformed");
		assertThat(api().put(path, ORGANIZER, "{\"name\":\"Đội\",\"members\":[]}").code()).isEqualTo("request.invalid");
		assertThat(api().put("/api/registration/contests/" + open + "/teams/KHONG-CO", ORGANIZER, TEAM).code())
			.isEqualTo("team.unit.unknown");
		Response late = api().put("/api/registration/contests/" + started + "/teams/BS-KP1",
				TestTokens.unitManagerToken("manager-kp1", "BS-KP1"), TEAM);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.code()).isEqualTo("team.locked");
		assertThat(teams(open) + teams(started)).isZero();
	}

}
