package vn.cchc.platform.web;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Past its limit a service answers 503 at once instead of taking every request in. */
class LoadSheddingFilterTest {

	/** As the application's mapper writes problems: properties such as {@code code} at the top level. */
	private final JsonMapper json = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

	private final LoadSheddingFilter filter = new LoadSheddingFilter(1, Duration.ZERO, this.json);

	@Test
	void aRequestBeyondTheLimitIsShedWithAProblemAndRetryAfterAndThePlaceIsFreedAfterwards() throws Exception {
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		FilterChain slow = (request, response) -> {
			entered.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			((MockHttpServletResponse) response).setStatus(200);
		};
		try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
			Future<MockHttpServletResponse> first = pool.submit(() -> run("/api/quiz/attempts/a/answers/Q1", slow));
			assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

			MockHttpServletResponse shed = run("/api/quiz/attempts/b/answers/Q1", (request, response) -> {
				throw new AssertionError("a shed request must not reach the service");
			});
			assertThat(shed.getStatus()).isEqualTo(503);
			assertThat(shed.getHeader("Retry-After")).isEqualTo("1");
			assertThat(shed.getContentType()).startsWith("application/problem+json");
			JsonNode problem = this.json.readTree(shed.getContentAsByteArray());
			assertThat(problem.get("code").asString()).isEqualTo("service.overloaded");
			assertThat(problem.get("detail").asString()).contains("thử lại sau giây lát");
			assertThat(problem.get("instance").asString()).isEqualTo("/api/quiz/attempts/b/answers/Q1");

			MockHttpServletResponse health = run("/actuator/health/liveness", (request, response) -> ((MockHttpServletResponse) response).setStatus(200));
			assertThat(health.getStatus()).as("health probes are never shed").isEqualTo(200);

			release.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.filter.inProgress() == 0);
		assertThat(run("/api/quiz/attempts/c/answers/Q1", (request, response) -> ((MockHttpServletResponse) response).setStatus(200))
			.getStatus()).isEqualTo(200);
	}

	@Test
	void aFailingRequestGivesItsPlaceBack() throws Exception {
		FilterChain failing = (request, response) -> {
			throw new IllegalStateException("boom");
		};
		for (int i = 0; i < 3; i++) {
			try {
				run("/api/x", failing);
			}
			catch (IllegalStateException expected) {
				// the failure propagates; the permit must not leak
			}
		}
		assertThat(this.filter.inProgress()).isZero();
	}

	private MockHttpServletResponse run(String uri, FilterChain chain) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", uri);
		request.setRequestURI(uri);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, chain);
		return response;
	}

}
