package vn.cchc.awards;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;






import vn.cchc.contracts.AttemptEvent.AttemptSubmitted;
import vn.cchc.contracts.CchcEvent;
import vn.cchc.contracts.CloudEventAttributes;
import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.ContestEvent.ContestUpdated;
import vn.cchc.contracts.ContestEvent.PrizeTier;
import vn.cchc.contracts.ContestEvent.QuizSettings;
import vn.cchc.contracts.ContestEvent.Round;
import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.contracts.ParticipantEvent.ParticipantExcluded;
import vn.cchc.contracts.Topics;
import vn.cchc.contracts.UnitEvent.UnitRegistered;

import vn.cchc.platform.test.ApiClient;


import vn.cchc.platform.test.TestTokens;
import vn.cchc.platform.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plan 003, Bồng Sơn ward 2024: 300 generated participants in 14 units, first attempt counts,
 * ranked by score then time; committee members excluded; submissions after 17:00 21/7 not ranked;
 * two people tied for the last consolation prize. Every prize is checked against the test's own
 * calculation from the events it published, then the organiser decides the tie, finalises,
 * drafts, approves and publishes the decision, corrects it, and files the documents.
 */
class BongSonScenarioTest extends AwardsTestSupport {

	static final Instant OPENS = Instant.parse("2024-07-01T00:00:00Z");

	static final Instant CLOSES = Instant.parse("2024-07-21T10:00:00Z");

	static final List<String> INDIVIDUAL_PLACES = List.of("Giải Nhất", "Giải Nhì", "Giải Ba", "Giải Khuyến khích",
			"Giải Khuyến khích", "Giải Khuyến khích");

	final String organiser = TestTokens.token("btc-bong-son", "organizer");

	static List<PrizeTier> tiers(long first) {
		String issuer = "Chủ tịch UBND phường Bồng Sơn";
		return List.of(
				new PrizeTier("Giải Nhất", 1, first, "individual", "score", "điểm cao nhất, nhanh nhất", null, false,
						false, "Giấy khen", issuer),
				new PrizeTier("Giải Nhì", 1, 500_000, "individual", "score", "", null, false, false, "Giấy khen", issuer),
				new PrizeTier("Giải Ba", 1, 400_000, "individual", "score", "", null, false, false, "Giấy khen", issuer),
				new PrizeTier("Giải Khuyến khích", 3, 300_000, "individual", "score", "", null, false, false,
						"Giấy khen", issuer),
				new PrizeTier("Giải tập thể có nhiều người dự thi nhất", 1, 700_000, "collective", "participants",
						"nhiều người dự thi nhất", null, false, false, "Giấy khen", issuer),
				new PrizeTier("Giải tập thể có nhiều người trả lời đúng nhất", 1, 700_000, "collective", "all-correct",
						"nhiều người trả lời đúng tất cả", null, false, false, "Giấy khen", issuer));
	}

	record Person(String id, String name, String unit, boolean excluded) {
	}

