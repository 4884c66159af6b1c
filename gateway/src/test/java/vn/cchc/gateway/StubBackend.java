package vn.cchc.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the backend services and for Keycloak's key set: one JDK HTTP server on a random
 * port that records what reached it, answers {@code /api/**} with an echo (or a canned problem, or
 * slowly), and serves the JWKS of an RSA key generated here, with which {@link #token} signs.
 */
final class StubBackend {

	static final String ISSUER = "http://localhost:8180/realms/cchc";

	static final String JWKS_PATH = "/realms/cchc/protocol/openid-connect/certs";

	/** Body of the problem the stub answers for paths containing {@code /missing}. */
	static final String NOT_FOUND_PROBLEM = """
			{"type":"https://cchc.vn/problems/attempt.not-found","title":"Không tìm thấy","status":404,\
			"detail":"Không tìm thấy lượt thi.","instance":"/api/quiz/attempts/missing","code":"attempt.not-found"}""";

	private static StubBackend shared;

	private final HttpServer server;

	private final RSAKey signingKey;

	private final RSAKey strangerKey;

	/** Signs tokens with a key id the key set does not (yet) list, as after a key rotation. */
	private final RSAKey rotatedKey;

	/** While true, the key set endpoint answers 503, as when Keycloak is down. */
	volatile boolean keySetDown;

	private final ConcurrentLinkedDeque<Seen> seen = new ConcurrentLinkedDeque<>();

	/** What one request looked like when it reached the backend. */
	record Seen(String method, String path, String query, String authorization, String body) {
	}

	private StubBackend() throws IOException, JOSEException {
		this.signingKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
		// Same key id, different key: what a forger would try.
		this.strangerKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
		this.rotatedKey = new RSAKeyGenerator(2048).keyID("rotated-key").generate();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext(JWKS_PATH, this::jwks);
		this.server.createContext("/api/", this::api);
		this.server.start();
	}

	/** One backend for the whole test JVM, shared by every Spring context. */
	static synchronized StubBackend shared() {
		if (shared == null) {
			try {
				shared = new StubBackend();
			}
			catch (IOException | JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return shared;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String jwksUrl() {
		return baseUrl() + JWKS_PATH;
	}

	/** A base URL where nothing listens: connections are refused. */
	static String deadUrl() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Optional<Seen> lastRequestTo(String path) {
		return this.seen.stream().filter(s -> s.path().equals(path)).reduce((first, second) -> second);
	}

	/** A valid token: our issuer, audience {@code cchc-api}, five minutes left. */
	String token(String subject) {
		return token(subject, List.of("cchc-api"), ISSUER, Instant.now().plus(Duration.ofMinutes(5)), false);
	}

	/** A token whose key id is unknown, so the gateway must fetch the key set again to check it. */
	String tokenWithNewKey(String subject) {
		return sign(claims(subject, List.of("cchc-api"), ISSUER, Instant.now().plusSeconds(300)), this.rotatedKey);
	}

	String token(String subject, List<String> audience, String issuer, Instant expiresAt, boolean forged) {
		return sign(claims(subject, audience, issuer, expiresAt), forged ? this.strangerKey : this.signingKey);
	}

	private static JWTClaimsSet claims(String subject, List<String> audience, String issuer, Instant expiresAt) {
		return new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject)
			.audience(audience)
			.issueTime(Date.from(Instant.now().minusSeconds(600)))
			.expirationTime(Date.from(expiresAt))
			.claim("azp", "cchc-web")
			.claim("realm_access", Map.of("roles", List.of("citizen")))
			.build();
	}

	private static String sign(JWTClaimsSet claims, RSAKey key) {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private void jwks(HttpExchange exchange) throws IOException {
		if (this.keySetDown) {
			respond(exchange, 503, "text/plain", "down");
			return;
		}
		respond(exchange, 200, "application/json", new JWKSet(this.signingKey.toPublicJWK()).toString());
	}

	private void api(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		this.seen.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
				authorization, body));
		if (path.contains("/missing")) {
			respond(exchange, 404, "application/problem+json", NOT_FOUND_PROBLEM);
		}
		else if (path.contains("/broken")) {
			respond(exchange, 500, "application/problem+json",
					"{\"title\":\"Lỗi hệ thống\",\"status\":500,\"code\":\"internal.error\"}");
		}
		else if (path.contains("/slow")) {
			try {
				Thread.sleep(3_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			respond(exchange, 200, "application/json", "{}");
		}
		else {
			respond(exchange, 200, "application/json", "{\"ok\":true}");
		}
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
