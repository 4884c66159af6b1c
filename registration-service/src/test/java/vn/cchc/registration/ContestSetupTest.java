package vn.cchc.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.cchc.contracts.CloudEventAttributes;
import vn.cchc.contracts.Topics;
import vn.cchc.platform.test.ApiClient;
import vn.cchc.platform.test.ApiClient.Response;
import vn.cchc.platform.test.TestTokens;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.registration.template.ContestTemplate;
import vn.cchc.registration.template.ContestTemplates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each plan set up from its template through the API: draft, dates the plan left open, publish,
 * and what other services receive. Expected prize figures are the plans' (see ContestTemplatesTest).
 */
class ContestSetupTest extends RegistrationTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static List<Map<String, Object>> units(String prefix, int count) {
		return IntStream.rangeClosed(1, count)
			.mapToObj(i -> Map.<String, Object>of("code", prefix + i, "name", "Đơn vị " + i, "group",
					i % 2 == 0 ? "khoi-b" : "khoi-a", "headcount", 20 + i))
			.toList();
	}

	Response fromTemplate(String code, int unitCount) {
		return api().post("/api/registration/contests/from-template", ORGANIZER,
				ApiClient.json(Map.of("templateCode", code, "units", units("U", unitCount))));
	}

	/** The draft as the edit form would send it back, with every missing window filled in. */
	ObjectNode editable(JsonNode draft, Instant opensAt, Instant closesAt) {
		ObjectNode body = (ObjectNode) draft.deepCopy();
		for (JsonNode round : body.get("rounds")) {
			if (round.get("opensAt").isNull()) {
				// Đắk R'Lấp's movement has only its end (the final review): start a year before it.
				((ObjectNode) round).put("opensAt", round.get("closesAt").isNull() ? opensAt.toString()
						: Instant.parse(round.get("closesAt").asString()).minus(Duration.ofDays(365)).toString());
			}
			if (round.get("closesAt").isNull()) {
				((ObjectNode) round).put("closesAt", closesAt.toString());
			}
		}
		return body;
	}

	List<ConsumerRecord<String, byte[]>> contestEvents(String id, String type, int atLeast) {
		return TopicReader
			.read(this.brokers, Topics.CONTESTS, r -> id.equals(TopicReader.header(r, CloudEventAttributes.CONTEST_ID))
					&& type.equals(TopicReader.header(r, CloudEventAttributes.TYPE)), atLeast, Duration.ofSeconds(15))
			.stream()
			.filter(r -> id.equals(TopicReader.header(r, CloudEventAttributes.CONTEST_ID))
					&& type.equals(TopicReader.header(r, CloudEventAttributes.TYPE)))
			.toList();
	}

	@ParameterizedTest
	@ValueSource(strings = { "bong-son-2024", "soc-trang-2021", "kon-ray-2023", "trung-luong-2024",
			"dak-rlap-2022-2025" })
	void everyPlanIsSetUpFromItsTemplateAndPublishedWithItsWholeConfiguration(String code) {
		ContestTemplate template = ContestTemplates.find(code).orElseThrow();
		Response created = fromTemplate(code, 12);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode draft = created.json();
		String id = draft.get("id").asString();
		assertThat(draft.get("status").asString()).isEqualTo("draft");
		assertThat(draft.get("templateCode").asString()).isEqualTo(code);
		assertThat(draft.get("rounds")).hasSize(template.rounds().size());

		Instant opens = Instant.now().plusSeconds(3600);
		Instant closes = opens.plusSeconds(86_400);
		boolean datesMissing = template.rounds().stream().anyMatch(r -> r.opensAt() == null || r.closesAt() == null);
		if (datesMissing) {
			Response early = api().post("/api/registration/contests/" + id + "/publish", ORGANIZER, null);
			assertThat(early.status()).isEqualTo(400);
			assertThat(early.code()).isEqualTo("contest.round.window-missing");
			assertThat(this.mongo.findById(id, Contest.class).status()).isEqualTo(Contest.Status.DRAFT);
			Response edited = api().put("/api/registration/contests/" + id, ORGANIZER,
					JSON.writeValueAsString(editable(draft, opens, closes)));
			assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		}
		Response published = api().post("/api/registration/contests/" + id + "/publish", ORGANIZER, null);
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().get("version").asInt()).isEqualTo(1);

		JsonNode event = JSON
			.readTree(contestEvents(id, "vn.cchc.registration.contest-published.v1", 1).getFirst().value());
		assertThat(event.get("title").asString()).isEqualTo(template.title());
		assertThat(event.get("season").asString()).isEqualTo(template.season());
		assertThat(event.get("rounds")).extracting(r -> r.get("kind").asString())
			.containsExactlyElementsOf(template.rounds().stream().map(ContestTemplate.RoundTemplate::kind).toList());
		List<String> roundIds = new ArrayList<>();
		event.get("rounds").forEach(r -> roundIds.add(r.get("roundId").asString()));
		assertThat(roundIds).as("fresh round ids, never the template's").doesNotContain("quiz", "video", "live", "idea",
				"emulation");
		assertThat(event.get("prizes")).hasSize(template.prizes().size());
		for (int i = 0; i < template.prizes().size(); i++) {
			var tier = template.prizes().get(i);
			JsonNode sent = event.get("prizes").get(i);
			assertThat(sent.get("count").asInt()).isEqualTo(tier.count());
			assertThat(sent.get("amountVnd").asLong()).isEqualTo(tier.amountVnd());
			assertThat(sent.get("scope").asString()).isEqualTo(tier.scope());
			assertThat(sent.get("ranking").asString()).isEqualTo(tier.ranking());
			if (tier.roundId() != null) {
				assertThat(roundIds).as("tier %s ranks a round of this contest", tier.name())
					.contains(sent.get("roundId").asString());
			}
		}
		assertThat(event.get("eligibility").get("categories")).extracting(JsonNode::asString)
			.containsExactlyElementsOf(template.eligibility().categories());
		if (template.team() != null) {
			assertThat(event.get("team").get("maxMembers").asInt()).isEqualTo(template.team().maxMembers());
		}
		if (template.collectiveScoring() != null) {
			assertThat(event.get("collectiveScoring").get("description").asString())
				.isEqualTo(template.collectiveScoring().description());
		}
	}

	@Test
	void bongSonPrizeFiguresReachOtherServicesExactly() {
		Response created = fromTemplate("bong-son-2024", 3);
		String id = created.json().get("id").asString();
		Instant opens = Instant.now().plusSeconds(600);
		ObjectNode body = editable(created.json(), opens, opens.plusSeconds(3600));
		((ObjectNode) body.get("rounds").get(0)).put("opensAt", opens.toString())
			.put("closesAt", opens.plusSeconds(7200).toString());
		assertThat(api().put("/api/registration/contests/" + id, ORGANIZER, JSON.writeValueAsString(body)).status())
			.isEqualTo(200);
		assertThat(api().post("/api/registration/contests/" + id + "/publish", ORGANIZER, null).status()).isEqualTo(200);
		JsonNode event = JSON
			.readTree(contestEvents(id, "vn.cchc.registration.contest-published.v1", 1).getFirst().value());
		long individual = 0;
		long collective = 0;
		for (JsonNode tier : event.get("prizes")) {
			long total = tier.get("count").asLong() * tier.get("amountVnd").asLong();
			if (tier.get("scope").asString().equals("individual")) {
				individual += total;
			}
			else {
				collective += total;
			}
		}
		// 600,000 + 500,000 + 400,000 + 3 × 300,000 and 2 × 700,000 đồng.
		assertThat(individual).isEqualTo(2_400_000L);
		assertThat(collective).isEqualTo(1_400_000L);
		assertThat(event.get("rounds").get(0).get("quiz").get("bankCode").asString()).isEqualTo("cchc-mau");
	}

	@Test
	void prizePointsAndTheAllCorrectThresholdReachOtherServices() {
		Instant opens = Instant.now().plusSeconds(600);
		Map<String, Object> body = new java.util.HashMap<>(RegistrationApiTest.contest(opens, opens.plusSeconds(3600)));
		body.put("prizes", List.of(
				Map.of("name", "Giải nhất cá nhân", "count", 1, "amountVnd", 600_000, "scope", "individual", "ranking",
						"score", "points", 3.0),
				Map.of("name", "Giải tập thể", "count", 1, "amountVnd", 700_000, "scope", "collective", "ranking",
						"formula")));
		body.put("collectiveScoring", Map.of("description", "Người đúng từ 90% số câu + điểm giải", "weights",
				Map.of("all-correct", 1.0, "prize-points", 2.0), "allCorrectPercent", 90));
		Response created = api().post("/api/registration/contests", ORGANIZER, ApiClient.json(body));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(api().post("/api/registration/contests/" + id + "/publish", ORGANIZER, null).status()).isEqualTo(200);
		JsonNode event = JSON
			.readTree(contestEvents(id, "vn.cchc.registration.contest-published.v1", 1).getFirst().value());
		assertThat(event.get("prizes").get(0).get("points").asDouble()).isEqualTo(3.0);
		assertThat(event.get("prizes").get(1).path("points").isNumber()).as("no points unless set").isFalse();
		assertThat(event.get("collectiveScoring").get("allCorrectPercent").asInt()).isEqualTo(90);
		assertThat(event.get("collectiveScoring").get("weights").get("prize-points").asDouble()).isEqualTo(2.0);
	}

	@Test
	void aDraftIsEditedFreelyAndAPublishedContestSendsAnUpdateWithTheNextVersion() {
		Response created = fromTemplate("kon-ray-2023", 8);
		String id = created.json().get("id").asString();
		Instant opens = Instant.now().plusSeconds(7200);
		ObjectNode body = editable(created.json(), opens, opens.plusSeconds(3600));
		((ObjectNode) body.get("prizes").get(0)).put("amountVnd", 5_000_000);
		Response edited = api().put("/api/registration/contests/" + id, ORGANIZER, JSON.writeValueAsString(body));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().get("prizes").get(0).get("amountVnd").asLong()).isEqualTo(5_000_000L);
		assertThat(edited.json().get("version").asInt()).as("drafts are not versioned").isZero();
		assertThat(api().post("/api/registration/contests/" + id + "/publish", ORGANIZER, null).status()).isEqualTo(200);

		ObjectNode published = (ObjectNode) api().get("/api/registration/contests/" + id, ORGANIZER).json();
		published.put("title", "Hội thi CCHC huyện Kon Rẫy năm 2023 (điều chỉnh)");
		((ObjectNode) published.get("prizes").get(1)).put("amountVnd", 3_000_000);
		Response stale = api().put("/api/registration/contests/" + id + "?version=0", ORGANIZER,
				JSON.writeValueAsString(published));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.code()).isEqualTo("contest.changed");
		Response updated = api().put("/api/registration/contests/" + id + "?version=1", ORGANIZER,
				JSON.writeValueAsString(published));
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().get("version").asInt()).isEqualTo(2);

		JsonNode event = JSON.readTree(contestEvents(id, "vn.cchc.registration.contest-updated.v1", 1).getFirst().value());
		assertThat(event.get("version").asInt()).isEqualTo(2);
		assertThat(event.get("title").asString()).endsWith("(điều chỉnh)");
		assertThat(event.get("prizes").get(1).get("amountVnd").asLong()).isEqualTo(3_000_000L);
		assertThat(event.get("summary").asString()).contains("cơ cấu giải thưởng");
		assertThat(api().get("/api/registration/contests/" + id + "/audit", ORGANIZER).json())
			.extracting(a -> a.get("action").asString())
			.containsExactly("create", "edit", "publish", "edit");

		// A published window moves only by a documented extension; units stay as published.
		ObjectNode moved = (ObjectNode) updated.json().deepCopy();
		((ObjectNode) moved.get("rounds").get(0)).put("closesAt", opens.plusSeconds(9000).toString());
		Response windowChanged = api().put("/api/registration/contests/" + id, ORGANIZER, JSON.writeValueAsString(moved));
		assertThat(windowChanged.status()).isEqualTo(409);
		assertThat(windowChanged.code()).isEqualTo("contest.published.window");
		ObjectNode regrouped = (ObjectNode) updated.json().deepCopy();
		((ArrayNode) regrouped.get("units")).remove(0);
		assertThat(api().put("/api/registration/contests/" + id, ORGANIZER, JSON.writeValueAsString(regrouped)).code())
			.isEqualTo("contest.units.frozen");
		assertThat(this.mongo.findById(id, Contest.class).version()).isEqualTo(2);
	}

	@Test
	void konRayTeamLimitsComeFromThePlan() {
		Response created = fromTemplate("kon-ray-2023", 8);
		String id = created.json().get("id").asString();
		Instant opens = Instant.now().plusSeconds(7200);
		api().put("/api/registration/contests/" + id, ORGANIZER,
				JSON.writeValueAsString(editable(created.json(), opens, opens.plusSeconds(3600))));
		assertThat(api().post("/api/registration/contests/" + id + "/publish", ORGANIZER, null).status()).isEqualTo(200);
		String manager = TestTokens.unitManagerToken("manager-u1", "U1");
		String path = "/api/registration/contests/" + id + "/teams/U1";

		Response thirteen = api().put(path, manager, team(13, 0));
		assertThat(thirteen.status()).isEqualTo(400);
		assertThat(thirteen.code()).isEqualTo("team.too-many-members");
		assertThat(thirteen.json().path("detail").asString()).contains("12");
		Response fiveInvited = api().put(path, manager, team(12, 5));
		assertThat(fiveInvited.code()).isEqualTo("team.too-many-invited");
		assertThat(countIn(id, Team.class)).isZero();
		assertThat(api().put(path, manager, team(12, 4)).status()).isEqualTo(200);
	}

	static String team(int own, int invited) {
		List<Map<String, Object>> members = new ArrayList<>();
		IntStream.rangeClosed(1, own).forEach(i -> members.add(Map.of("fullName", "Thành viên " + i)));
		IntStream.rangeClosed(1, invited).forEach(i -> members.add(Map.of("fullName", "Khách mời " + i, "invited", true)));
		return ApiClient.json(Map.of("name", "Đội xã Đăk Ruồng", "captain", Map.of("fullName", "Thành viên 1"),
				"members", members));
	}

	@Test
	void aCitizenCannotEnrolInAContestForCivilServantsOnly() {
		Response created = fromTemplate("soc-trang-2021", 12);
		String id = created.json().get("id").asString();
		Instant now = Instant.now();
		ObjectNode body = (ObjectNode) created.json().deepCopy();
		for (JsonNode round : body.get("rounds")) {
			((ObjectNode) round).put("opensAt", now.minusSeconds(60).toString())
				.put("closesAt", now.plusSeconds(3600).toString());
		}
		assertThat(api().put("/api/registration/contests/" + id, ORGANIZER, JSON.writeValueAsString(body)).status())
			.isEqualTo(200);
		assertThat(api().post("/api/registration/contests/" + id + "/publish", ORGANIZER, null).status()).isEqualTo(200);
		String citizen = TestTokens.token("citizen-soc-trang", "citizen");
		Response refused = api().post("/api/registration/contests/" + id + "/enrolments", citizen,
				ApiClient.json(Map.of("fullName", "Lâm Thị Sương", "category", "citizen", "unitCode", "U1", "phone",
						"0912345678", "citizenId", "094190000123")));
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("enrolment.category-ineligible");
		assertThat(refused.json().path("detail").asString()).contains("cán bộ, công chức, viên chức");
		assertThat(countIn(id, Participant.class)).isZero();
		Response servant = api().post("/api/registration/contests/" + id + "/enrolments", citizen,
				ApiClient.json(Map.of("fullName", "Lâm Thị Sương", "category", "civil-servant", "unitCode", "U1",
						"phone", "0912345678", "citizenId", "094190000123")));
		assertThat(servant.status()).as(servant.body()).isEqualTo(201);
	}

	@Test
	void badConfigurationsAreRefusedInVietnameseAndStoreNothing() {
		long before = this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), Contest.class);

		// Sóc Trăng has 1 + 2 + 3 + 4 main collective prizes: five units cannot take ten prizes.
		Response tooFewUnits = fromTemplate("soc-trang-2021", 5);
		assertThat(tooFewUnits.status()).isEqualTo(400);
		assertThat(tooFewUnits.code()).isEqualTo("contest.prize.more-winners-than-units");
		assertThat(tooFewUnits.json().path("detail").asString()).contains("5 đơn vị");
		assertThat(tooFewUnits.json().get("winners").asInt()).isGreaterThan(5);

		Response unknown = api().post("/api/registration/contests/from-template", ORGANIZER,
				ApiClient.json(Map.of("templateCode", "quang-nam-2030", "units", units("U", 3))));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("template.not-found");

		Response citizen = api().post("/api/registration/contests/from-template",
				TestTokens.token("citizen-tpl", "citizen"),
				ApiClient.json(Map.of("templateCode", "bong-son-2024", "units", units("U", 3))));
		assertThat(citizen.status()).isEqualTo(403);
		// Roles are checked before the body is read: a citizen learns nothing from validation.
		String citizenToken = TestTokens.token("citizen-tpl", "citizen");
		assertThat(api().post("/api/registration/contests", citizenToken, "{\"title\":").status()).isEqualTo(403);
		assertThat(api().post("/api/registration/contests", citizenToken, "{}").code()).isEqualTo("auth.forbidden");
		assertThat(api().send("PUT", "/api/registration/rosters/x/units?effectiveFrom=not-a-date", citizenToken, "code\n",
				"text/csv").status()).isEqualTo(403);

		Instant now = Instant.now();
		Map<String, Object> base = new java.util.HashMap<>(RegistrationApiTest.contest(now, now.plusSeconds(60)));
		Map<String, Object> backwards = new java.util.HashMap<>(base);
		backwards.put("rounds", List.of(Map.of("kind", "video", "title", "Video", "opensAt",
				now.plusSeconds(60).toString(), "closesAt", now.toString())));
		assertThat(api().post("/api/registration/contests", ORGANIZER, ApiClient.json(backwards)).code())
			.isEqualTo("contest.round.window-invalid");

		Map<String, Object> badRanking = new java.util.HashMap<>(base);
		badRanking.put("prizes", List.of(Map.of("name", "Giải nhất", "count", 1, "amountVnd", 1_000_000, "scope",
				"individual", "ranking", "participants")));
		Response ranking = api().post("/api/registration/contests", ORGANIZER, ApiClient.json(badRanking));
		assertThat(ranking.code()).isEqualTo("contest.prize.ranking-invalid");
		assertThat(ranking.json().path("detail").asString()).contains("Giải nhất");

		Map<String, Object> badCategory = new java.util.HashMap<>(base);
		badCategory.put("eligibility", Map.of("categories", List.of("hoc-sinh")));
		assertThat(api().post("/api/registration/contests", ORGANIZER, ApiClient.json(badCategory)).code())
			.isEqualTo("contest.eligibility.category-invalid");

		Map<String, Object> liveWithoutParts = new java.util.HashMap<>(base);
		liveWithoutParts.put("rounds", List.of(Map.of("kind", "quiz", "title", "Trắc nghiệm", "opensAt", now.toString(),
				"closesAt", now.plusSeconds(60).toString())));
		assertThat(api().post("/api/registration/contests", ORGANIZER, ApiClient.json(liveWithoutParts)).code())
			.isEqualTo("contest.round.quiz-missing");

		Map<String, Object> badWeight = new java.util.HashMap<>(base);
		badWeight.put("collectiveScoring", Map.of("description", "?", "weights", Map.of("so-giai", 1.0)));
		assertThat(api().post("/api/registration/contests", ORGANIZER, ApiClient.json(badWeight)).code())
			.isEqualTo("contest.scoring.component-unknown");

		for (int threshold : new int[] { 0, 101 }) {
			Map<String, Object> badThreshold = new java.util.HashMap<>(base);
			badThreshold.put("collectiveScoring",
					Map.of("description", "?", "weights", Map.of("all-correct", 1.0), "allCorrectPercent", threshold));
			Response refused = api().post("/api/registration/contests", ORGANIZER, ApiClient.json(badThreshold));
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.code()).isEqualTo("contest.scoring.all-correct-percent-invalid");
			assertThat(refused.json().path("detail").asString()).contains("từ 1 đến 100");
		}

		Map<String, Object> badPoints = new java.util.HashMap<>(base);
		badPoints.put("prizes", List.of(Map.of("name", "Giải nhất", "count", 1, "amountVnd", 1_000_000, "scope",
				"individual", "ranking", "score", "points", -2)));
		Response points = api().post("/api/registration/contests", ORGANIZER, ApiClient.json(badPoints));
		assertThat(points.code()).isEqualTo("contest.prize.points-invalid");
		assertThat(points.json().path("detail").asString()).contains("Giải nhất").contains("không âm");

		assertThat(this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), Contest.class))
			.isEqualTo(before);
	}

}
