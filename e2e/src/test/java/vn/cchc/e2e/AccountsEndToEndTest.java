package vn.cchc.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import vn.cchc.local.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff accounts through the gateway into the real Keycloak: an organizer creates unit-manager
 * accounts, Keycloak refuses the temporary password until it is changed (so the account exists
 * with a required password change), a second run answers "existing" without a password, and
 * disabling and enabling change what Keycloak says; a citizen is refused.
 */
@ExtendWith(LocalStackExtension.class)
class AccountsEndToEndTest {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	@Test
	void organizerCreatesUnitManagersWhoMustChangeTheirPasswordAndCanBeDisabled(LocalStack stack) {
		Api api = new Api(stack.gatewayUrl());
		String organizer = stack.passwordToken("organizer", "cchc-demo");
		String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
		List<String> codes = List.of("E2E-KP1-" + suffix, "E2E-KP2-" + suffix, "E2E-KP3-" + suffix);
		Map<String, Object> body = Map.of("units", codes.stream()
			.map(code -> Map.of("code", code, "name", "Khu phố " + code.substring(6, 7)))
			.toList());

		Api.Answer created = api.post("/api/registration/accounts/unit-managers", organizer, body);
		assertThat(created.status()).as("%s", created).isEqualTo(200);
		List<JsonNode> accounts = created.json().path("accounts").valueStream().toList();
		assertThat(accounts).hasSize(3);
		for (int i = 0; i < 3; i++) {
			JsonNode account = accounts.get(i);
			assertThat(account.path("username").asString()).isEqualTo(codes.get(i).toLowerCase(java.util.Locale.ROOT));
			assertThat(account.path("unitCode").asString()).isEqualTo(codes.get(i));
			assertThat(account.path("status").asString()).isEqualTo("created");
			assertThat(account.path("temporaryPassword").asString("")).hasSizeGreaterThanOrEqualTo(12);
		}
		String username = accounts.getFirst().path("username").asString();
		String password = accounts.getFirst().path("temporaryPassword").asString();

		// The account exists with this password, and Keycloak insists on a new one first.
		JsonNode refused = passwordGrant(stack, username, password);
		assertThat(refused.path("error").asString()).as("%s", refused).isEqualTo("invalid_grant");
		assertThat(refused.path("error_description").asString()).as("%s", refused)
			.isEqualTo("Account is not fully set up");
		JsonNode wrong = passwordGrant(stack, username, password + "x");
		assertThat(wrong.path("error_description").asString()).as("%s", wrong).isEqualTo("Invalid user credentials");

		// What Keycloak holds: the realm role and the unit code (the unit_code claim's source), as
		// the service account itself sees them.
		JsonNode user = adminGet(stack, "/users?exact=true&username=" + username).get(0);
		assertThat(user.path("attributes").path("unitCode").get(0).asString()).isEqualTo(codes.getFirst());
		assertThat(user.path("requiredActions").valueStream().map(JsonNode::asString)).contains("UPDATE_PASSWORD");
		assertThat(adminGet(stack, "/users/" + user.path("id").asString() + "/role-mappings/realm").valueStream()
			.map(role -> role.path("name").asString())).contains("unit-manager");

		Api.Answer again = api.post("/api/registration/accounts/unit-managers", organizer, body);
		assertThat(again.status()).as("%s", again).isEqualTo(200);
		assertThat(again.json().path("accounts").valueStream().toList()).hasSize(3).allSatisfy(account -> {
			assertThat(account.path("status").asString()).isEqualTo("existing");
			assertThat(account.has("temporaryPassword")).as("%s", account).isFalse();
		});

		Api.Answer disabled = api.post("/api/registration/accounts/" + username + "/disable", organizer, "{}");
		assertThat(disabled.status()).as("%s", disabled).isEqualTo(200);
		assertThat(disabled.json().path("enabled").asBoolean(true)).isFalse();
		JsonNode whileDisabled = passwordGrant(stack, username, password);
		assertThat(whileDisabled.path("error").asString()).as("%s", whileDisabled).isEqualTo("invalid_grant");
		assertThat(whileDisabled.path("error_description").asString()).as("%s", whileDisabled)
			.isEqualTo("Account disabled");

		Api.Answer enabled = api.post("/api/registration/accounts/" + username + "/enable", organizer, "{}");
		assertThat(enabled.status()).as("%s", enabled).isEqualTo(200);
		assertThat(enabled.json().path("enabled").asBoolean(false)).isTrue();
		assertThat(passwordGrant(stack, username, password).path("error_description").asString())
			.isEqualTo("Account is not fully set up");
	}

	/** The demo unit manager belongs to Bồng Sơn's Khu phố 1: their token says so (claim unit_code). */
	@Test
	void aUnitManagersTokenCarriesTheirUnit(LocalStack stack) {
		String token = stack.passwordToken("unit-manager", "cchc-demo");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(Api.JSON.readTree(payload).path("unit_code").asString()).isEqualTo("BS-KP1");
	}

	@Test
	void onlyOrganizersManageAccountsAndBadRequestsAreRefused(LocalStack stack) {
		Api api = new Api(stack.gatewayUrl());
		String citizen = stack.passwordToken("citizen", "cchc-demo");
		String organizer = stack.passwordToken("organizer", "cchc-demo");

		Api.Answer forbidden = api.post("/api/registration/accounts/unit-managers", citizen,
				Map.of("units", List.of(Map.of("code", "E2E-CITIZEN", "name", "Khu phố"))));
		assertThat(forbidden.status()).as("%s", forbidden).isEqualTo(403);
		assertThat(forbidden.json().path("code").asString()).isEqualTo("auth.forbidden");
		assertThat(api.post("/api/registration/accounts/organizer/disable", citizen, "{}").status()).isEqualTo(403);

		Api.Answer unknownRole = api.post("/api/registration/accounts/staff", organizer, Map.of("accounts",
				List.of(Map.of("username", "e2e-gk", "fullName", "Nguyễn Văn An", "role", "organizer"))));
		assertThat(unknownRole.status()).as("%s", unknownRole).isEqualTo(400);
		assertThat(unknownRole.json().path("code").asString()).isEqualTo("accounts.role-unknown");

		// Accounts the organisers did not create (here the demo organizer) are not theirs to disable.
		Api.Answer notManaged = api.post("/api/registration/accounts/organizer/disable", organizer, "{}");
		assertThat(notManaged.status()).as("%s", notManaged).isEqualTo(404);
		assertThat(notManaged.json().path("code").asString()).isEqualTo("accounts.not-found");
	}

	/** A direct grant with the local CLI client; answers Keycloak's JSON, success or error. */
	private static JsonNode passwordGrant(LocalStack stack, String username, String password) {
		return token(stack, Map.of("grant_type", "password", "client_id", "cchc-local-cli", "username", username,
				"password", password));
	}

	/** GET on the realm's Admin API as the cchc-registration service account (local secret). */
	private static JsonNode adminGet(LocalStack stack, String path) {
		String token = token(stack, Map.of("grant_type", "client_credentials", "client_id", "cchc-registration",
				"client_secret", "cchc-registration-local-secret"))
			.path("access_token")
			.asString();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(stack.keycloakUrl() + "/admin/realms/cchc" + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		return send(request);
	}

	private static JsonNode token(LocalStack stack, Map<String, String> parameters) {
		String form = parameters
			.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(stack.issuerUri() + "/protocol/openid-connect/token"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return send(request);
	}

	private static JsonNode send(HttpRequest request) {
		try {
			return Api.JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
