package vn.cchc.quiz;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;





import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import vn.cchc.contracts.ContestEvent.QuizSettings;
import vn.cchc.contracts.Topics;

import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ApiClient.Response;

import vn.cchc.platform.test.TestTokens;
import vn.cchc.platform.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A province-sized burst in miniature: 1,000 participants enrolled by events start at once, save
 * their answers concurrently with resends and changes of mind, and submit (some twice at once).
 * Scores are recomputed here from the bank file itself, not from the service.
 */
class QuizConcurrencyTest extends QuizTestSupport {

	static final int PARTICIPANTS = 1_000;

	static final int IN_FLIGHT = 48;

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** What one simulated participant was told by the server. */
	record Outcome(String user, String attemptId, Map<String, String> acknowledged, int reportedCorrect,
			Set<String> startIds) {
	}

	@Test
	void everyAcknowledgedAnswerIsStoredAndEveryScoreMatchesAnIndependentCount() throws Exception {
		var fixtures = new QuizFixtures(this.kafka, this.outbox, this.mongo);
		Instant now = Instant.now();
		QuizSettings settings = new QuizSettings("cchc-mau", 10, 900, 1, "first", true, true, Map.of(), "round", null,
				"after-submit");
		var contest = fixtures.publish(now.minusSeconds(60), now.plusSeconds(3600), settings);
		List<String> users = IntStream.range(0, PARTICIPANTS).mapToObj(i -> "burst-" + i + "-" + contest.roundId().substring(0, 8)).toList();
		fixtures.enrol(contest, "citizen", users);
		Map<String, String> answerKey = QuizFixtures.sampleAnswerKey();
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port);
		Semaphore inFlight = new Semaphore(IN_FLIGHT);