	@Test
	void bong_son_round_prizes_match_an_independent_count_and_go_from_provisional_to_published() throws Exception {
		String contest = "bong-son-" + UUID.randomUUID();
		String round = "quiz";
		Random random = new Random(2024);
		List<CchcEvent> events = new ArrayList<>();
		Round quiz = new Round(round, "quiz", "Thi trắc nghiệm trực tuyến", OPENS, CLOSES,
				new QuizSettings("cchc-2024", 20, 1800, 2, "first"));
		String title = "Cuộc thi trực tuyến “Tìm hiểu về Cải cách hành chính” năm 2024";
		ContestPublished v1 = new ContestPublished(contest, title, "UBND phường Bồng Sơn", "Asia/Ho_Chi_Minh", 1,
				List.of(quiz), "2024", null, null, tiers(1), null);
		events.add(v1);
		events.add(new ContestUpdated(contest, title, "UBND phường Bồng Sơn", "Asia/Ho_Chi_Minh", 2, List.of(quiz),
				"2024", null, null, tiers(600_000), null, "Sửa mức thưởng giải Nhất"));
		List<String> units = new ArrayList<>();
		for (int k = 1; k <= 11; k++) {
			units.add("KP" + k);
		}
		units.addAll(List.of("CA", "TYT", "THCS"));
		for (String u : units) {
			events.add(new UnitRegistered(contest, u, u.startsWith("KP") ? "Khu phố " + u.substring(2) : u, "phuong",
					40));
		}
		List<Person> people = new ArrayList<>();
		List<AttemptSubmitted> attempts = new ArrayList<>();
		Instant t = OPENS.plusSeconds(3600);
		// The top of the field, built so the places are known: five perfect scores, then a tie on
		// every rule (19/20, same time, same second) for the sixth and last place.
		String[] topUnits = { "KP2", "KP2", "KP2", "KP3", "KP3" };
		for (int i = 0; i < 5; i++) {
			Person p = new Person("top" + i, ExpectedPrizes.name(random), topUnits[i], false);
			people.add(p);
			attempts.add(attempt(contest, round, p.id() + "-1", p.id(), 20, 100_000 + i * 10_000, t.plusSeconds(i)));
		}
		for (String id : List.of("tieA", "tieB")) {
			Person p = new Person(id, ExpectedPrizes.name(random), "KP4", false);
			people.add(p);
			attempts.add(attempt(contest, round, id + "-1", id, 19, 200_000, t.plusSeconds(100)));
		}
		// A committee member with a perfect fast score (excluded, never ranked, not counted for KP3).
		Person committee = new Person("committee", "Trần Văn Ban", "KP3", true);
		people.add(committee);
		attempts.add(attempt(contest, round, "committee-1", "committee", 20, 50_000, t));
		// Someone whose first attempt was poor: the better second one does not count.
		Person retry = new Person("retry", "Lê Thị Lần", "KP5", false);
		people.add(retry);
		attempts.add(attempt(contest, round, "retry-1", "retry", 10, 600_000, t.plusSeconds(5)));
		attempts.add(attempt(contest, round, "retry-2", "retry", 20, 60_000, t.plusSeconds(9000)));
		// A perfect submission after the window closed: not ranked.
		Person late = new Person("late", "Phạm Văn Muộn", "KP6", false);
		people.add(late);
		attempts.add(attempt(contest, round, "late-1", "late", 20, 40_000, CLOSES.plusSeconds(60)));
		for (int i = 0; i < 290; i++) {
			String unit = i < 40 ? "KP1" : units.get(random.nextInt(units.size()));
			boolean excluded = i % 97 == 13;
			Person p = new Person("p" + i, ExpectedPrizes.name(random), unit, excluded);
			people.add(p);
			attempts.add(attempt(contest, round, p.id() + "-1", p.id(), 8 + random.nextInt(11),
					300_000 + random.nextInt(1_200_000), OPENS.plusSeconds(7200 + random.nextInt(1_500_000))));
		}
		for (Person p : people) {
			events.add(new ParticipantEnrolled(contest, p.id(), "u-" + p.id(), p.name(),
					p.unit().startsWith("KP") ? "citizen" : "civil-servant", p.unit(), OPENS));
		}
		events.addAll(attempts);
		people.stream()
			.filter(Person::excluded)
			.forEach(p -> events.add(new ParticipantExcluded(contest, p.id(), "Thành viên Ban Tổ chức")));
		publish(events.toArray(CchcEvent[]::new));
		// An old configuration redelivered late changes nothing: the newest version wins.
		publish(v1);

		// The test's own calculation from what it published.
		Map<String, Person> byId = people.stream().collect(Collectors.toMap(Person::id, p -> p));
		Map<String, AttemptSubmitted> counted = new HashMap<>();
		attempts.stream()
			.filter(a -> !byId.get(a.participantId()).excluded() && !a.submittedAt().isAfter(CLOSES))
			.sorted(Comparator.comparing(AttemptSubmitted::submittedAt))
			.forEach(a -> counted.putIfAbsent(a.participantId(), a));
		Map<String, List<String>> byKey = new LinkedHashMap<>();
		counted.values()
			.stream()
			.sorted(Comparator.comparingInt(AttemptSubmitted::correctCount)
				.reversed()
				.thenComparingLong(AttemptSubmitted::durationMillis)
				.thenComparing(AttemptSubmitted::submittedAt))
			.forEach(a -> byKey.computeIfAbsent(a.correctCount() + "|" + a.durationMillis() + "|" + a.submittedAt(),
					k -> new ArrayList<>())
				.add(a.participantId()));
		ExpectedPrizes.Outcome individual = ExpectedPrizes.fill(INDIVIDUAL_PLACES, new ArrayList<>(byKey.values()));
		Map<String, Integer> participants = new HashMap<>();
		Map<String, Integer> allCorrect = new HashMap<>();
		counted.values().forEach(a -> {
			String unit = byId.get(a.participantId()).unit();
			participants.merge(unit, 1, Integer::sum);
			if (a.correctCount() == 20) {
				allCorrect.merge(unit, 1, Integer::sum);
			}
		});
		String mostParticipants = top(participants, Set.of());
		String mostCorrect = top(allCorrect, Set.of(mostParticipants));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(standings(contest).get("rows").findValuesAsString("participantId"))
				.containsExactlyInAnyOrderElementsOf(counted.keySet()));
		JsonNode prizes = api().get("/api/awards/contests/" + contest + "/prizes", this.organiser).json();
		List<String> got = new ArrayList<>();
		prizes.get("awards").forEach(a -> got.add(a.get("tierName").asString() + " → " + a.get("winnerId").asString()));
		List<String> expected = new ArrayList<>();
		individual.won().forEach(w -> expected.add(w.prize() + " → " + w.winner()));
		expected.add("Giải tập thể có nhiều người dự thi nhất → " + mostParticipants);
		expected.add("Giải tập thể có nhiều người trả lời đúng nhất → " + mostCorrect);
		assertThat(got).containsExactlyElementsOf(expected);
		assertThat(individual.ties()).singleElement().satisfies(tie -> {
			assertThat(tie.who()).containsExactlyInAnyOrder("tieA", "tieB");
			assertThat(tie.prizes()).containsExactly("Giải Khuyến khích");
		});
		assertThat(mostParticipants).isEqualTo("KP1");
		assertThat(mostCorrect).as("the excluded member's perfect score does not count for KP3").isEqualTo("KP2");
		assertThat(prizes.get("awards").get(0).get("amountVnd").asLong()).as("version 2 of the configuration")
			.isEqualTo(600_000);
		JsonNode tie = prizes.get("ties").get(0);
		assertThat(tie.get("candidates").findValuesAsString("id")).containsExactlyInAnyOrder("tieA", "tieB");
		assertThat(prizes.get("awards").get(0).get("eventId").asString()).isNotBlank();

