package vn.cchc.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as a browser and the services see it: started on a random port in front of a stub
 * backend, with tokens signed by a key the stub publishes as Keycloak would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayTest {

	static final StubBackend backend = StubBackend.shared();

	static final String KEYCLOAK = "http://keycloak.test:8180";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		for (String service : List.of("registration", "quiz", "submission", "awards")) {
			registry.add("cchc.gateway.services." + service, backend::baseUrl);
		}
		registry.add("cchc.gateway.services.judging", StubBackend::deadUrl);
		registry.add("cchc.gateway.keycloak-url", () -> KEYCLOAK);
		registry.add("cchc.gateway.timeouts.response-by-service.awards", () -> "1s");
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", backend::jwksUrl);
	}

	@Autowired
	WebTestClient client;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	BulkheadRegistry bulkheads;

	@Test
	void a_request_reaches_its_service_with_path_query_body_and_token_unchanged() {
		String path = "/api/registration/contests/" + UUID.randomUUID() + "/enrolments";
		String token = backend.token("citizen-1");

		this.client.post()
			.uri(path + "?source=web&x={x}", "đ")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"fullName\":\"Nguyễn Văn A\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.ok")
			.isEqualTo(true);

		StubBackend.Seen seen = backend.lastRequestTo(path).orElseThrow();
		assertThat(seen.method()).isEqualTo("POST");
		assertThat(seen.query()).isEqualTo("source=web&x=%C4%91");
		assertThat(seen.authorization()).isEqualTo("Bearer " + token);
		assertThat(seen.body()).isEqualTo("{\"fullName\":\"Nguyễn Văn A\"}");
	}

	@Test
	void every_service_has_its_route() {
		for (String service : List.of("registration", "quiz", "submission", "awards")) {
			String path = "/api/" + service + "/ping-" + UUID.randomUUID();
			this.client.get().uri(path).exchange().expectStatus().isOk();
			assertThat(backend.lastRequestTo(path)).as(service).isPresent();
		}
	}

	@Test
	void a_request_without_a_token_passes_through_for_the_service_to_decide() {
		String path = "/api/registration/contests-" + UUID.randomUUID();

		this.client.get().uri(path).exchange().expectStatus().isOk();

		assertThat(backend.lastRequestTo(path).orElseThrow().authorization()).isNull();
	}

	@Test
	void forged_expired_foreign_audience_and_foreign_issuer_tokens_are_refused_at_the_gateway() {
		List<String> badTokens = List.of(
				backend.token("u", List.of("cchc-api"), StubBackend.ISSUER, Instant.now().plusSeconds(300), true),
				backend.token("u", List.of("cchc-api"), StubBackend.ISSUER, Instant.now().minusSeconds(600), false),
				backend.token("u", List.of("account"), StubBackend.ISSUER, Instant.now().plusSeconds(300), false),
				backend.token("u", List.of("cchc-api"), "http://evil.test/realms/cchc", Instant.now().plusSeconds(300),
						false),
				"not-a-jwt");
		for (String token : badTokens) {
			String path = "/api/quiz/attempts/" + UUID.randomUUID();
			this.client.get()
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*invalid_token.*")
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(401)
				.jsonPath("$.code")
				.isEqualTo("auth.unauthorized")
				.jsonPath("$.detail")
				.isEqualTo("Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.");
			assertThat(backend.lastRequestTo(path)).isEmpty();
		}
	}

	@Test
	void a_token_that_cannot_be_checked_because_keycloak_is_down_is_a_503_not_a_401() {
		backend.keySetDown = true;
		try {
			this.client.get()
				.uri("/api/quiz/attempts/current")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + backend.tokenWithNewKey("citizen-2"))
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("auth.unavailable");
		}
		finally {
			backend.keySetDown = false;
		}
	}

	@Test
	void a_backend_problem_passes_through_unchanged() {
		this.client.get()
			.uri("/api/quiz/attempts/missing")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.isEqualTo(StubBackend.NOT_FOUND_PROBLEM);
	}

	@Test
	void a_backend_server_error_is_passed_on_not_turned_into_service_unavailable() {
		this.client.get()
			.uri("/api/registration/broken")
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("internal.error");
	}

	@Test
	void a_service_that_cannot_be_reached_answers_503_and_its_circuit_opens() {
		for (int i = 0; i < 25; i++) {
			this.client.get()
				.uri("/api/judging/panels")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("service.unavailable")
				.jsonPath("$.title")
				.isEqualTo("Dịch vụ tạm thời không sẵn sàng")
				.jsonPath("$.detail")
				.isEqualTo("Dịch vụ chấm thi đang tạm gián đoạn, vui lòng thử lại sau ít phút.");
		}
		assertThat(this.circuitBreakers.circuitBreaker("judging").getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	@Test
	void a_service_that_answers_too_slowly_answers_503() {
		long started = System.nanoTime();

		this.client.get()
			.uri("/api/awards/slow")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("service.unavailable");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
	}

	@Test
	void the_hidden_bulkhead_is_raised_and_breakers_use_the_configured_window() {
		this.client.get().uri("/api/quiz/ping").exchange().expectStatus().isOk();

		assertThat(this.bulkheads.bulkhead("quiz").getBulkheadConfig().getMaxConcurrentCalls()).isEqualTo(10_000);
		assertThat(this.circuitBreakers.circuitBreaker("quiz").getCircuitBreakerConfig().getMinimumNumberOfCalls())
			.isEqualTo(20);
	}

	@Test
	void an_unknown_api_path_is_a_404_problem() {
		this.client.get()
			.uri("/api/nowhere/at/all")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("not.found")
			.jsonPath("$.instance")
			.isEqualTo("/api/nowhere/at/all")
			.jsonPath("$.detail")
			.isEqualTo("Không tìm thấy địa chỉ được yêu cầu.");
	}

	@Test
	void the_ui_origin_may_call_the_api_cross_origin() {
		this.client.options()
			.uri("/api/quiz/attempts/1/answers/q1")
			.header(HttpHeaders.ORIGIN, "http://localhost:8080")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:8080")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("PUT"));
	}

	@Test
	void another_origin_may_not() {
		this.client.options()
			.uri("/api/quiz/attempts/1/answers/q1")
			.header(HttpHeaders.ORIGIN, "http://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

		this.client.get()
			.uri("/api/quiz/ping")
			.header(HttpHeaders.ORIGIN, "http://evil.example")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void pages_carry_the_security_headers() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectHeader()
			.value("Content-Security-Policy",
					csp -> assertThat(csp).contains("script-src 'self'")
						.contains("connect-src 'self' " + KEYCLOAK)
						.contains("frame-ancestors 'none'"))
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
			.expectHeader()
			.valueMatches("Strict-Transport-Security", "max-age=\\d+.*");
	}

	@Test
	void the_root_serves_the_vietnamese_ui() {
		this.client.get()
			.uri("/")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("<html lang=\"vi\">")
				.contains("Hội thi Cải cách hành chính")
				.contains("id=\"page-title\"")
				.contains("src=\"app.js\""));

		this.client.get()
			.uri("/app.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).contains("javascript"));
	}

	@Test
	void the_ui_learns_where_keycloak_is() {
		this.client.get()
			.uri("/ui-config.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.keycloakUrl")
			.isEqualTo(KEYCLOAK)
			.jsonPath("$.realm")
			.isEqualTo("cchc")
			.jsonPath("$.clientId")
			.isEqualTo("cchc-web")
			.jsonPath("$.apiBase")
			.isEqualTo("/api");
	}

	@Test
	void probes_and_metrics_are_exposed() {
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		// The first scrape renders every meter; on a loaded 2-core CI machine it once took over the
		// client's default 5 s.
		this.client.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("resilience4j_circuitbreaker_state"));
	}

}
