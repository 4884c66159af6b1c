package vn.cchc.awards;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;





import vn.cchc.contracts.AttemptEvent.AttemptStarted;
import vn.cchc.contracts.AttemptEvent.AttemptSubmitted;
import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.ContestEvent.Prediction;
import vn.cchc.contracts.ContestEvent.QuizSettings;
import vn.cchc.contracts.ContestEvent.Round;
import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.contracts.UnitEvent.UnitRegistered;

import vn.cchc.platform.test.ApiClient;

import vn.cchc.platform.test.TestEvents;
import vn.cchc.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard stream pushes a new view within 2 s of each event; the all-correct count (the
 * answer to the open prediction question) reaches organisers only.
 */
class DashboardStreamTest extends AwardsTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Reads an SSE stream on a background thread into a queue of parsed "dashboard" events. */
	BlockingQueue<JsonNode> subscribe(String contest, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/awards/contests/" + contest + "/dashboard/stream"))
			.header("Accept", "text/event-stream");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
		BlockingQueue<JsonNode> views = new LinkedBlockingQueue<>();
		Thread.ofVirtual().start(() -> {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.startsWith("data:")) {
						views.add(JSON.readTree(line.substring(5)));
					}
				}
			}
			catch (Exception ex) {
				// the stream ends with the test
			}
		});
		return views;
	}

	static JsonNode next(BlockingQueue<JsonNode> views, Predicate<JsonNode> wanted, Duration within) throws Exception {
		long end = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < end) {
			JsonNode view = views.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (view != null && wanted.test(view)) {
				return view;
			}
		}
		throw new AssertionError("No dashboard view matched within " + within);
	}

	@Autowired
	DashboardStream stream;

	@Test
	void open_streams_end_when_the_service_shuts_down() throws Exception {
		// Graceful shutdown waits for open requests; an event stream left open held every stop for 30 s.
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/awards/contests/ending-"
					+ UUID.randomUUID() + "/dashboard/stream")).header("Accept", "text/event-stream").build(),
					HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<Integer> ended = reader.submit(() -> {
				try (InputStream body = response.body()) {
					return body.readAllBytes().length;
				}
			});
			Thread.sleep(300);
			assertThat(ended.isDone()).as("still streaming before the shutdown").isFalse();

			this.stream.endStreams();

			assertThat(ended.get(5, TimeUnit.SECONDS)).as("the stream ended with its first frame sent").isPositive();
		}
	}

	@Test
	void the_stream_moves_within_two_seconds_and_hides_the_prediction_answer_from_the_public() throws Exception {
		String contest = "dash-" + UUID.randomUUID();
		Instant now = Instant.now();
		TestEvents.publish(this.kafka, this.outbox,
				new ContestPublished(contest, "Hội thi trực tuyến", "Sở Nội vụ", "Asia/Ho_Chi_Minh", 1,
						List.of(new Round("r", "quiz", "Vòng 1", now.minusSeconds(3600), now.plusSeconds(86_400),
								new QuizSettings("b", 10, 600, 1, "first", false, false, Map.of(), "round",
										new Prediction("Bao nhiêu người trả lời đúng tất cả?", "all-correct"), null))),
						null, null, null, List.of(), null),
				new UnitRegistered(contest, "SNV", "Sở Nội vụ", "so-nganh", 2),
				new UnitRegistered(contest, "STP", "Sở Tư pháp", "so-nganh", 4),
				new ParticipantEnrolled(contest, "p1", "u1", "Nguyễn Văn Một", "civil-servant", "SNV", now),
				new ParticipantEnrolled(contest, "p2", "u2", "Trần Thị Hai", "civil-servant", "SNV", now));
		BlockingQueue<JsonNode> organiser = subscribe(contest, TestTokens.token("snv", "organizer"));
		BlockingQueue<JsonNode> visitor = subscribe(contest, null);
		next(visitor, v -> v.get("enrolled").asInt() == 2, Duration.ofSeconds(20));

		// Event times as the quiz-service stamps them; whole milliseconds, as MongoDB keeps them.
		Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		TestEvents.publish(this.kafka, this.outbox,
				new AttemptStarted(contest, "r", "a1", "p1", "u1", startedAt, startedAt.plusSeconds(600)));
		long started = System.nanoTime();
		JsonNode inProgress = next(visitor, v -> v.get("inProgress").asInt() == 1, Duration.ofSeconds(2));
		long startedMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(Instant.parse(inProgress.get("lastEventAt").asString())).as("the newest event's own time")
			.isEqualTo(startedAt);

		Instant submittedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
		publish(new AttemptSubmitted(contest, "r", "a1", "p1", "u1", 10, 10, 90_000, 3L,
				submittedAt, false, "civil-servant", null));
		long submitted = System.nanoTime();
		JsonNode seen = next(visitor, v -> v.get("submitted").asInt() == 1, Duration.ofSeconds(2));
		long submittedMillis = (System.nanoTime() - submitted) / 1_000_000;
		assertThat(Instant.parse(seen.get("lastEventAt").asString())).as("the submission's own time")
			.isEqualTo(submittedAt);
		assertThat(Instant.parse(seen.get("oldestNewEventAt").asString())).as("the only event of this push")
			.isEqualTo(submittedAt);
		assertThat(Instant.parse(seen.get("computedAt").asString())).as("serialised after the view was computed")
			.isAfterOrEqualTo(Instant.parse(seen.get("at").asString()))
			.isAfterOrEqualTo(submittedAt);
		assertThat(seen.get("inProgress").asInt()).isZero();
		JsonNode unit = seen.get("units").get(0);
		assertThat(unit.get("unitCode").asString()).isEqualTo("SNV");
		assertThat(unit.get("rate").asDouble()).isEqualTo(50.0);
		assertThat(unit.get("band").asString()).isEqualTo("medium");
		assertThat(seen.get("allCorrect").isNull()).as("hidden from the public while the round is open").isTrue();
		assertThat(seen.get("allCorrectHidden").asBoolean()).isTrue();
		assertThat(seen.get("categories").get(0).get("submitted").asInt()).isEqualTo(1);
		assertThat(seen.get("timeline")).hasSize(1);
		JsonNode organiserView = next(organiser, v -> v.get("submitted").asInt() == 1, Duration.ofSeconds(2));
		assertThat(organiserView.get("allCorrect").asInt()).isEqualTo(1);
		assertThat(startedMillis).as("started → pushed").isLessThan(2000);
		assertThat(submittedMillis).as("submitted → pushed").isLessThan(2000);

		ApiClient api = api();
		ApiClient.Response csv = api.get("/api/awards/contests/" + contest + "/dashboard.csv", null);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).contains("SNV,Sở Nội vụ,so-nganh,2,2,0,1,50.0,medium");
		JsonNode publicRow = api.get("/api/awards/contests/" + contest + "/standings", null).json().get("rows").get(0);
		assertThat(publicRow.get("prediction").isNull()).as("predictions stay hidden too").isTrue();
		assertThat(publicRow.get("correctCount").isNull()).as("scores would reveal the all-correct count").isTrue();
		JsonNode organiserRow = api.get("/api/awards/contests/" + contest + "/standings", TestTokens.token("snv", "organizer"))
			.json()
			.get("rows")
			.get(0);
		assertThat(organiserRow.get("correctCount").asInt()).isEqualTo(10);
		assertThat(organiserRow.get("predictionGap").asInt()).as("true value 1, predicted 3").isEqualTo(2);
	}

}
