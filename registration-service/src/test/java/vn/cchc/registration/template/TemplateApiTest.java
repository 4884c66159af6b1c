package vn.cchc.registration.template;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ApiClient.Response;
import vn.cchc.platform.test.ServiceTest;
import vn.cchc.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class TemplateApiTest {

	static final String ORGANIZER = TestTokens.token("org-templates", "organizer");

	@LocalServerPort
	int port;

	ApiClient api() {
		return new ApiClient("http://127.0.0.1:" + this.port);
	}

	@Test
	void organizerListsAndReadsTemplates() {
		Response list = api().get("/api/registration/templates", ORGANIZER);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().size()).isEqualTo(5);

		Response one = api().get("/api/registration/templates/kon-ray-2023", ORGANIZER);
		assertThat(one.status()).isEqualTo(200);
		JsonNode team = one.json().get("team");
		assertThat(team.get("maxMembers").asInt()).isEqualTo(12);
		assertThat(team.get("maxInvited").asInt()).isEqualTo(4);
	}

	@Test
	void unknownTemplateIsRefusedInVietnamese() {
		Response response = api().get("/api/registration/templates/khong-co", ORGANIZER);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("detail").asString()).contains("Không có mẫu cuộc thi");
	}

	@Test
	void participantsMayNotReadTemplates() {
		assertThat(api().get("/api/registration/templates", TestTokens.token("p-1", "participant")).status())
			.isEqualTo(403);
		assertThat(api().get("/api/registration/templates", null).status()).isIn(401, 403);
	}

}
