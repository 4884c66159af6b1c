package vn.cchc.quiz;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;

import vn.cchc.contracts.ContestEvent.QuizSettings;
import vn.cchc.contracts.Topics;
import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ApiClient.Response;
import vn.cchc.platform.test.EmbeddedMongo;
import vn.cchc.platform.test.TestSecurityConfiguration;
import vn.cchc.platform.test.TestTokens;
import vn.cchc.platform.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several quiz-service instances on one MongoDB and one Kafka, as in production: a restart in the
 * middle of attempts, and two instances sharing the traffic of the same participants.
 */
@EmbeddedKafka(partitions = 1)
class QuizInstancesTest {

	private final List<ConfigurableApplicationContext> running = new ArrayList<>();

	private final Map<String, String> answerKey = QuizFixtures.sampleAnswerKey();

	@AfterEach
	void stopAll() {
		this.running.forEach(ConfigurableApplicationContext::close);
	}

	/** A quiz-service instance on its own random port, on the shared embedded MongoDB database {@code db}. */
	private ConfigurableApplicationContext instance(String db) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(QuizApplication.class,
				TestSecurityConfiguration.class)
			// Arguments, not default properties: they must win over the platform's defaults.
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + brokers(),
					"--spring.mongodb.uri=" + EmbeddedMongo.uri(), "--spring.mongodb.database=" + db,
					"--cchc.outbox.poll-interval=50ms", "--cchc.quiz.expiry-sweep-interval=500ms",
					"--logging.structured.format.console=", "--spring.main.banner-mode=off");
		this.running.add(context);
		return context;
	}

	private static String brokers() {
		return EmbeddedKafkaCondition.getBroker().getBrokersAsString();
	}

	private static ApiClient api(ConfigurableApplicationContext context) {
		return new ApiClient(
				"http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@SuppressWarnings("unchecked")
	private static QuizFixtures fixtures(ConfigurableApplicationContext context) {
		return new QuizFixtures(context.getBean(KafkaTemplate.class), context.getBean(Outbox.class),
				context.getBean(MongoTemplate.class));
	}

	@Test
	void aRestartInTheMiddleOfAttemptsLosesNoSavedAnswerAndTheAttemptsResumeWithTheServersTime() throws Exception {
		String db = "quiz-restart-" + UUID.randomUUID();
		ConfigurableApplicationContext first = instance(db);
		Instant now = Instant.now();
		var contest = fixtures(first).publish(now.minusSeconds(60), now.plusSeconds(3600), QuizFixtures.settings(10, 1));
		List<String> users = IntStream.range(0, 20).mapToObj(i -> "restart-" + i).toList();
		fixtures(first).enrol(contest, "civil-servant", users);

		Map<String, String> attempts = new HashMap<>();
		Map<String, Map<String, String>> saved = new HashMap<>();
		Map<String, Instant> deadlines = new HashMap<>();
		Map<String, List<JsonNode>> questions = new HashMap<>();
		for (String user : users) {
			String token = TestTokens.token(user, "citizen");
			JsonNode attempt = api(first).post("/api/quiz/rounds/" + contest.roundId() + "/attempts", token, null).json();
			String attemptId = attempt.get("attemptId").asString();
			attempts.put(user, attemptId);
			deadlines.put(user, Instant.parse(attempt.get("deadline").asString()));
			List<JsonNode> qs = new ArrayList<>();
			attempt.get("questions").forEach(qs::add);
			questions.put(user, qs);
			Map<String, String> mine = new HashMap<>();
			for (JsonNode q : qs.subList(0, 6)) {
				String option = randomOption(q);
				assertThat(api(first).put("/api/quiz/attempts/" + attemptId + "/answers/" + q.get("id").asString(), token,
						"{\"option\":\"" + option + "\"}").status()).isEqualTo(200);
				mine.put(q.get("id").asString(), option);
			}
			saved.put(user, mine);
		}

		first.close();
		ConfigurableApplicationContext second = instance(db);

		Set<String> attemptIds = new HashSet<>(attempts.values());
		Map<String, Integer> expected = new HashMap<>();
		for (String user : users) {
			String token = TestTokens.token(user, "citizen");
			String attemptId = attempts.get(user);
			Response resumed = api(second).post("/api/quiz/rounds/" + contest.roundId() + "/attempts", token, null);
			assertThat(resumed.status()).as("the open attempt is resumed, not restarted").isEqualTo(200);
			JsonNode view = resumed.json();
			assertThat(view.get("attemptId").asString()).isEqualTo(attemptId);
			Map<String, String> stored = new HashMap<>();
			view.get("answers").properties().forEach(e -> stored.put(e.getKey(), e.getValue().asString()));
			assertThat(stored).as("answers of %s saved before the restart", user).isEqualTo(saved.get(user));
			Instant deadline = Instant.parse(view.get("deadline").asString());
			Instant serverTime = Instant.parse(view.get("serverTime").asString());
			assertThat(deadline).as("the deadline is the server's, unchanged by the restart").isEqualTo(deadlines.get(user));
			assertThat(Duration.between(serverTime, deadline)).isPositive().isLessThan(Duration.ofSeconds(900));
			Map<String, String> all = new HashMap<>(saved.get(user));
			for (JsonNode q : questions.get(user).subList(6, 10)) {
				String option = randomOption(q);
				assertThat(api(second).put("/api/quiz/attempts/" + attemptId + "/answers/" + q.get("id").asString(), token,
						"{\"option\":\"" + option + "\"}").status()).isEqualTo(200);
				all.put(q.get("id").asString(), option);
			}
			int correct = score(all);
			expected.put(attemptId, correct);
			Response submitted = api(second).post("/api/quiz/attempts/" + attemptId + "/submit", token, "{}");
			assertThat(submitted.json().get("correctCount").asInt()).isEqualTo(correct);
		}

		Map<String, Set<String>> eventIds = submittedEvents(attemptIds);
		assertThat(eventIds).hasSize(users.size());
		assertThat(eventIds.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
		assertThat(second.getBean(MongoTemplate.class)
			.count(Query.query(Criteria.where("roundId").is(contest.roundId())), Attempt.class)).isEqualTo(users.size());
	}

	@Test
	void twoInstancesShareTheParticipantsWithoutADoubleAttemptOrADoubleCount() throws Exception {
		String db = "quiz-two-" + UUID.randomUUID();
		ConfigurableApplicationContext a = instance(db);
		ConfigurableApplicationContext b = instance(db);
		List<ApiClient> both = List.of(api(a), api(b));
		Instant now = Instant.now();
		QuizSettings settings = new QuizSettings("cchc-mau", 10, 900, 2, "best", true, false, Map.of(), "round", null,
				"after-submit");
		var contest = fixtures(a).publish(now.minusSeconds(60), now.plusSeconds(3600), settings);
		List<String> users = IntStream.range(0, 30).mapToObj(i -> "pair-" + i).toList();
		fixtures(b).enrol(contest, "citizen", users);
		MongoTemplate mongo = a.getBean(MongoTemplate.class);

		Set<String> attemptIds = new HashSet<>();
		// Eight participants at a time (each with four simultaneous starts): enough to race, few
		// enough connections for a loaded two-core machine.
		try (var pool = Executors.newFixedThreadPool(8)) {
			List<Future<String>> takes = new ArrayList<>();
			for (String user : users) {
				takes.add(pool.submit(() -> takeOnBoth(both, contest.roundId(), user)));
			}
			for (Future<String> take : takes) {
				attemptIds.add(take.get());
			}
		}
		assertThat(attemptIds).hasSize(users.size());
		for (String user : users) {
			assertThat(mongo.count(Query.query(Criteria.where("roundId").is(contest.roundId())
				.and("participantId").is(QuizFixtures.participantId(contest, user))), Attempt.class))
				.as("concurrent starts on two instances open one attempt for %s", user).isEqualTo(1);
		}
		Map<String, Set<String>> eventIds = submittedEvents(attemptIds);
		assertThat(eventIds).hasSize(users.size());
		assertThat(eventIds.values()).as("each attempt is submitted (and counted) once").allSatisfy(ids -> assertThat(ids).hasSize(1));
	}

	/** Four simultaneous starts split over both instances, answers alternating, two simultaneous submits. */
	private String takeOnBoth(List<ApiClient> both, String roundId, String user) throws Exception {
		String token = TestTokens.token(user, "citizen");
		List<Callable<Response>> starts = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ApiClient api = both.get(i % 2);
			starts.add(() -> api.post("/api/quiz/rounds/" + roundId + "/attempts", token, null));
		}
		Set<String> ids = new HashSet<>();
		JsonNode attempt = null;
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Future<Response> start : pool.invokeAll(starts)) {
				Response response = start.get();
				assertThat(response.status()).as(response.body()).isIn(200, 201);
				attempt = response.json();
				ids.add(attempt.get("attemptId").asString());
			}
		}
		assertThat(ids).as("one attempt for %s", user).hasSize(1);
		String attemptId = ids.iterator().next();
		Map<String, String> answers = new HashMap<>();
		int i = 0;
		for (JsonNode q : attempt.get("questions")) {
			String option = randomOption(q);
			String path = "/api/quiz/attempts/" + attemptId + "/answers/" + q.get("id").asString();
			assertThat(both.get(i % 2).put(path, token, "{\"option\":\"" + option + "\"}").status()).isEqualTo(200);
			// The resend lands on the other instance.
			assertThat(both.get((i + 1) % 2).put(path, token, "{\"option\":\"" + option + "\"}").status()).isEqualTo(200);
			answers.put(q.get("id").asString(), option);
			i++;
		}
		List<Callable<Response>> submits = List.of(
				() -> both.get(0).post("/api/quiz/attempts/" + attemptId + "/submit", token, "{\"prediction\":7}"),
				() -> both.get(1).post("/api/quiz/attempts/" + attemptId + "/submit", token, "{\"prediction\":7}"));
		int expected = score(answers);
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Future<Response> submit : pool.invokeAll(submits)) {
				assertThat(submit.get().json().get("correctCount").asInt()).isEqualTo(expected);
			}
		}
		return attemptId;
	}

	private int score(Map<String, String> answers) {
		return (int) answers.entrySet().stream().filter(e -> e.getValue().equals(this.answerKey.get(e.getKey()))).count();
	}

	private static String randomOption(JsonNode question) {
		JsonNode options = question.get("options");
		return options.get(ThreadLocalRandom.current().nextInt(options.size())).get("key").asString();
	}

	/** The distinct event ids of attempt-submitted per attempt, read from Kafka as an outsider. */
	private static Map<String, Set<String>> submittedEvents(Set<String> attemptIds) {
		// Both relays may publish the same event (same id) before either removes it, so records are
		// read until every attempt has one, not until as many records as attempts arrived.
		Map<String, Set<String>> ids = new HashMap<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
		int wanted = attemptIds.size();
		while (ids.size() < attemptIds.size() && System.nanoTime() < deadline) {
			List<ConsumerRecord<String, byte[]>> records = TopicReader.read(brokers(), Topics.ATTEMPTS,
					r -> attemptIds.contains(r.key())
							&& "vn.cchc.quiz.attempt-submitted.v1".equals(TopicReader.header(r, "ce_type")),
					wanted, Duration.ofSeconds(15));
			ids.clear();
			for (ConsumerRecord<String, byte[]> record : records) {
				ids.computeIfAbsent(record.key(), k -> new HashSet<>()).add(TopicReader.header(record, "ce_id"));
			}
			wanted = records.size() + (attemptIds.size() - ids.size());
		}
		return ids;
	}

}
