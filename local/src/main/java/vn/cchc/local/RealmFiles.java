package vn.cchc.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The Keycloak realm the local stack imports: the shared realm from {@code deploy/keycloak}
 * (roles, clients, no users) merged with the local overlay (demo users with passwords, a
 * password-grant client), with the web client's URLs moved to the gateway's port.
 */
public final class RealmFiles {

	static final String BASE_RESOURCE = "/vn/cchc/local/realm/cchc-realm.json";

	static final String OVERLAY_RESOURCE = "/vn/cchc/local/realm-local.json";

	static final String DEMO_PASSWORD = "cchc-demo";

	/** The confidential client registration-service manages accounts with (Admin API). */
	static final String REGISTRATION_CLIENT_ID = "cchc-registration";

	/** Array elements with the same value under these keys are the same element. */
	private static final Map<String, String> IDENTITIES = Map.of("users", "username", "clients", "clientId", "realm",
			"name", "protocolMappers", "name", "clientScopes", "name", "groups", "name");

	private static final Pattern DEFAULT_UI_ORIGIN = Pattern.compile("http://localhost:8080(?![0-9])");

	private static final JsonMapper JSON = JsonMapper.shared();

	private RealmFiles() {
	}

	/** The realm for a stack: base from the project (or the classpath copy), overlay, ports. */
	static ObjectNode localRealm(Path projectDir, Ports ports) {
		Path deployed = projectDir.resolve("deploy/keycloak/cchc-realm.json");
		ObjectNode base = Files.isRegularFile(deployed) ? read(deployed) : readResource(BASE_RESOURCE);
		return withGatewayPort(merge(base, readResource(OVERLAY_RESOURCE)), ports.gateway());
	}

	/**
	 * Writes the local realm (base + demo users, default ports) to {@code file}, for tools that
	 * import it elsewhere, such as a Keycloak container in tests.
	 */
	public static void writeLocalRealm(Path projectDir, Path file) {
		write(localRealm(projectDir, new Ports(0)), file);
	}

	static ObjectNode readResource(String resource) {
		try (InputStream in = RealmFiles.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new LocalStackException("Missing classpath resource " + resource);
			}
			return (ObjectNode) JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ObjectNode read(Path file) {
		return (ObjectNode) JSON.readTree(file.toFile());
	}

	static void write(ObjectNode realm, Path file) {
		try {
			Files.createDirectories(file.getParent());
			JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), realm);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Deep merge: objects merge key by key, arrays of users, clients, roles and mappers merge by
	 * identity (the overlay's element wins), other values are replaced. Keys starting with
	 * {@code _} are comments and dropped.
	 */
	static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
		ObjectNode result = base.deepCopy();
		dropComments(result);
		mergeInto(result, overlay);
		return result;
	}

	private static void mergeInto(ObjectNode target, ObjectNode overlay) {
		for (Map.Entry<String, JsonNode> entry : overlay.properties()) {
			String key = entry.getKey();
			if (key.startsWith("_")) {
				continue;
			}
			JsonNode incoming = entry.getValue();
			JsonNode existing = target.get(key);
			if (existing instanceof ObjectNode existingObject && incoming instanceof ObjectNode incomingObject) {
				mergeInto(existingObject, incomingObject);
			}
			else if (existing instanceof ArrayNode existingArray && incoming instanceof ArrayNode incomingArray
					&& IDENTITIES.containsKey(key)) {
				target.set(key, mergeArrays(existingArray, incomingArray, IDENTITIES.get(key)));
			}
			else {
				JsonNode copy = incoming.deepCopy();
				if (copy instanceof ObjectNode copyObject) {
					dropComments(copyObject);
				}
				target.set(key, copy);
			}
		}
	}

	private static ArrayNode mergeArrays(ArrayNode base, ArrayNode overlay, String identity) {
		ArrayNode result = base.deepCopy();
		for (JsonNode element : overlay) {
			JsonNode copy = element.deepCopy();
			if (copy instanceof ObjectNode copyObject) {
				dropComments(copyObject);
			}
			int index = indexOf(result, identity, element.get(identity));
			if (index >= 0) {
				result.set(index, copy);
			}
			else {
				result.add(copy);
			}
		}
		return result;
	}

	private static int indexOf(ArrayNode array, String identity, JsonNode value) {
		if (value == null) {
			return -1;
		}
		for (int i = 0; i < array.size(); i++) {
			if (value.equals(array.get(i).get(identity))) {
				return i;
			}
		}
		return -1;
	}

	private static void dropComments(ObjectNode node) {
		List<String> comments = node.propertyNames().stream().filter(name -> name.startsWith("_")).toList();
		node.remove(comments);
		for (JsonNode child : node.values()) {
			if (child instanceof ObjectNode object) {
				dropComments(object);
			}
		}
	}

	/** Moves every {@code http://localhost:8080} in the clients (redirects, origins, logout) to the gateway port. */
	static ObjectNode withGatewayPort(ObjectNode realm, int gatewayPort) {
		ObjectNode result = realm.deepCopy();
		if (gatewayPort != 8080 && result.get("clients") instanceof ArrayNode clients) {
			String replacement = "http://localhost:" + gatewayPort;
			for (JsonNode client : clients) {
				rewriteStrings(client, replacement);
			}
		}
		return result;
	}

	private static void rewriteStrings(JsonNode node, String replacement) {
		if (node instanceof ObjectNode object) {
			for (String name : new ArrayList<>(object.propertyNames())) {
				JsonNode child = object.get(name);
				if (child.isString()) {
					object.set(name, StringNode.valueOf(rewrite(child.stringValue(), replacement)));
				}
				else {
					rewriteStrings(child, replacement);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				JsonNode child = array.get(i);
				if (child.isString()) {
					array.set(i, StringNode.valueOf(rewrite(child.stringValue(), replacement)));
				}
				else {
					rewriteStrings(child, replacement);
				}
			}
		}
	}

	private static String rewrite(String value, String replacement) {
		return DEFAULT_UI_ORIGIN.matcher(value).replaceAll(replacement);
	}

	/** The local-only secret of {@value #REGISTRATION_CLIENT_ID}, from the overlay (the shared realm has none). */
	static String registrationClientSecret() {
		for (JsonNode client : readResource(OVERLAY_RESOURCE).path("clients")) {
			if (REGISTRATION_CLIENT_ID.equals(client.path("clientId").asString(""))) {
				return client.path("secret").asString("");
			}
		}
		throw new LocalStackException("The local realm overlay has no client " + REGISTRATION_CLIENT_ID);
	}

	/** The demo accounts of the overlay, for the banner. */
	static List<DemoAccount> demoAccounts() {
		List<DemoAccount> accounts = new ArrayList<>();
		for (JsonNode user : readResource(OVERLAY_RESOURCE).path("users")) {
			List<String> roles = new ArrayList<>();
			user.path("realmRoles").forEach(role -> roles.add(role.stringValue()));
			String fullName = (user.path("lastName").asString("") + " " + user.path("firstName").asString("")).trim();
			accounts.add(new DemoAccount(user.path("username").stringValue(), fullName, List.copyOf(roles)));
		}
		return List.copyOf(accounts);
	}

	/** A demo account (password {@value #DEMO_PASSWORD}). */
	record DemoAccount(String username, String fullName, List<String> roles) {
	}

}