		// Finalising waits for the organiser's decision on the tie; the decision names both.
		String base = "/api/awards/contests/" + contest;
		assertThat(api().post(base + "/results/finalise", this.organiser, null).code())
			.isEqualTo("awards.results.ties-pending");
		assertThat(api().post(base + "/ties/" + tie.get("tieId").asString(), this.organiser,
				ApiClient.json(Map.of("order", List.of("tieA"), "reason", "bốc thăm"))).code())
			.isEqualTo("awards.tie.order-invalid");
		assertThat(api().post(base + "/ties/" + tie.get("tieId").asString(), TestTokens.token("dan", "citizen"),
				ApiClient.json(Map.of("order", List.of("tieB", "tieA"), "reason", "bốc thăm"))).status()).isEqualTo(403);
		JsonNode decided = api().post(base + "/ties/" + tie.get("tieId").asString(), this.organiser,
				ApiClient.json(Map.of("order", List.of("tieB", "tieA"), "reason", "Bốc thăm ngày 25/7/2024")))
			.json();
		assertThat(decided.get("ties")).isEmpty();
		assertThat(decided.get("awards").get(5).get("winnerId").asString()).isEqualTo("tieB");

		assertThat(api().post(base + "/results/finalise", this.organiser, null).json().get("status").asString())
			.isEqualTo("finalised");
		Map<String, Object> decision = Map.of("number", "125/QĐ-UBND", "date", "2024-08-05", "signer",
				"Nguyễn Văn Hùng", "signerTitle", "Chủ tịch", "issuer", "Ủy ban nhân dân phường Bồng Sơn", "place",
				"Bồng Sơn");
		assertThat(api().post(base + "/results/publish", this.organiser, null).code())
			.isEqualTo("awards.results.not-approved");
		assertThat(api().put(base + "/results/decision", this.organiser, ApiClient.json(decision)).json().get("status")
			.asString()).isEqualTo("drafted");
		assertThat(api().get(base + "/results", null).status()).as("nothing official yet").isEqualTo(404);
		assertThat(api().post(base + "/results/approve", this.organiser, null).json().get("status").asString())
			.isEqualTo("approved");
		JsonNode published = api().post(base + "/results/publish", this.organiser, null).json();
		assertThat(published.get("status").asString()).isEqualTo("published");
		assertThat(api().post(base + "/results/finalise", this.organiser, null).code())
			.isEqualTo("awards.results.immutable");
		assertThat(TopicReader.read(this.brokers, Topics.RESULTS,
				r -> contest.equals(TopicReader.header(r, CloudEventAttributes.CONTEST_ID)), 1,
				Duration.ofSeconds(20)))
			.singleElement()
			.satisfies(r -> assertThat(new String(r.value())).contains("125/QĐ-UBND").contains("\"version\":1"));

