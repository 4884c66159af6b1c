package vn.cchc.platform.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against a running service or the gateway, for tests: JSON in, status + parsed JSON out.
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Response get(String path, String token) {
		return send("GET", path, token, null, "application/json");
	}

	public Response post(String path, String token, String body) {
		return send("POST", path, token, body, "application/json");
	}

	public Response put(String path, String token, String body) {
		return send("PUT", path, token, body, "application/json");
	}

	public Response send(String method, String path, String token, String body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (Exception ex) {
			throw new IllegalStateException(method + " " + path + " failed: " + ex, ex);
		}
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** A response: status, raw body, and the body as JSON when it is JSON. */
	public record Response(int status, String body, String contentType) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		/** The problem detail's stable code, for error responses. */
		public String code() {
			return json().path("code").asString();
		}

	}

}
