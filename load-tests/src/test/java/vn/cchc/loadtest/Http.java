package vn.cchc.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The few HTTP calls the preparation and the login measurement need (JDK client, JSON by Jackson). */
final class Http {

	static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	record Answer(int status, String body) {

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		Answer expect(int... statuses) {
			for (int s : statuses) {
				if (s == this.status) {
					return this;
				}
			}
			throw new IllegalStateException("HTTP " + this.status + ": "
					+ (this.body.length() > 400 ? this.body.substring(0, 400) + "…" : this.body));
		}

	}

	/** A password grant; returns the whole token response. */
	Answer passwordGrant(String keycloak, String realm, String clientId, String username, String password) {
		String form = form(Map.of("grant_type", "password", "client_id", clientId, "username", username, "password",
				password));
		return send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	String accessToken(String keycloak, String realm, String clientId, String username, String password) {
		return passwordGrant(keycloak, realm, clientId, username, password).expect(200)
			.json()
			.path("access_token")
			.asText();
	}

	Answer get(String url, String token) {
		return send(auth(HttpRequest.newBuilder(URI.create(url)), token).GET());
	}

	Answer post(String url, String token, Object body) {
		return send(auth(HttpRequest.newBuilder(URI.create(url)), token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json(body))));
	}

	Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(120)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static HttpRequest.Builder auth(HttpRequest.Builder request, String token) {
		request.header("Accept", "application/json");
		return token == null ? request : request.header("Authorization", "Bearer " + token);
	}

	static String json(Object body) {
		if (body instanceof String s) {
			return s;
		}
		try {
			return JSON.writeValueAsString(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** A system property, or its default. */
	static String setting(String name, String fallback) {
		String value = System.getProperty(name);
		return value == null || value.isBlank() ? fallback : value.strip();
	}

	static int setting(String name, int fallback) {
		return Integer.parseInt(setting(name, Integer.toString(fallback)));
	}

	/** The machine's load average (1, 5, 15 minutes), from {@code /proc/loadavg}. */
	static String loadAverage() {
		try {
			String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
			return f[0] + " " + f[1] + " " + f[2];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	/**
	 * A path setting: relative paths resolve against the load-tests folder (Maven passes it as
	 * {@code cchc.loadtest.dir}), whatever directory Maven was started from.
	 */
	static java.nio.file.Path path(String name, String fallback) {
		java.nio.file.Path path = java.nio.file.Path.of(setting(name, fallback));
		String base = System.getProperty("cchc.loadtest.dir");
		return path.isAbsolute() || base == null ? path : java.nio.file.Path.of(base).resolve(path);
	}

}
