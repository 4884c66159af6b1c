package vn.cchc.local;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two quiz-service instances behind the gateway, for real (the launcher's
 * {@code --quiz-instances=2}: separate processes sharing one MongoDB and one Kafka consumer
 * group, real Keycloak tokens): the gateway spreads requests over both, and concurrent starts and
 * submits that land on different instances still give one attempt per participant and one
 * counted submission per attempt.
 *
 * <p>
 * Runs in {@code ./mvnw verify} (failsafe, after {@code package}, when the services' jars and the
 * Keycloak distribution exist); skipped otherwise, e.g. with {@code -pl local}.
 */
class QuizInstancesIT {

	private static final Path MODULE_DIR = Path.of(System.getProperty("user.dir")).toAbsolutePath();

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final int CITIZENS = 10;

	private static final String PASSWORD = "cchc-instances-1";

	@Test
	void twoQuizInstancesShareTheRequestsAndCountEachParticipantOnce() throws Exception {
		Path root = MODULE_DIR.getParent();
		StackLayout layout = new StackLayout(root, MODULE_DIR.resolve("target/quiz-instances-it"));
		for (String module : List.of("registration-service", "quiz-service", "gateway")) {
			assumeTrue(Files.isRegularFile(layout.executableJar(module)), "built jar of " + module);
		}
		assumeTrue(Files.isRegularFile(layout.keycloakDistribution().resolve("bin/kc.sh")), "Keycloak distribution");
		KeycloakServer.deleteRecursively(layout.dataDir());
		int offset = Integer.parseInt(System.getProperty("cchc.it.port-offset", "650"));

		try (LocalStack stack = LocalStack.builder()
			.projectDir(root)
			.dataDir(layout.dataDir())
			.portOffset(offset)
			.seedDemo(false)
			.services(Service.REGISTRATION, Service.QUIZ)
			.quizInstances(2)
			.progress(message -> System.out.println("[quiz-instances-it] " + message))
			.build()) {
			stack.start();
			Client gateway = new Client(stack, stack.gatewayUrl());
			List<Client> instances = stack.quizInstanceUrls().stream().map(url -> new Client(stack, url)).toList();
			assertThat(instances).hasSize(2);

			String organizer = stack.passwordToken("organizer", "cchc-demo");
			Round round = publishedRound(gateway, organizer);
			String roundId = round.roundId();
			List<String> citizens = createCitizens(stack);
			Map<String, String> tokens = new HashMap<>();
			for (String citizen : citizens) {
				tokens.put(citizen, stack.passwordToken(citizen, PASSWORD));
			}
			String contestId = round.contestId();
			for (String citizen : citizens) {
				Answer enrolled = gateway.post("/api/registration/contests/" + contestId + "/enrolments",
						tokens.get(citizen), "{\"fullName\":\"Thí sinh " + citizen
								+ "\",\"category\":\"citizen\",\"unitCode\":\"BS-KP1\"}");
				assertThat(enrolled.status()).as("enrol %s: %s", citizen, enrolled).isEqualTo(201);
			}

			// Concurrent starts: per citizen six at once, two through the gateway and two straight to each instance.
			Map<String, String> attempts = new HashMap<>();
			Map<String, JsonNode> views = new HashMap<>();
			try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
				for (String citizen : citizens) {
					List<Client> targets = List.of(gateway, gateway, instances.get(0), instances.get(0), instances.get(1),
							instances.get(1));
					List<Answer> answers = burstUntilKnown(pool, targets, "/api/quiz/rounds/" + roundId + "/attempts",
							tokens.get(citizen), "{}");
					Set<String> ids = new HashSet<>();
					int created = 0;
					for (Answer answer : answers) {
						assertThat(answer.status()).as("start %s: %s", citizen, answer).isIn(200, 201);
						ids.add(answer.json().path("attemptId").asString());
						created += answer.status() == 201 ? 1 : 0;
					}
					assertThat(ids).as("one active attempt for %s", citizen).hasSize(1);
					assertThat(created).as("one attempt created for %s", citizen).isEqualTo(1);
					attempts.put(citizen, ids.iterator().next());
					views.put(citizen, answers.getFirst().json());
				}

				// The gateway alternates between the instances: 20 reads, 10 on each.
				String someone = citizens.getFirst();
				Map<Integer, Double> before = readsPerInstance(instances);
				for (int i = 0; i < 20; i++) {
					Answer read = gateway.get("/api/quiz/attempts/" + attempts.get(someone), tokens.get(someone));
					assertThat(read.status()).as("%s", read).isEqualTo(200);
				}
				Map<Integer, Double> after = readsPerInstance(instances);
				double first = after.get(0) - before.get(0);
				double second = after.get(1) - before.get(1);
				assertThat(first + second).isEqualTo(20.0);
				assertThat(first).isEqualTo(10.0);
				assertThat(second).isEqualTo(10.0);

				// Answers through the gateway, each resent straight to the other instance (idempotent).
				for (String citizen : citizens) {
					int q = 0;
					for (JsonNode question : views.get(citizen).path("questions")) {
						String option = question.path("options").get(q++ % question.path("options").size()).path("key")
							.asString();
						String path = "/api/quiz/attempts/" + attempts.get(citizen) + "/answers/"
								+ question.path("id").asString();
						String body = "{\"option\":\"" + option + "\"}";
						assertThat(gateway.put(path, tokens.get(citizen), body).status()).isEqualTo(200);
						assertThat(instances.get(q % 2).put(path, tokens.get(citizen), body).status()).isEqualTo(200);
					}
				}

				// Concurrent submits on both instances: one result.
				for (String citizen : citizens) {
					List<Client> targets = List.of(gateway, gateway, instances.get(0), instances.get(1));
					List<Answer> answers = burst(pool, targets, "/api/quiz/attempts/" + attempts.get(citizen) + "/submit",
							tokens.get(citizen), "{}");
					Set<Integer> correct = new HashSet<>();
					for (Answer answer : answers) {
						assertThat(answer.status()).as("submit %s: %s", citizen, answer).isEqualTo(200);
						assertThat(answer.json().path("status").asString()).isEqualTo("submitted");
						assertThat(answer.json().path("answers").size()).isEqualTo(10);
						correct.add(answer.json().path("correctCount").asInt());
					}
					assertThat(correct).as("one score for %s", citizen).hasSize(1);
				}
			}

			// Exactly one attempt-submitted event (by event id) per attempt on the topic.
			Map<String, Set<String>> submittedEvents = submittedEventIds(stack, Set.copyOf(attempts.values()));
			for (String attemptId : attempts.values()) {
				assertThat(submittedEvents.getOrDefault(attemptId, Set.of())).as("submitted events of %s", attemptId)
					.hasSize(1);
			}
		}
	}

	record Round(String contestId, String roundId) {
	}

	private static Round publishedRound(Client gateway, String organizer) throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		ObjectNode body = JSON.createObjectNode();
		body.put("title", "Hội thi kiểm thử hai phiên bản quiz " + UUID.randomUUID());
		body.put("organizer", "UBND phường Bồng Sơn");
		body.put("timeZone", "Asia/Ho_Chi_Minh");
		body.putArray("units")
			.addObject()
			.put("code", "BS-KP1")
			.put("name", "Khu phố 1")
			.put("group", "khu-pho")
			.put("headcount", 0);
		ObjectNode round = body.putArray("rounds").addObject();
		round.put("kind", "quiz");
		round.put("title", "Vòng thi trắc nghiệm");
		round.put("opensAt", now.minus(1, ChronoUnit.HOURS).toString());
		round.put("closesAt", now.plus(1, ChronoUnit.DAYS).toString());
		ObjectNode quiz = round.putObject("quiz");
		quiz.put("bankCode", "cchc-mau");
		quiz.put("questionCount", 10);
		quiz.put("timeLimitSeconds", 900);
		quiz.put("attemptsAllowed", 1);
		quiz.put("counting", "first");
		Answer created = gateway.post("/api/registration/contests", organizer, JSON.writeValueAsString(body));
		assertThat(created.status()).as("create contest: %s", created).isEqualTo(201);
		String id = created.json().path("id").asString();
		Answer published = gateway.post("/api/registration/contests/" + id + "/publish", organizer, "{}");
		assertThat(published.status()).as("publish: %s", published).isEqualTo(200);
		return new Round(id, created.json().path("rounds").get(0).path("roundId").asString());
	}

	/** Citizens with a password, through Keycloak's Admin API (partial import). */
	private static List<String> createCitizens(LocalStack stack) throws Exception {
		String admin = tokenResponse(stack, "master", "admin-cli", "admin", "cchc-demo");
		String prefix = "it-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
		ObjectNode body = JSON.createObjectNode();
		body.put("ifResourceExists", "SKIP");
		ArrayNode users = body.putArray("users");
		List<String> names = new ArrayList<>();
		for (int i = 0; i < CITIZENS; i++) {
			String name = prefix + "-" + i;
			names.add(name);
			ObjectNode user = users.addObject();
			user.put("username", name);
			user.put("enabled", true);
			user.put("email", name + "@example.org");
			user.put("emailVerified", true);
			user.put("firstName", "Thí sinh");
			user.put("lastName", Integer.toString(i));
			user.putArray("realmRoles").add("citizen");
			ObjectNode credential = user.putArray("credentials").addObject();
			credential.put("type", "password");
			credential.put("value", PASSWORD);
			credential.put("temporary", false);
		}
		HttpResponse<String> imported = stack.http()
			.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/admin/realms/cchc/partialImport"))
				.timeout(Duration.ofSeconds(120))
				.header("Authorization", "Bearer " + admin)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		return names;
	}

	private static String tokenResponse(LocalStack stack, String realm, String client, String user, String password)
			throws Exception {
		String form = "grant_type=password&client_id=" + client + "&username=" + user + "&password=" + password;
		HttpResponse<String> response = stack.http()
			.send(HttpRequest
				.newBuilder(URI.create(stack.keycloakUrl() + "/realms/" + realm + "/protocol/openid-connect/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).path("access_token").asString();
	}

	/**
	 * Sends the same POST to every target at once; repeats while the quiz service does not yet know
	 * the round or the enrolment (they arrive through Kafka), as a participant reloading would.
	 */
	private static List<Answer> burstUntilKnown(ExecutorService pool, List<Client> targets, String path, String token,
			String body) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			List<Answer> answers = burst(pool, targets, path, token, body);
			boolean unknown = answers.stream().allMatch(a -> a.status() == 403 || a.status() == 404);
			if (!unknown || System.nanoTime() > deadline) {
				return answers;
			}
			Thread.sleep(500);
		}
	}

	private static List<Answer> burst(ExecutorService pool, List<Client> targets, String path, String token,
			String body) throws Exception {
		List<Callable<Answer>> calls = new ArrayList<>();
		for (Client target : targets) {
			calls.add(() -> target.post(path, token, body));
		}
		List<Answer> answers = new ArrayList<>();
		for (Future<Answer> future : pool.invokeAll(calls)) {
			answers.add(future.get());
		}
		return answers;
	}

	/** GET /api/quiz/attempts/{id} served so far by each instance, from its Prometheus endpoint. */
	private static Map<Integer, Double> readsPerInstance(List<Client> instances) throws Exception {
		Pattern line = Pattern.compile("^http_server_requests_seconds_count\\{(.*)\\} ([0-9.eE+]+)$",
				Pattern.MULTILINE);
		Map<Integer, Double> reads = new HashMap<>();
		for (int i = 0; i < instances.size(); i++) {
			Answer metrics = instances.get(i).metrics();
			assertThat(metrics.status()).isEqualTo(200);
			double sum = 0;
			Matcher m = line.matcher(metrics.body());
			while (m.find()) {
				String labels = m.group(1);
				if (labels.contains("method=\"GET\"") && labels.contains("uri=\"/api/quiz/attempts/{id}\"")) {
					sum += Double.parseDouble(m.group(2));
				}
			}
			reads.put(i, sum);
		}
		return reads;
	}

	/** Event ids of attempt-submitted events per attempt (record key), read until every attempt has one. */
	private static Map<String, Set<String>> submittedEventIds(LocalStack stack, Set<String> attemptIds) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "quiz-instances-it-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		Map<String, Set<String>> events = new HashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of("quiz.attempts.v1"));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			long quietUntil = 0;
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					String type = header(record, "ce_type");
					if (type != null && type.contains("attempt-submitted") && attemptIds.contains(record.key())) {
						events.computeIfAbsent(record.key(), k -> new HashSet<>()).add(header(record, "ce_id"));
					}
				}
				if (events.keySet().containsAll(attemptIds)) {
					// Everything arrived; keep reading a little longer so a late duplicate would be seen too.
					if (quietUntil == 0) {
						quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
					}
					else if (System.nanoTime() > quietUntil) {
						break;
					}
				}
			}
		}
		return events;
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	record Answer(int status, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	/** Calls one base URL (the gateway or one instance) with a bearer token. */
	static final class Client {

		private final LocalStack stack;

		private final String base;

		Client(LocalStack stack, String base) {
			this.stack = stack;
			this.base = base;
		}

		Answer get(String path, String token) throws Exception {
			return send(request(path, token).GET());
		}

		Answer metrics() throws Exception {
			return send(HttpRequest.newBuilder(URI.create(this.base + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "text/plain")
				.GET());
		}

		Answer post(String path, String token, String body) throws Exception {
			return send(request(path, token).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		Answer put(String path, String token, String body) throws Exception {
			return send(request(path, token).header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(body)));
		}

		private HttpRequest.Builder request(String path, String token) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json");
			return token == null ? request : request.header("Authorization", "Bearer " + token);
		}

		private Answer send(HttpRequest.Builder request) throws Exception {
			HttpResponse<String> response = this.stack.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}

	}

}
