package vn.cchc.platform.web;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Past its limit a service answers 503 at once instead of taking every request in: real HTTP
 * through an embedded Tomcat, one place, no wait.
 */
class LoadSheddingFilterTest {

	/** As the application's mapper writes problems: properties such as {@code code} at the top level. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private final LoadSheddingFilter filter = new LoadSheddingFilter(1, Duration.ZERO, JSON);

	private final CountDownLatch entered = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private final HttpClient http = HttpClient.newHttpClient();

	private Tomcat tomcat;

	private String base;

	@BeforeEach
	void start() throws Exception {
		File dir = Files.createTempDirectory("shedding").toFile();
		this.tomcat = new Tomcat();
		this.tomcat.setBaseDir(dir.getAbsolutePath());
		this.tomcat.setPort(0);
		Context context = this.tomcat.addContext("", dir.getAbsolutePath());
		Tomcat.addServlet(context, "service", new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) {
				if (request.getRequestURI().endsWith("/slow")) {
					LoadSheddingFilterTest.this.entered.countDown();
					waitFor(LoadSheddingFilterTest.this.release);
				}
				if (request.getRequestURI().endsWith("/fail")) {
					throw new IllegalStateException("the service failed");
				}
				response.setStatus(200);
			}
		});
		context.addServletMapping("/*", "service");
		FilterDef shedding = new FilterDef();
		shedding.setFilterName("shedding");
		shedding.setFilter(this.filter);
		context.addFilterDef(shedding);
		FilterMap everything = new FilterMap();
		everything.setFilterName("shedding");
		everything.addURLPattern("/*");
		context.addFilterMap(everything);
		this.tomcat.getConnector();
		this.tomcat.start();
		this.base = "http://127.0.0.1:" + this.tomcat.getConnector().getLocalPort();
	}

	@AfterEach
	void stop() throws LifecycleException {
		this.release.countDown();
		this.tomcat.stop();
		this.tomcat.destroy();
	}

	@Test
	void aRequestBeyondTheLimitIsShedWithAProblemAndRetryAfterAndThePlaceIsFreedAfterwards() throws Exception {
		CompletableFuture<HttpResponse<String>> first = send("/api/quiz/attempts/a/slow");
		assertThat(this.entered.await(10, TimeUnit.SECONDS)).isTrue();

		HttpResponse<String> shed = send("/api/quiz/attempts/b/answers/Q1").get(10, TimeUnit.SECONDS);
		assertThat(shed.statusCode()).isEqualTo(503);
		assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(shed.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(shed.body());
		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(problem.get("code").asString()).isEqualTo("service.overloaded");
		assertThat(problem.get("detail").asString()).contains("thử lại sau giây lát");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/quiz/attempts/b/answers/Q1");

		assertThat(send("/actuator/health/liveness").get(10, TimeUnit.SECONDS).statusCode())
			.as("health probes are never shed")
			.isEqualTo(200);

		this.release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.filter.inProgress() == 0);
		assertThat(send("/api/quiz/attempts/c/answers/Q1").get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
	}

	@Test
	void aFailedRequestGivesItsPlaceBack() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(send("/api/fail").get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
		}
		assertThat(this.filter.inProgress()).isZero();
		assertThat(send("/api/ok").get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
	}

	private CompletableFuture<HttpResponse<String>> send(String path) {
		return this.http.sendAsync(HttpRequest.newBuilder(URI.create(this.base + path)).PUT(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
