package vn.cchc.registration.roster;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;
import vn.cchc.platform.web.Roles;

@RestController
@RequestMapping("/api/registration/rosters")
class RosterController {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final RosterService rosters;

	private final Clock clock;

	RosterController(RosterService rosters, Clock clock) {
		this.rosters = rosters;
		this.clock = clock;
	}

	record CreateRoster(String name, String organizer) {
	}

	record UnitView(String code, String name, @Nullable String kind, @Nullable String kindLabel, @Nullable String parent,
			@Nullable String block, @Nullable Integer headcount) {

		static UnitView of(RosterUnit u) {
			return new UnitView(u.code(), u.name(), u.kind() == null ? null : u.kind().code(),
					u.kind() == null ? null : u.kind().label(), u.parent(), u.block(), u.headcount());
		}

	}

	record VersionView(Instant effectiveFrom, String cause, int count) {
	}

	record RosterView(String id, String name, @Nullable String organizer, Instant asOf, List<UnitView> units,
			List<VersionView> versions) {
	}

	record ImportSummary(String id, Instant effectiveFrom, int count, Map<String, Long> byKind, long totalHeadcount) {

		static ImportSummary of(String id, Instant effectiveFrom, List<RosterUnit> units) {
			Map<String, Long> byKind = new TreeMap<>();
			units.forEach((u) -> byKind.merge(u.kind() == null ? "unspecified" : u.kind().code(), 1L, Long::sum));
			long total = units.stream().mapToLong((u) -> u.headcount() == null ? 0 : u.headcount()).sum();
			return new ImportSummary(id, effectiveFrom, units.size(), byKind, total);
		}

	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	RosterView create(@Roles({ "organizer", "admin" }) Caller caller, @RequestBody CreateRoster body) {
		Roster roster = this.rosters.create(caller, body.name(), body.organizer());
		return view(roster, this.clock.instant());
	}

	@GetMapping("/{id}")
	RosterView get(Caller caller, @PathVariable String id, @RequestParam(required = false) String asOf) {
		Roster roster = this.rosters.get(caller, id);
		return view(roster, asOf == null ? this.clock.instant() : instant(asOf, "asOf"));
	}

	@PutMapping(path = "/{id}/units", consumes = { "text/csv", "text/plain", "application/octet-stream" })
	ImportSummary importCsv(@Roles({ "organizer", "admin" }) Caller caller, @PathVariable String id, @RequestParam String effectiveFrom,
			@RequestBody byte[] body) {
		caller.require("organizer", "admin");
		Instant from = instant(effectiveFrom, "effectiveFrom");
		List<RosterUnit> units = RosterFile.read(body);
		this.rosters.importUnits(caller, id, from, units);
		return ImportSummary.of(id, from, units);
	}

	@PutMapping(path = "/{id}/units", consumes = XLSX)
	ImportSummary importXlsx(@Roles({ "organizer", "admin" }) Caller caller, @PathVariable String id, @RequestParam String effectiveFrom,
			@RequestBody byte[] body) {
		caller.require("organizer", "admin");
		Instant from = instant(effectiveFrom, "effectiveFrom");
		List<RosterUnit> units = RosterFile.readXlsx(body);
		this.rosters.importUnits(caller, id, from, units);
		return ImportSummary.of(id, from, units);
	}

	@PostMapping("/{id}/changes")
	ImportSummary change(@Roles({ "organizer", "admin" }) Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
		caller.require("organizer", "admin");
		Instant from = instant(text(body, "effectiveFrom"), "effectiveFrom");
		String type = text(body, "type");
		RosterChange change = switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
			case "merge" -> new RosterChange.Merge(codes(body.get("from")), unit(body.get("into")));
			case "split" -> new RosterChange.Split(text(body, "from"), units(body.get("into")));
			case "rename" -> new RosterChange.Rename(text(body, "code"), text(body, "name"));
			case "headcount" -> {
				JsonNode headcount = body.get("headcount");
				if (headcount == null || !headcount.isIntegralNumber()) {
					throw ApiException.badRequest("roster.change.invalid", "Biên chế phải là một số nguyên.");
				}
				yield new RosterChange.Headcount(text(body, "code"), headcount.asInt());
			}
			default -> throw ApiException.badRequest("roster.change.unknown-type",
					"Loại thay đổi «" + type + "» không hợp lệ (merge, split, rename, headcount).");
		};
		Roster roster = this.rosters.change(caller, id, from, change);
		return ImportSummary.of(id, from, roster.asOf(from).orElseThrow().units());
	}

	private static RosterView view(Roster roster, Instant asOf) {
		List<UnitView> units = roster.asOf(asOf).map(Roster.Version::units).orElse(List.of()).stream()
			.map(UnitView::of)
			.toList();
		List<VersionView> versions = roster.versions().stream()
			.map((v) -> new VersionView(v.effectiveFrom(), v.cause(), v.units().size()))
			.toList();
		return new RosterView(roster.id(), roster.name(), roster.organizer(), asOf, units, versions);
	}

	/** A date ({@code 2024-05-01}, start of that day in Vietnam) or an instant ({@code 2024-05-01T00:00:00Z}). */
	static Instant instant(String text, String parameter) {
		if (text == null || text.isBlank()) {
			throw ApiException.badRequest("request.invalid-parameter", "Thiếu tham số «" + parameter + "» (ngày, ví dụ 2024-05-01).");
		}
		try {
			return text.length() <= 10 ? LocalDate.parse(text.strip()).atStartOfDay(ZONE).toInstant()
					: Instant.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest("request.invalid-parameter",
					"Giá trị của tham số «" + parameter + "» không phải là ngày hợp lệ (ví dụ 2024-05-01).");
		}
	}

	private static @Nullable String text(@Nullable JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		return value == null || value.isNull() ? null : value.asString().strip();
	}

	private static List<String> codes(@Nullable JsonNode node) {
		List<String> codes = new ArrayList<>();
		if (node != null && node.isArray()) {
			node.forEach((c) -> codes.add(c.asString().strip()));
		}
		return codes;
	}

	private static List<RosterUnit> units(@Nullable JsonNode node) {
		List<RosterUnit> units = new ArrayList<>();
		if (node != null && node.isArray()) {
			node.forEach((n) -> units.add(unit(n)));
		}
		return units;
	}

	private static @Nullable RosterUnit unit(@Nullable JsonNode node) {
		if (node == null || !node.isObject()) {
			return null;
		}
		String kindText = text(node, "kind");
		UnitKind kind = null;
		if (kindText != null && !kindText.isEmpty()) {
			kind = UnitKind.parse(kindText)
				.orElseThrow(() -> ApiException.badRequest("roster.change.invalid",
						"Loại đơn vị «" + kindText + "» không hợp lệ."));
		}
		JsonNode headcount = node.get("headcount");
		if (headcount != null && !headcount.isNull() && !headcount.isIntegralNumber()) {
			throw ApiException.badRequest("roster.change.invalid", "Biên chế phải là một số nguyên.");
		}
		String name = text(node, "name");
		return new RosterUnit(text(node, "code"), name == null ? null : java.text.Normalizer.normalize(name,
				java.text.Normalizer.Form.NFC), kind, emptyToNull(text(node, "parent")), emptyToNull(text(node, "block")),
				headcount == null || headcount.isNull() ? null : headcount.asInt());
	}

	private static @Nullable String emptyToNull(@Nullable String s) {
		return s == null || s.isEmpty() ? null : s;
	}

}
