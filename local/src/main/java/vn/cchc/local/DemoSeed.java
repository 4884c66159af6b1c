package vn.cchc.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates and publishes the demo contest (Bồng Sơn ward, 2024, one quiz round open for 30 days)
 * through the gateway as the demo organizer, unless a published contest with the demo title
 * already exists. Retries while the services are still joining Kafka.
 */
final class DemoSeed {

	static final String TITLE = "Hội thi trực tuyến tìm hiểu CCHC phường Bồng Sơn 2024 (demo)";

	static final String UNITS_RESOURCE = "demo/bong-son-2024-units.csv";

	private static final int ATTEMPTS = 10;

	private static final JsonMapper JSON = JsonMapper.shared();

	private final LocalStack stack;

	private final Consumer<String> progress;

	private final Clock clock;

	DemoSeed(LocalStack stack, Consumer<String> progress, Clock clock) {
		this.stack = stack;
		this.progress = progress;
		this.clock = clock;
	}

	/** Seeds, retrying on 5xx and connection errors; a failure after the last attempt is reported, not thrown. */
	boolean run() {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			try {
				seedOnce();
				return true;
			}
			catch (RetryableException | IOException | UncheckedIOException ex) {
				if (attempt == ATTEMPTS) {
					this.progress.accept("Cảnh báo: chưa tạo được hội thi mẫu (" + ex.getMessage()
							+ "). Nền tảng vẫn chạy; có thể tạo hội thi bằng tài khoản organizer.");
					return false;
				}
				Readiness.sleep(Duration.ofSeconds(3));
			}
			catch (LocalStackException ex) {
				this.progress.accept("Cảnh báo: chưa tạo được hội thi mẫu (" + ex.getMessage() + ").");
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private void seedOnce() throws IOException, InterruptedException {
		String token = this.stack.passwordToken("organizer", RealmFiles.DEMO_PASSWORD);
		String contests = this.stack.gatewayUrl() + "/api/registration/contests";
		HttpResponse<String> listed = send(HttpRequest.newBuilder(URI.create(contests)).GET(), token);
		expect(listed, 200, "GET " + contests);
		for (JsonNode contest : JSON.readTree(listed.body())) {
			if (TITLE.equals(contest.path("title").asString(""))) {
				this.progress.accept("Hội thi mẫu đã có sẵn: " + TITLE);
				return;
			}
		}
		String fromTemplate = contests + "/from-template";
		HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(fromTemplate))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fromTemplate()))), token);
		expect(created, 201, "POST " + fromTemplate);
		JsonNode draft = JSON.readTree(created.body());
		String id = draft.path("id").asString();
		String edit = contests + "/" + id;
		HttpResponse<String> edited = send(HttpRequest.newBuilder(URI.create(edit))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(adjust(draft, this.clock.instant())))),
				token);
		expect(edited, 200, "PUT " + edit);
		String publish = contests + "/" + id + "/publish";
		HttpResponse<String> published = send(HttpRequest.newBuilder(URI.create(publish))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")), token);
		expect(published, 200, "POST " + publish);
		this.progress.accept("Đã tạo và công bố hội thi mẫu: " + TITLE);
	}

	/**
	 * The demo contest: Bồng Sơn ward's 2024 plan (template {@code bong-son-2024}: prizes, eligibility,
	 * rules) with every unit of the ward.
	 */
	static ObjectNode fromTemplate() {
		ObjectNode request = JSON.createObjectNode();
		request.put("templateCode", "bong-son-2024");
		request.put("title", TITLE);
		ArrayNode units = request.putArray("units");
		for (Unit unit : units()) {
			units.addObject().put("code", unit.code()).put("name", unit.name()).put("group", unit.group()).put("headcount", 0);
		}
		return request;
	}

	/** The draft made runnable today: the quiz opened yesterday for 30 days, 10 questions in 15 minutes. */
	static ObjectNode adjust(JsonNode draft, Instant now) {
		ObjectNode contest = (ObjectNode) draft.deepCopy();
		for (JsonNode node : contest.path("rounds")) {
			ObjectNode round = (ObjectNode) node;
			round.put("opensAt", now.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
			round.put("closesAt", now.plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
			if (round.path("quiz").isObject()) {
				((ObjectNode) round.path("quiz")).put("questionCount", 10).put("timeLimitSeconds", 900);
			}
		}
		return contest;
	}

	static List<Unit> units() {
		List<Unit> units = new ArrayList<>();
		try (InputStream in = DemoSeed.class.getResourceAsStream(UNITS_RESOURCE);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String header = reader.readLine();
			if (header == null || !header.strip().equals("code,name,group")) {
				throw new IllegalStateException("Unexpected header in " + UNITS_RESOURCE + ": " + header);
			}
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank()) {
					continue;
				}
				String[] cells = line.split(",", -1);
				units.add(new Unit(cells[0].strip(), cells[1].strip(), cells[2].strip()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(units);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String token)
			throws IOException, InterruptedException {
		return this.stack.http()
			.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
				.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void expect(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() == status) {
			return;
		}
		String message = what + " → HTTP " + response.statusCode() + " " + abbreviate(response.body());
		if (response.statusCode() >= 500 || response.statusCode() == 404 || response.statusCode() == 429) {
			throw new RetryableException(message);
		}
		throw new LocalStackException(message);
	}

	private static String abbreviate(String body) {
		return body.length() > 300 ? body.substring(0, 300) + "…" : body;
	}

	/** A unit (khu phố, thôn, cơ quan) of the demo ward. */
	record Unit(String code, String name, String group) {
	}

	private static final class RetryableException extends RuntimeException {

		RetryableException(String message) {
			super(message);
		}

	}

}
