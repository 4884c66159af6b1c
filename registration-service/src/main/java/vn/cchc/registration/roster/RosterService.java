package vn.cchc.registration.roster;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;

/**
 * Rosters: creating them, importing their units from a date, applying dated merges, splits,
 * renames and headcount changes, and reading them as they were at an instant. Every write is one
 * guarded update of the roster document (its {@code revision} must not have moved since it was read).
 */
@Service
public class RosterService {

	private final MongoTemplate mongo;

	private final Clock clock;

	RosterService(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * The units and headcounts of a roster as they were at {@code asOf}, for a contest to keep as
	 * published (so later merges or headcount changes never move its participation rates). Empty
	 * when the roster had no units yet at that instant.
	 */
	public List<RosterUnit> snapshot(String rosterId, Instant asOf) {
		return unitsAsOf(rosterId, asOf);
	}

	public List<RosterUnit> unitsAsOf(String rosterId, Instant asOf) {
		return find(rosterId).asOf(asOf).map(Roster.Version::units).map(List::copyOf).orElse(List.of());
	}

	Roster create(Caller caller, String name, String organizer) {
		caller.require("organizer", "admin");
		if (name == null || name.isBlank()) {
			throw ApiException.badRequest("roster.name-required", "Tên danh sách đơn vị đang để trống.");
		}
		Roster roster = new Roster(UUID.randomUUID().toString(), name.strip(), organizer == null ? null : organizer.strip(),
				caller.userId(), this.clock.instant(), 0, List.of());
		return this.mongo.insert(roster);
	}

	Roster get(Caller caller, String rosterId) {
		caller.require("organizer", "admin");
		return find(rosterId);
	}

	/** Replaces the roster's units from {@code effectiveFrom} with the file's; nothing is written if a row is bad. */
	Roster importUnits(Caller caller, String rosterId, Instant effectiveFrom, List<RosterUnit> units) {
		caller.require("organizer", "admin");
		return append(find(rosterId), effectiveFrom, "import", units);
	}

	Roster change(Caller caller, String rosterId, Instant effectiveFrom, RosterChange change) {
		caller.require("organizer", "admin");
		Roster roster = find(rosterId);
		List<RosterUnit> current = roster.asOf(effectiveFrom)
			.map(Roster.Version::units)
			.orElseThrow(() -> ApiException.conflict("roster.empty",
					"Danh sách đơn vị chưa có đơn vị nào tại ngày hiệu lực; hãy nhập danh sách trước."));
		return append(roster, effectiveFrom, change.describe(), change.applyTo(current));
	}

	private Roster append(Roster roster, Instant effectiveFrom, String cause, List<RosterUnit> units) {
		roster.latestEffectiveFrom().filter(effectiveFrom::isBefore).ifPresent((latest) -> {
			throw ApiException.conflict("roster.change.out-of-order",
					"Đã có thay đổi hiệu lực từ ngày sau ngày này; chỉ ghi được thay đổi có ngày hiệu lực từ "
							+ RosterController.DATE.format(latest.atZone(RosterController.ZONE)) + " trở đi.");
		});
		Roster.Version version = new Roster.Version(effectiveFrom, cause, this.clock.instant(), List.copyOf(units));
		Query current = Query.query(Criteria.where("_id").is(roster.id()).and("revision").is(roster.revision()));
		long modified = this.mongo.updateFirst(current, new Update().push("versions", version).inc("revision", 1),
				Roster.class).getModifiedCount();
		if (modified == 0) {
			throw ApiException.conflict("roster.concurrent-change",
					"Danh sách đơn vị vừa được người khác thay đổi; hãy tải lại rồi thử lại.");
		}
		List<Roster.Version> versions = new ArrayList<>(roster.versions());
		versions.add(version);
		return new Roster(roster.id(), roster.name(), roster.organizer(), roster.createdBy(), roster.createdAt(),
				roster.revision() + 1, versions);
	}

	private Roster find(String rosterId) {
		Roster roster = this.mongo.findById(rosterId, Roster.class);
		if (roster == null) {
			throw ApiException.notFound("roster.not-found", "Không tìm thấy danh sách đơn vị.");
		}
		return roster;
	}

}