		// The documents of the published version.
		String winner = byId.get(individual.won().get(0).winner()).name();
		byte[] pdf = bytes(base + "/results/certificates/1");
		String text = text(pdf);
		assertThat(text).contains("GIẤY KHEN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
				winner, "Giải Nhất", "“Tìm hiểu về Cải cách hành chính”", "125/QĐ-UBND", "ngày 05 tháng 8 năm 2024",
				"CHỦ TỊCH UBND PHƯỜNG BỒNG SƠN", "Nguyễn Văn Hùng");
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getPage(0).getMediaBox().getWidth()).as("A4 landscape")
				.isGreaterThan(doc.getPage(0).getMediaBox().getHeight());
		}
		String decisionText = text(bytes(base + "/results/decision.pdf"));
		assertThat(decisionText).contains("QUYẾT ĐỊNH", "DANH SÁCH KHEN THƯỞNG", "Khu phố 1", winner,
				"Tổng số tiền thưởng: 3.800.000 đồng");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes(base + "/results.xlsx")))) {
			assertThat(book.getSheet("Giải thưởng").getLastRowNum()).isEqualTo(8);
			assertThat(book.getSheet("Cá nhân").getLastRowNum()).isEqualTo(counted.size());
			assertThat(book.getSheet("Đơn vị").getLastRowNum()).isEqualTo(14);
		}
		String par = new String(bytes(base + "/par-index.csv"), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(par).contains("KP1,Khu phố 1,phuong,40,").contains("Giải tập thể có nhiều người dự thi nhất,1.0");

		// A correction is a new version with its reason; version 1 stays readable as it was.
		assertThat(api().post(base + "/results/corrections", this.organiser, ApiClient.json(Map.of("reason",
				"Đính chính họ tên người đạt giải"))).json().get("version").asInt()).isEqualTo(2);
		api().post(base + "/results/finalise", this.organiser, null);
		api().put(base + "/results/decision", this.organiser,
				ApiClient.json(Map.of("number", "131/QĐ-UBND", "date", "2024-08-12", "signer", "Nguyễn Văn Hùng",
						"signerTitle", "Chủ tịch", "issuer", "Ủy ban nhân dân phường Bồng Sơn")));
		api().post(base + "/results/approve", this.organiser, null);
		api().post(base + "/results/publish", this.organiser, null);
		JsonNode official = api().get(base + "/results", null).json();
		assertThat(official.get("version").asInt()).isEqualTo(2);
		assertThat(official.get("reason").asString()).isEqualTo("Đính chính họ tên người đạt giải");
		assertThat(official.get("published")).hasSize(2);
		assertThat(text(bytes(base + "/results/decision.pdf?version=1"))).contains("125/QĐ-UBND");
		assertThat(TopicReader.read(this.brokers, Topics.RESULTS,
				r -> contest.equals(TopicReader.header(r, CloudEventAttributes.CONTEST_ID)), 2,
				Duration.ofSeconds(20))).hasSize(2);
	}

	byte[] bytes(String path) throws Exception {
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path)).build(),
					java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	static String top(Map<String, Integer> counts, Set<String> skip) {
		int max = counts.entrySet().stream().filter(e -> !skip.contains(e.getKey())).mapToInt(Map.Entry::getValue).max().orElseThrow();
		Set<String> best = new HashSet<>();
		counts.forEach((unit, n) -> {
			if (n == max && !skip.contains(unit)) {
				best.add(unit);
			}
		});
		assertThat(best).as("the generated data has one clear top unit").hasSize(1);
		return best.iterator().next();
	}

	JsonNode standings(String contest) {
		return api().get("/api/awards/contests/" + contest + "/standings", this.organiser).json();
	}

	static String text(byte[] pdf) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc);
		}
	}

	static AttemptSubmitted attempt(String contest, String round, String attempt, String participant, int correct,
			long millis, Instant at) {
		return new AttemptSubmitted(contest, round, attempt, participant, "u-" + participant, correct, 20, millis, null,
				at, false, null, null);
	}

}
