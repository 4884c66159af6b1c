package vn.cchc.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.cchc.local.RealmFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm on the official Keycloak image: demo logins, realm roles in the token, our audience,
 * wrong passwords refused. Skipped without Docker; its twin that runs everywhere is the e2e suite
 * on Keycloak from the Maven Central distribution ({@link ThinFlowEndToEndTest},
 * {@link BrowserLoginTest}).
 */
@Testcontainers(disabledWithoutDocker = true)
class KeycloakContainersTest {

	static final Path REALM = writeRealm();

	@Container
	static final KeycloakContainer KEYCLOAK = new KeycloakContainer("quay.io/keycloak/keycloak:26.5.6")
		.withCopyFileToContainer(MountableFile.forHostPath(REALM), "/opt/keycloak/data/import/cchc-realm.json");

	static Path writeRealm() {
		try {
			Path file = Files.createTempFile("cchc-realm", ".json");
			RealmFiles.writeLocalRealm(ComposeConfigTest.PROJECT, file);
			return file;
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> passwordGrant(String user, String password) throws Exception {
		String form = "grant_type=password&client_id=cchc-local-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
				+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(KEYCLOAK.getAuthServerUrl() + "/realms/cchc/protocol/openid-connect/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void everyDemoUserLogsInWithTheirRealmRoleAndOurAudience() throws Exception {
		for (String role : new String[] { "citizen", "unit-manager", "judge", "secretary", "organizer", "admin" }) {
			HttpResponse<String> response = passwordGrant(role, "cchc-demo");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			String token = JsonMapper.shared().readTree(response.body()).get("access_token").asString();
			JsonNode claims = JsonMapper.shared()
				.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
			assertThat(claims.get("realm_access").get("roles").toString()).contains("\"" + role + "\"");
			assertThat(claims.get("aud").toString()).contains("cchc-api");
			assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isGreaterThanOrEqualTo(5400);
		}
		assertThat(passwordGrant("organizer", "wrong").statusCode()).isEqualTo(401);
	}

}
