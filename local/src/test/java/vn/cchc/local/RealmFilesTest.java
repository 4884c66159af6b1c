package vn.cchc.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class RealmFilesTest {

	private static final Path PROJECT_DIR = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

	private final ObjectNode base = RealmFiles.readResource(RealmFiles.BASE_RESOURCE);

	@Test
	void baseRealmHasNoPeopleAndNoPasswords() throws Exception {
		String raw = Files.readString(PROJECT_DIR.resolve("deploy/keycloak/cchc-realm.json"));
		assertThat(raw).doesNotContain("cchc-demo", "\"credentials\"", "\"secret\"");
		// The only "user" is the registration client's service account: roles, no password.
		assertThat(this.base.path("users")).hasSize(1);
		JsonNode serviceAccount = this.base.path("users").get(0);
		assertThat(serviceAccount.path("serviceAccountClientId").asString()).isEqualTo("cchc-registration");
		assertThat(serviceAccount.path("clientRoles").path("realm-management").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("manage-users", "view-users", "query-users");
		List<String> keys = new ArrayList<>();
		collectKeys(this.base, keys);
		assertThat(keys).doesNotContain("credentials", "secret", "value", "hashedSaltedValue");
		assertThat(clientIds(this.base)).containsExactly("cchc-web", "cchc-registration");
		JsonNode registration = find(this.base.path("clients"), "clientId", "cchc-registration");
		assertThat(registration.path("publicClient").asBoolean(true)).isFalse();
		assertThat(registration.path("serviceAccountsEnabled").asBoolean()).isTrue();
		assertThat(registration.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
	}

	@Test
	void onlyTheLocalOverlayHasTheRegistrationClientSecret() {
		ObjectNode merged = RealmFiles.localRealm(PROJECT_DIR, new Ports(0));
		JsonNode registration = find(merged.path("clients"), "clientId", "cchc-registration");
		assertThat(registration.path("secret").asString()).isEqualTo(RealmFiles.registrationClientSecret()).isNotBlank();
		assertThat(registration.path("serviceAccountsEnabled").asBoolean()).isTrue();
		assertThat(find(merged.path("users"), "username", "service-account-cchc-registration")).isNotNull();
	}

	@Test
	void baseRealmDefinesRolesDefaultRoleAndPkceClient() {
		assertThat(this.base.path("realm").asString()).isEqualTo("cchc");
		assertThat(this.base.path("registrationAllowed").asBoolean()).isTrue();
		assertThat(this.base.path("accessTokenLifespan").asInt()).isEqualTo(5400);
		assertThat(this.base.path("defaultLocale").asString()).isEqualTo("vi");
		List<String> roles = new ArrayList<>();
		this.base.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asString()));
		assertThat(roles).contains("citizen", "unit-manager", "judge", "secretary", "organizer", "admin");
		JsonNode defaults = find(this.base.path("roles").path("realm"), "name", "default-roles-cchc");
		assertThat(this.base.path("defaultRole").path("name").asString()).isEqualTo("default-roles-cchc");
		assertThat(defaults.path("composites").path("realm").toString()).contains("\"citizen\"");
		JsonNode web = find(this.base.path("clients"), "clientId", "cchc-web");
		assertThat(web.path("publicClient").asBoolean()).isTrue();
		assertThat(web.path("directAccessGrantsEnabled").asBoolean()).isFalse();
		assertThat(web.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
		assertThat(web.path("protocolMappers").toString()).contains("oidc-audience-mapper", "cchc-api");
	}

	@Test
	void overlayAddsDemoUsersAndPasswordClient() {
		ObjectNode merged = RealmFiles.merge(this.base, RealmFiles.readResource(RealmFiles.OVERLAY_RESOURCE));
		List<String> usernames = new ArrayList<>();
		merged.path("users").forEach(user -> usernames.add(user.path("username").asString()));
		assertThat(usernames).containsExactlyInAnyOrder("service-account-cchc-registration", "citizen", "citizen2",
				"unit-manager", "judge", "secretary", "organizer", "admin");
		JsonNode admin = find(merged.path("users"), "username", "admin");
		assertThat(admin.path("realmRoles").toString()).contains("admin", "organizer");
		assertThat(admin.path("credentials").get(0).path("value").asString()).isEqualTo("cchc-demo");
		assertThat(clientIds(merged)).containsExactlyInAnyOrder("cchc-web", "cchc-registration", "cchc-local-cli");
		JsonNode cli = find(merged.path("clients"), "clientId", "cchc-local-cli");
		assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
		assertThat(cli.path("protocolMappers").toString()).contains("cchc-api");
		assertThat(merged.toString()).doesNotContain("_comment");
		assertThat(merged.path("roles").path("realm").size()).isEqualTo(this.base.path("roles").path("realm").size());
	}

	@Test
	void redirectUrisFollowThePortOffset() {
		ObjectNode realm = RealmFiles.localRealm(PROJECT_DIR, new Ports(100));
		JsonNode web = find(realm.path("clients"), "clientId", "cchc-web");
		assertThat(web.path("redirectUris").get(0).asString()).isEqualTo("http://localhost:8180/*");
		assertThat(web.path("webOrigins").get(0).asString()).isEqualTo("http://localhost:8180");
		assertThat(web.path("rootUrl").asString()).isEqualTo("http://localhost:8180");
		assertThat(web.path("attributes").path("post.logout.redirect.uris").asString())
			.isEqualTo("http://localhost:8180/*");
		assertThat(realm.toString()).doesNotContain("localhost:8080");

		ObjectNode unshifted = RealmFiles.localRealm(PROJECT_DIR, new Ports(0));
		assertThat(find(unshifted.path("clients"), "clientId", "cchc-web").path("redirectUris").get(0).asString())
			.isEqualTo("http://localhost:8080/*");
	}

	@Test
	void demoUnitsAndContestFollowTheApi() {
		assertThat(DemoSeed.units()).hasSize(15).first().isEqualTo(new DemoSeed.Unit("BS-KP1", "Khu phố 1", "khu-pho"));
		ObjectNode request = DemoSeed.fromTemplate();
		assertThat(request.path("templateCode").asString()).isEqualTo("bong-son-2024");
		assertThat(request.path("units").size()).isEqualTo(15);
		ObjectNode draft = JsonMapper.shared().createObjectNode();
		draft.putArray("rounds").addObject().put("kind", "quiz").putObject("quiz").put("bankCode", "cchc-mau")
			.put("questionCount", 20);
		ObjectNode contest = DemoSeed.adjust(draft, java.time.Instant.parse("2026-11-25T00:00:00Z"));
		JsonNode round = contest.path("rounds").get(0);
		assertThat(round.path("quiz").path("questionCount").asInt()).isEqualTo(10);
		assertThat(round.path("opensAt").asString()).isEqualTo("2026-11-24T00:00:00Z");
		assertThat(round.path("closesAt").asString()).isEqualTo("2026-12-25T00:00:00Z");
		assertThat(round.path("quiz").path("bankCode").asString()).isEqualTo("cchc-mau");
	}

	private static void collectKeys(JsonNode node, List<String> keys) {
		if (node.isObject()) {
			for (var entry : node.properties()) {
				if (!entry.getKey().equals("localizationTexts")) {
					keys.add(entry.getKey());
					collectKeys(entry.getValue(), keys);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach(child -> collectKeys(child, keys));
		}
	}

	private static List<String> clientIds(JsonNode realm) {
		List<String> ids = new ArrayList<>();
		realm.path("clients").forEach(client -> ids.add(client.path("clientId").asString()));
		return ids;
	}

	private static JsonNode find(JsonNode array, String key, String value) {
		for (JsonNode element : array) {
			if (value.equals(element.path(key).asString(null))) {
				return element;
			}
		}
		throw new AssertionError("no element with " + key + "=" + value);
	}

}
