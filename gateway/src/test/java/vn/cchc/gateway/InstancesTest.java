package vn.cchc.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
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
 * The quiz route spread over instances ({@code cchc.gateway.instances.quiz}): every request
 * reaches exactly one instance, the instances take turns, and a stopped instance costs at most
 * one 503 before it is left out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cchc.gateway.rate-limit.per-user.burst=10000")
@AutoConfigureWebTestClient
class InstancesTest {

	static final StubBackend backend = StubBackend.shared();

	static final CountingInstance first = new CountingInstance("a");

	static final CountingInstance second = new CountingInstance("b");

	static final CountingInstance third = new CountingInstance("c");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		for (String service : List.of("registration", "quiz", "submission", "judging", "awards")) {
			registry.add("cchc.gateway.services." + service, backend::baseUrl);
		}
		registry.add("cchc.gateway.instances.quiz", () -> first.url() + "," + second.url());
		registry.add("cchc.gateway.instances.judging", () -> third.url() + "," + StubBackend.deadUrl());
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", backend::jwksUrl);
	}

	@AfterAll
	static void stop() {
		first.server.stop(0);
		second.server.stop(0);
		third.server.stop(0);
	}

	@Autowired
	WebTestClient client;

	@Test
	void two_instances_share_the_requests_and_each_request_reaches_exactly_one() {
		int before = first.total() + second.total();
		String token = backend.token("citizen-instances");
		for (int i = 0; i < 100; i++) {
			this.client.put()
				.uri("/api/quiz/attempts/a-{i}/answers/q1?x={x}", i, "đ")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"option\":\"B\"}")
				.exchange()
				.expectStatus()
				.isOk();
		}
		assertThat(first.total() + second.total() - before).isEqualTo(100);
		assertThat(first.total()).isGreaterThanOrEqualTo(45);
		assertThat(second.total()).isGreaterThanOrEqualTo(45);
		for (int i = 0; i < 100; i++) {
			String path = "/api/quiz/attempts/a-" + i + "/answers/q1";
			assertThat(first.count(path) + second.count(path)).as(path).isEqualTo(1);
		}
		// Path, query and body arrive unchanged (still encoded).
		assertThat(first.lastQuery.get() + second.lastQuery.get()).contains("x=%C4%91");
		assertThat(backend.lastRequestTo("/api/quiz/attempts/a-0/answers/q1")).isEmpty();
	}

	@Test
	void an_instance_that_refuses_connections_costs_at_most_one_503_then_is_left_out() {
		int failures = 0;
		for (int i = 0; i < 20; i++) {
			int status = this.client.get()
				.uri("/api/judging/ping-{i}", i)
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
			if (status == 503) {
				failures++;
			}
			else {
				assertThat(status).isEqualTo(200);
			}
		}
		assertThat(failures).isLessThanOrEqualTo(1);
		assertThat(third.total()).isGreaterThanOrEqualTo(19);
	}

	/** A backend instance that counts the requests reaching it, per path. */
	static final class CountingInstance {

		final HttpServer server;

		final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();

		final AtomicReference<String> lastQuery = new AtomicReference<>("");

		CountingInstance(String name) {
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			this.server.createContext("/api/", exchange -> {
				exchange.getRequestBody().readAllBytes();
				this.byPath.computeIfAbsent(exchange.getRequestURI().getRawPath(), p -> new AtomicInteger())
					.incrementAndGet();
				if (exchange.getRequestURI().getRawQuery() != null) {
					this.lastQuery.set(exchange.getRequestURI().getRawQuery());
				}
				byte[] body = ("{\"instance\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (var out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

		int count(String path) {
			AtomicInteger n = this.byPath.get(path);
			return n == null ? 0 : n.get();
		}

		int total() {
			return this.byPath.values().stream().mapToInt(AtomicInteger::get).sum();
		}

	}

}