		long began = System.nanoTime();
		List<Outcome> outcomes = new ArrayList<>();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Outcome>> futures = new ArrayList<>();
			for (String user : users) {
				futures.add(pool.submit(() -> take(api, inFlight, contest.roundId(), user)));
			}
			for (Future<Outcome> f : futures) {
				outcomes.add(f.get());
			}
		}

		System.err.printf("%d participants took the quiz in %d ms%n", PARTICIPANTS, (System.nanoTime() - began) / 1_000_000);
		Set<String> attemptIds = new HashSet<>();
		for (Outcome outcome : outcomes) {
			assertThat(outcome.startIds()).as("simultaneous starts of %s open one attempt", outcome.user()).hasSize(1);
			attemptIds.add(outcome.attemptId());
			Attempt stored = this.mongo.findById(outcome.attemptId(), Attempt.class);
			assertThat(stored.answers()).as("every acknowledged answer of %s is stored", outcome.user())
				.isEqualTo(outcome.acknowledged());
			int expected = (int) outcome.acknowledged().entrySet().stream()
				.filter(a -> a.getValue().equals(answerKey.get(a.getKey())))
				.count();
			assertThat(stored.status()).isEqualTo(Attempt.Status.SUBMITTED);
			assertThat(stored.correctCount()).as("stored score of %s", outcome.user()).isEqualTo(expected);
			assertThat(outcome.reportedCorrect()).as("score shown to %s", outcome.user()).isEqualTo(expected);
		}
		assertThat(attemptIds).hasSize(PARTICIPANTS);
		assertThat(this.mongo.count(Query.query(Criteria.where("roundId").is(contest.roundId())), Attempt.class))
			.isEqualTo(PARTICIPANTS);

		List<ConsumerRecord<String, byte[]>> submitted = TopicReader.read(this.brokers, Topics.ATTEMPTS,
				r -> attemptIds.contains(r.key())
						&& "vn.cchc.quiz.attempt-submitted.v1".equals(TopicReader.header(r, "ce_type")),
				PARTICIPANTS, Duration.ofSeconds(60));
		Map<String, Integer> eventsPerAttempt = new HashMap<>();
		Map<String, Integer> correctInEvents = new HashMap<>();
		for (ConsumerRecord<String, byte[]> record : submitted) {
			eventsPerAttempt.merge(record.key(), 1, Integer::sum);
			correctInEvents.put(record.key(), JSON.readTree(record.value()).get("correctCount").asInt());
		}
		assertThat(eventsPerAttempt).hasSize(PARTICIPANTS);
		assertThat(eventsPerAttempt.values()).as("exactly one attempt-submitted per attempt").containsOnly(1);
		for (Outcome outcome : outcomes) {
			assertThat(correctInEvents.get(outcome.attemptId())).isEqualTo(outcome.reportedCorrect());
		}
	}

	/**
	 * One participant: two simultaneous starts, all answers sent at once (a third of them twice),
	 * some changes of mind, a few questions left blank, then a submit (every fifth one twice at once).
	 */
	private Outcome take(ApiClient api, Semaphore inFlight, String roundId, String user) throws Exception {
		String token = TestTokens.token(user, "citizen");
		ThreadLocalRandom random = ThreadLocalRandom.current();
		Set<String> startIds = ConcurrentHashMap.newKeySet();
		JsonNode attempt;
		try (var mine = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Response>> starts = List.of(
					mine.submit(() -> call(inFlight, () -> api.post("/api/quiz/rounds/" + roundId + "/attempts", token, null))),
					mine.submit(() -> call(inFlight, () -> api.post("/api/quiz/rounds/" + roundId + "/attempts", token, null))));
			attempt = null;
			for (Future<Response> start : starts) {
				Response response = start.get();
				assertThat(response.status()).as(response.body()).isIn(200, 201);
				attempt = response.json();
				startIds.add(attempt.get("attemptId").asString());
			}
		}
		String attemptId = attempt.get("attemptId").asString();
		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		List<JsonNode> questions = new ArrayList<>();
		attempt.get("questions").forEach(questions::add);
		try (var mine = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> saves = new ArrayList<>();
			for (JsonNode question : questions) {
				if (random.nextInt(10) == 0) {
					continue;
				}
				String questionId = question.get("id").asString();
				JsonNode options = question.get("options");
				String option = options.get(random.nextInt(options.size())).get("key").asString();
				int copies = random.nextInt(3) == 0 ? 2 : 1;
				for (int c = 0; c < copies; c++) {
					saves.add(mine.submit(() -> {
						Response saved = call(inFlight, () -> api.put("/api/quiz/attempts/" + attemptId + "/answers/" + questionId,
								token, "{\"option\":\"" + option + "\"}"));
						assertThat(saved.status()).as(saved.body()).isEqualTo(200);
						acknowledged.put(questionId, option);
						return null;
					}));
				}
			}
			for (Future<?> save : saves) {
				save.get();
			}
		}
		for (JsonNode question : questions) {
			String questionId = question.get("id").asString();
			if (acknowledged.containsKey(questionId) && random.nextInt(5) == 0) {
				JsonNode options = question.get("options");
				String changed = options.get(random.nextInt(options.size())).get("key").asString();
				Response saved = call(inFlight, () -> api.put("/api/quiz/attempts/" + attemptId + "/answers/" + questionId,
						token, "{\"option\":\"" + changed + "\"}"));
				assertThat(saved.status()).isEqualTo(200);
				acknowledged.put(questionId, changed);
			}
		}
		int submits = random.nextInt(5) == 0 ? 2 : 1;
		Set<Integer> reported = ConcurrentHashMap.newKeySet();
		try (var mine = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> sent = new ArrayList<>();
			for (int s = 0; s < submits; s++) {
				sent.add(mine.submit(() -> {
					Response done = call(inFlight, () -> api.post("/api/quiz/attempts/" + attemptId + "/submit", token, "{}"));
					assertThat(done.status()).as(done.body()).isEqualTo(200);
					reported.add(done.json().get("correctCount").asInt());
					return null;
				}));
			}
			for (Future<?> f : sent) {
				f.get();
			}
		}
		assertThat(reported).as("both submits report the same score").hasSize(1);
		return new Outcome(user, attemptId, Map.copyOf(acknowledged), reported.iterator().next(), startIds);
	}

	private static Response call(Semaphore inFlight, java.util.function.Supplier<Response> request) throws InterruptedException {
		inFlight.acquire();
		try {
			return request.get();
		}
		finally {
			inFlight.release();
		}
	}

}
