package vn.cchc.registration.accounts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ApiClient.Response;
import vn.cchc.platform.test.ServiceTest;
import vn.cchc.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** The service starts without Keycloak admin settings; the accounts API then answers 503. */
@ServiceTest
class AccountsApiTest {

	static final String ORGANIZER = TestTokens.token("org-1", "organizer");

	static final String CITIZEN = TestTokens.token("citizen-1", "citizen");

	@LocalServerPort
	int port;

	ApiClient api() {
		return new ApiClient("http://127.0.0.1:" + this.port);
	}

	@Test
	void without_keycloak_admin_settings_account_creation_is_unavailable() {
		Response answer = api().post("/api/registration/accounts/unit-managers", ORGANIZER,
				ApiClient.json(Map.of("units", List.of(Map.of("code", "BS-KP1", "name", "Khu phố 1")))));

		assertThat(answer.status()).as(answer.body()).isEqualTo(503);
		assertThat(answer.code()).isEqualTo("accounts.unavailable");
		assertThat(api().post("/api/registration/accounts/bs-kp1/disable", ORGANIZER, "{}").code())
			.isEqualTo("accounts.unavailable");
	}

	@Test
	void citizens_are_refused_and_invalid_batches_are_refused_before_keycloak_is_asked() {
		Response citizen = api().post("/api/registration/accounts/staff", CITIZEN, ApiClient
			.json(Map.of("accounts", List.of(Map.of("username", "gk01", "fullName", "Nguyễn Văn An", "role", "judge")))));
		assertThat(citizen.status()).isEqualTo(403);
		assertThat(citizen.code()).isEqualTo("auth.forbidden");

		Response empty = api().post("/api/registration/accounts/unit-managers", ORGANIZER, "{\"units\": []}");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.code()).isEqualTo("accounts.empty");

		Response role = api().post("/api/registration/accounts/staff", ORGANIZER, ApiClient
			.json(Map.of("accounts", List.of(Map.of("username", "gk01", "fullName", "Nguyễn Văn An", "role", "admin")))));
		assertThat(role.status()).isEqualTo(400);
		assertThat(role.code()).isEqualTo("accounts.role-unknown");
		assertThat(role.json().path("detail").asString()).contains("giám khảo");
	}

}
