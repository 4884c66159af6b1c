package vn.cchc.quiz;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;







import vn.cchc.contracts.ContestEvent.ContestUpdated;
import vn.cchc.contracts.ContestEvent.Prediction;
import vn.cchc.contracts.ContestEvent.QuizSettings;
import vn.cchc.contracts.ContestEvent.Round;
import vn.cchc.contracts.Topics;

import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ApiClient.Response;

import vn.cchc.platform.test.TestTokens;
import vn.cchc.platform.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What organisers configure per round and per bank, as participants and organisers see it. */
class QuizRoundSettingsTest extends QuizTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String HEADER = "code,topic,text,option_a,option_b,option_c,option_d,correct,difficulty\n";

	String organizer = TestTokens.token("btc", "organizer");

	QuizFixtures fixtures() {
		return new QuizFixtures(this.kafka, this.outbox, this.mongo);
	}

	static QuizSettings settings(String bank, int count, boolean shuffle, boolean stratify, Map<String, String> categoryBanks,
			String period, Prediction prediction, String resultsShown) {
		return new QuizSettings(bank, count, 900, 1, "first", shuffle, stratify, categoryBanks, period, prediction,
				resultsShown);
	}

	/** A bank of {@code perTopic[i]} questions in topic t{i}, each with correct answer B. */
	String bank(int... perTopic) {
		String code = "nh-" + UUID.randomUUID().toString().substring(0, 8);
		StringBuilder csv = new StringBuilder(HEADER);
		for (int t = 0; t < perTopic.length; t++) {
			for (int q = 0; q < perTopic[t]; q++) {
				csv.append(code).append("-t").append(t).append("-").append(q).append(",t").append(t)
					.append(",Câu hỏi ").append(q).append(" chủ đề ").append(t).append(",Một,Hai,Ba,Bốn,B,de\n");
			}
		}
		assertThat(api().send("PUT", "/api/quiz/banks/" + code, this.organizer, csv.toString(), "text/csv").status())
			.isEqualTo(200);
		return code;
	}

	JsonNode start(String roundId, String user) {
		Response started = api().post("/api/quiz/rounds/" + roundId + "/attempts", TestTokens.token(user, "citizen"), null);
		assertThat(started.status()).as(started.body()).isIn(200, 201);
		return started.json();
	}

	String user() {
		return "u-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aContestUpdateChangesAFutureRoundButAnOpenRoundKeepsItsQuestionSettings() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		var future = fixtures().publish(now.plusSeconds(3600), now.plusSeconds(7200), QuizFixtures.settings(10, 1));
		var open = fixtures().publish(now.minusSeconds(60), now.plusSeconds(3600), QuizFixtures.settings(10, 1));
		Instant later = now.plusSeconds(9000);
		fixtures().send(update(future.contestId(), 2, new Round(future.roundId(), "quiz", "Vòng 1 (sửa)", now.plusSeconds(3600),
				later, QuizFixtures.settings(5, 2))));
		fixtures().send(update(open.contestId(), 2, new Round(open.roundId(), "quiz", "Vòng mở (sửa)", now.minusSeconds(60),
				later, QuizFixtures.settings(3, 5))));
		await().atMost(Duration.ofSeconds(15)).until(() -> Integer.valueOf(2).equals(round(open.roundId()).configVersion())
				&& Integer.valueOf(2).equals(round(future.roundId()).configVersion()));
		assertThat(round(future.roundId()).settings().questionCount()).isEqualTo(5);
		assertThat(round(future.roundId()).title()).isEqualTo("Vòng 1 (sửa)");
		assertThat(round(open.roundId()).settings().questionCount()).as("an open round keeps its questions").isEqualTo(10);
		assertThat(round(open.roundId()).settings().attemptsAllowed()).isEqualTo(1);
		assertThat(round(open.roundId()).title()).isEqualTo("Vòng mở (sửa)");
		assertThat(round(open.roundId()).closesAt()).isEqualTo(later);

		// A late, older version changes nothing.
		fixtures().send(update(future.contestId(), 1, new Round(future.roundId(), "quiz", "Cũ", now.plusSeconds(3600),
				now.plusSeconds(7200), QuizFixtures.settings(7, 1))));
		// One partition: once a later contest is known, the old update has been processed.
		fixtures().publish(now.plusSeconds(3600), now.plusSeconds(7200), QuizFixtures.settings(1, 1));
		assertThat(round(future.roundId()).title()).isEqualTo("Vòng 1 (sửa)");
		assertThat(round(future.roundId()).settings().questionCount()).isEqualTo(5);
	}

	@Test
	void aCachedRoundIsReadAgainOnceThisInstanceForgetsItAndAnAbsentOneIsNotRemembered() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		var rounds = new QuizRounds(this.mongo, Duration.ofHours(1));
		String unknown = UUID.randomUUID().toString();
		assertThat(rounds.find(unknown)).isNull();
		var contest = fixtures().publish(now.minusSeconds(60), now.plusSeconds(3600), QuizFixtures.settings(10, 1));
		assertThat(rounds.find(contest.roundId()).closesAt()).isEqualTo(now.plusSeconds(3600));

		Instant extended = now.plusSeconds(7200);
		this.mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(contest.roundId())),
				org.springframework.data.mongodb.core.query.Update.update("closesAt", extended), QuizRound.class);
		assertThat(rounds.find(contest.roundId()).closesAt()).as("read within its lifetime: the cached copy")
			.isEqualTo(now.plusSeconds(3600));
		rounds.forget(contest.roundId());
		assertThat(rounds.find(contest.roundId()).closesAt()).isEqualTo(extended);
	}

	ContestUpdated update(String contestId, int version, Round round) {
		return new ContestUpdated(contestId, "Hội thi CCHC", "UBND phường Bồng Sơn", "Asia/Ho_Chi_Minh", version,
				List.of(round), null, null, null, List.of(), null, "Sửa vòng thi");
	}

	QuizRound round(String roundId) {
		return this.mongo.findById(roundId, QuizRound.class);
	}

	@Test
	void shuffledOptionsKeepTheirKeysSoScoringStaysRight() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String bank = bank(12);
		var contest = fixtures().publish(now.minusSeconds(60), now.plusSeconds(3600),
				settings(bank, 12, true, false, Map.of(), "round", null, "after-submit"));
		List<String> users = List.of(user(), user(), user());
		fixtures().enrol(contest, "citizen", users);
		boolean someReordered = false;
		for (String user : users) {
			JsonNode attempt = start(contest.roundId(), user);
			String attemptId = attempt.get("attemptId").asString();
			String token = TestTokens.token(user, "citizen");
			for (JsonNode q : attempt.get("questions")) {
				List<String> keys = new ArrayList<>();
				q.get("options").forEach(o -> keys.add(o.get("key").asString()));
				assertThat(keys).containsExactlyInAnyOrder("A", "B", "C", "D");
				someReordered |= !keys.equals(List.of("A", "B", "C", "D"));
				assertThat(api().put("/api/quiz/attempts/" + attemptId + "/answers/" + q.get("id").asString(), token,
						"{\"option\":\"B\"}").status()).isEqualTo(200);
			}
			JsonNode reloaded = api().get("/api/quiz/attempts/" + attemptId, token).json();
			assertThat(reloaded.get("questions").toString()).as("the stored order is shown again after a reload")
				.isEqualTo(attempt.get("questions").toString());
			assertThat(api().post("/api/quiz/attempts/" + attemptId + "/submit", token, "{}").json().get("correctCount").asInt())
				.isEqualTo(12);
		}
		assertThat(someReordered).as("36 questions with 4 options each: some order differs from A–D").isTrue();
	}

	@Test
	void aStratifiedDrawTakesEachTopicInProportion() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String bank = bank(10, 10, 20);
		var contest = fixtures().publish(now.minusSeconds(60), now.plusSeconds(3600),
				settings(bank, 8, false, true, Map.of(), "round", null, "after-submit"));
		List<String> users = List.of(user(), user(), user(), user());
		fixtures().enrol(contest, "citizen", users);
		for (String user : users) {
			Map<String, Integer> perTopic = new HashMap<>();
			start(contest.roundId(), user).get("questions")
				.forEach(q -> perTopic.merge(q.get("id").asString().replaceAll("^.*-(t\\d)-\\d+$", "$1"), 1, Integer::sum));
			assertThat(perTopic).containsExactlyInAnyOrderEntriesOf(Map.of("t0", 2, "t1", 2, "t2", 4));
		}
	}

	@Test
	void civilServantsAndCitizensDrawFromTheirOwnBankAndTheCategoryReachesTheEvent() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String civil = bank(5);
		String citizens = bank(5);
		var contest = fixtures().publish(now.minusSeconds(60), now.plusSeconds(3600),
				settings(citizens, 5, false, false, Map.of("civil-servant", civil), "round", null, "after-submit"));
		String servant = user();
		String citizen = user();
		fixtures().enrol(contest, "civil-servant", List.of(servant));
		fixtures().enrol(contest, "citizen", List.of(citizen));
		JsonNode servantAttempt = start(contest.roundId(), servant);
		JsonNode citizenAttempt = start(contest.roundId(), citizen);
		servantAttempt.get("questions").forEach(q -> assertThat(q.get("id").asString()).startsWith(civil));
		citizenAttempt.get("questions").forEach(q -> assertThat(q.get("id").asString()).startsWith(citizens));
		String attemptId = servantAttempt.get("attemptId").asString();
		api().post("/api/quiz/attempts/" + attemptId + "/submit", TestTokens.token(servant, "citizen"), "{}");
		JsonNode event = submittedEvent(attemptId);
		assertThat(event.get("category").asString()).isEqualTo("civil-servant");
		assertThat(event.get("period").isNull()).isTrue();
	}

	@Test
	void aWeeklyRoundCountsAttemptsPerWeekAndEndsAnAttemptWithItsWeek() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Instant opensAt = now.minus(Duration.ofDays(7)).plusSeconds(120);
		var contest = fixtures().publish(opensAt, now.plus(Duration.ofDays(14)),
				settings("cchc-mau", 10, false, false, Map.of(), "week", null, "after-submit"));
		String user = user();
		fixtures().enrol(contest, "citizen", List.of(user));
		JsonNode attempt = start(contest.roundId(), user);
		assertThat(attempt.get("period").asString()).isEqualTo("w1");
		assertThat(Instant.parse(attempt.get("deadline").asString())).as("week 1 ends before the time limit")
			.isEqualTo(opensAt.plus(Duration.ofDays(7)));
		String token = TestTokens.token(user, "citizen");
		String attemptId = attempt.get("attemptId").asString();
		api().post("/api/quiz/attempts/" + attemptId + "/submit", token, "{}");
		Response again = api().post("/api/quiz/rounds/" + contest.roundId() + "/attempts", token, null);
		assertThat(again.code()).isEqualTo("quiz.attempts.exhausted");
		assertThat(again.json().get("detail").asString()).contains("tuần này");
		assertThat(submittedEvent(attemptId).get("period").asString()).isEqualTo("w1");
	}

	@Test
	void thePredictionIsAskedAtSubmitAndTheScoreStaysHiddenUntilTheRoundCloses() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		var contest = fixtures().publish(now.minusSeconds(60), now.plusSeconds(8),
				settings("cchc-mau", 10, false, false, Map.of(),
						"round", new Prediction("Có bao nhiêu người trả lời đúng tất cả các câu?", "all-correct"),
						"after-close"));
		String user = user();
		fixtures().enrol(contest, "citizen", List.of(user));
		String token = TestTokens.token(user, "citizen");
		JsonNode attempt = start(contest.roundId(), user);
		assertThat(attempt.get("predictionQuestion").asString()).startsWith("Có bao nhiêu người");
		String attemptId = attempt.get("attemptId").asString();
		String q = attempt.get("questions").get(0).get("id").asString();
		api().put("/api/quiz/attempts/" + attemptId + "/answers/" + q, token,
				"{\"option\":\"" + QuizFixtures.sampleAnswerKey().get(q) + "\"}");

		JsonNode submitted = api().post("/api/quiz/attempts/" + attemptId + "/submit", token, "{\"prediction\":123}").json();
		assertThat(submitted.get("status").asString()).isEqualTo("submitted");
		assertThat(submitted.get("correctCount").isNull()).as("hidden until the round closes").isTrue();
		assertThat(submitted.get("resultsShown").asBoolean()).isFalse();
		assertThat(submitted.get("prediction").asLong()).isEqualTo(123);
		assertThat(submitted.toString()).doesNotContain("\"correct\"");
		JsonNode event = submittedEvent(attemptId);
		assertThat(event.get("correctCount").asInt()).isEqualTo(1);
		assertThat(event.get("prediction").asLong()).isEqualTo(123);

		await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/quiz/attempts/" + attemptId, token).json()
			.get("resultsShown").asBoolean());
		assertThat(api().get("/api/quiz/attempts/" + attemptId, token).json().get("correctCount").asInt()).isEqualTo(1);
	}

	@Test
	void eachImportIsANewVersionAndAnOpenRoundKeepsDrawingFromTheVersionItPinned() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String code = bank(5);
		var contest = fixtures().publish(now.minusSeconds(60), now.plusSeconds(3600),
				settings(code, 5, false, false, Map.of(), "round", null, "after-submit"));
		List<String> users = List.of(user(), user());
		fixtures().enrol(contest, "citizen", users);
		Set<String> v1 = new HashSet<>();
		start(contest.roundId(), users.get(0)).get("questions").forEach(q -> v1.add(q.get("id").asString()));

		String v2csv = HEADER + "MOI-1,t,Câu mới một,A1,B1,,,A,\nMOI-2,t,Câu mới hai,A2,B2,,,A,\nMOI-3,t,Câu mới ba,A3,B3,,,A,\n"
				+ "MOI-4,t,Câu mới bốn,A4,B4,,,A,\nMOI-5,t,Câu mới năm,A5,B5,,,A,kho\n";
		Response imported = api().send("PUT", "/api/quiz/banks/" + code, this.organizer, v2csv, "text/csv");
		assertThat(imported.json().get("version").asInt()).isEqualTo(2);

		Set<String> later = new HashSet<>();
		start(contest.roundId(), users.get(1)).get("questions").forEach(q -> later.add(q.get("id").asString()));
		assertThat(later).as("the round pinned version 1 at its first attempt").isEqualTo(v1);

		var newRound = fixtures().publish(now.minusSeconds(60), now.plusSeconds(3600),
				settings(code, 5, false, false, Map.of(), "round", null, "after-submit"));
		String newcomer = user();
		fixtures().enrol(newRound, "citizen", List.of(newcomer));
		start(newRound.roundId(), newcomer).get("questions").forEach(q -> assertThat(q.get("id").asString()).startsWith("MOI-"));

		JsonNode versions = api().get("/api/quiz/banks/" + code + "/versions", this.organizer).json();
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
		assertThat(versions.get(1).get("version").asInt()).isEqualTo(1);
		JsonNode preview = api().get("/api/quiz/banks/" + code + "/versions/1", this.organizer).json();
		assertThat(preview.get("questions").get(0).get("correct").asString()).isEqualTo("B");
		assertThat(api().get("/api/quiz/banks/" + code, this.organizer).json().get("questions").get(4).get("difficulty").asString())
			.isEqualTo("kho");
		assertThat(api().get("/api/quiz/banks/" + code, TestTokens.token(users.get(0), "citizen")).status())
			.as("citizens never see the answer key").isEqualTo(403);
		assertThat(api().get("/api/quiz/banks/" + code + "/versions", TestTokens.token(users.get(0), "citizen")).status())
			.isEqualTo(403);
	}

	@Test
	void anXlsxBankImportsWithTopicAndDifficultyAndAFaultyOneIsRefusedWholeWithRowNumbers() throws Exception {
		String code = "xlsx-" + UUID.randomUUID().toString().substring(0, 8);
		byte[] good = xlsx(List.of(List.of("code", "topic", "text", "option_a", "option_b", "option_c", "option_d", "correct", "difficulty"),
				List.of("X1", "thu-tuc", "Thủ tục hành chính là gì?", "Một", "Hai", "Ba", "", "c", "de"),
				List.of("X2", "cong-vu", "Văn hóa công vụ?", "Một", "Hai", "", "", "A", "")));
		Response imported = api().send("PUT", "/api/quiz/banks/" + code, this.organizer, null, BankFile.XLSX);
		assertThat(imported.status()).isIn(400, 415);
		imported = sendBytes(code, good);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("questionCount").asInt()).isEqualTo(2);
		JsonNode preview = api().get("/api/quiz/banks/" + code, this.organizer).json();
		assertThat(preview.get("questions").get(0).get("correct").asString()).isEqualTo("C");
		assertThat(preview.get("questions").get(0).get("topic").asString()).isEqualTo("thu-tuc");
		assertThat(preview.get("questions").get(0).get("difficulty").asString()).isEqualTo("de");

		byte[] bad = xlsx(List.of(List.of("code", "topic", "text", "option_a", "option_b", "correct", "difficulty"),
				List.of("Y1", "t", "Câu đúng", "Một", "Hai", "A", ""),
				List.of("Y1", "t", "", "Một", "", "E", "siêu khó")));
		Response refused = sendBytes(code, bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("bank.csv.invalid");
		JsonNode errors = refused.json().get("errors");
		assertThat(errors).hasSizeGreaterThanOrEqualTo(4);
		assertThat(errors).allSatisfy(e -> assertThat(e.get("row").asInt()).isEqualTo(3));
		assertThat(refused.json().get("detail").asString()).contains("dòng 3").contains("bị trùng").contains("độ khó");
		assertThat(api().get("/api/quiz/banks/" + code + "/versions", this.organizer).json()).hasSize(1);
	}

	Response sendBytes(String code, byte[] body) throws Exception {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/api/quiz/banks/" + code))
			.header("Content-Type", BankFile.XLSX)
			.header("Authorization", "Bearer " + this.organizer)
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(), "application/json");
	}

	static byte[] xlsx(List<List<String>> rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Câu hỏi");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	JsonNode submittedEvent(String attemptId) {
		List<ConsumerRecord<String, byte[]>> records = TopicReader.read(this.brokers, Topics.ATTEMPTS,
				r -> attemptId.equals(r.key()) && "vn.cchc.quiz.attempt-submitted.v1".equals(TopicReader.header(r, "ce_type")),
				1, Duration.ofSeconds(15));
		assertThat(records).hasSize(1);
		return JSON.readTree(records.get(0).value());
	}

}
