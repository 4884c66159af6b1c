package vn.cchc.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Request budgets with tiny limits (2 at once, 1 per second), per route and per user or client
 * address. Anonymous clients are told apart by {@code X-Forwarded-For}, trusted one hop deep.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"cchc.gateway.rate-limit.per-user.requests-per-second=1", "cchc.gateway.rate-limit.per-user.burst=2",
		"cchc.gateway.rate-limit.per-ip.requests-per-second=1", "cchc.gateway.rate-limit.per-ip.burst=2",
		"cchc.gateway.rate-limit.trusted-proxies=1",
		// A request stalled for 5 s (the client's default) once in CI, on a 2-core machine still busy
		// with the previous module's JVM: wait past the gateway's own 10 s response timeout, so a
		// real hang fails on the gateway's answer (503) instead of on the test client.
		"spring.test.webtestclient.timeout=30s" })
@AutoConfigureWebTestClient
class RateLimitTest {

	static final StubBackend backend = StubBackend.shared();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		for (String service : List.of("registration", "quiz", "submission", "judging", "awards")) {
			registry.add("cchc.gateway.services." + service, backend::baseUrl);
		}
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", backend::jwksUrl);
	}

	@Autowired
	WebTestClient client;

	@Test
	void an_anonymous_client_over_budget_gets_429_with_retry_after() {
		String ip = "203.0.113.10";
		anonymous("/api/registration/contests", ip).expectStatus().isOk();
		anonymous("/api/registration/contests", ip).expectStatus().isOk();

		anonymous("/api/registration/contests", ip).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "1")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.title")
			.isEqualTo("Quá nhiều yêu cầu")
			.jsonPath("$.code")
			.isEqualTo("rate.limited")
			.jsonPath("$.detail")
			.isEqualTo("Bạn gửi quá nhiều yêu cầu, vui lòng thử lại sau 1 giây.");

		// Budgets are per route, and per client.
		anonymous("/api/awards/contests/c1/standings", ip).expectStatus().isOk();
		anonymous("/api/registration/contests", "203.0.113.11").expectStatus().isOk();
	}

	@Test
	void a_signed_in_user_over_budget_gets_429_whatever_address_they_come_from() {
		String token = backend.token("busy-user");
		withToken(token, "198.51.100.1").expectStatus().isOk();
		withToken(token, "198.51.100.2").expectStatus().isOk();

		withToken(token, "198.51.100.3").expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);

		withToken(backend.token("calm-user"), "198.51.100.3").expectStatus().isOk();
	}

	private WebTestClient.ResponseSpec anonymous(String path, String clientAddress) {
		return this.client.get().uri(path).header("X-Forwarded-For", clientAddress).exchange();
	}

	private WebTestClient.ResponseSpec withToken(String token, String clientAddress) {
		return this.client.get()
			.uri("/api/quiz/attempts/current")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header("X-Forwarded-For", clientAddress)
			.exchange();
	}

}
