package vn.cchc.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.cchc.contracts.CchcEvent;
import vn.cchc.contracts.ContestEvent.ContestClosed;
import vn.cchc.contracts.ContestEvent.ContestUpdated;
import vn.cchc.contracts.ContestEvent.PrizeTier;
import vn.cchc.contracts.ContestEvent.RoundWindowExtended;
import vn.cchc.contracts.UnitEvent.UnitRegistered;
import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;
import vn.cchc.registration.roster.RosterService;
import vn.cchc.registration.Contest.AuditEntry;
import vn.cchc.registration.Contest.Round;
import vn.cchc.registration.Contest.WindowChange;
import vn.cchc.registration.Contest.Status;
import vn.cchc.registration.Contest.Unit;
import vn.cchc.registration.ContestRequests.CreateContest;
import vn.cchc.registration.ContestRequests.FromTemplate;
import vn.cchc.registration.ContestRequests.QuizInput;
import vn.cchc.registration.ContestRequests.RoundInput;
import vn.cchc.registration.ContestRequests.StagePartInput;
import vn.cchc.registration.ContestRules.Rounds;
import vn.cchc.registration.template.ContestTemplate;
import vn.cchc.registration.template.ContestTemplates;

/**
 * Contest set-up and publication. Every use case validates first and then makes a
 * single document write that carries its events in the document's outbox.
 */
@Service
public class ContestService {

	/** The question bank a template's quiz rounds draw from unless the organiser names another. */
	static final String DEFAULT_BANK = "cchc-mau";

	private final MongoTemplate mongo;

	private final Outbox outbox;

	private final Clock clock;

	private final RosterService rosters;

	ContestService(MongoTemplate mongo, Outbox outbox, Clock clock, RosterService rosters) {
		this.rosters = rosters;
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock;
		mongo.indexOps(Contest.class).createIndex(new Index("status", Sort.Direction.ASC));
	}

	Contest create(Caller caller, CreateContest request) {
		return draft(caller, request, null);
	}

	/**
	 * A draft from one of the five templates: the plan's rounds, eligibility, team limits, prizes
	 * and scoring, the units given (inline or from a roster), windows the plan left open still
	 * empty. The organiser edits it and publishes it like any draft.
	 */
	Contest fromTemplate(Caller caller, FromTemplate request) {
		caller.require("organizer", "admin");
		ContestTemplate template = ContestTemplates.find(request.templateCode())
			.orElseThrow(() -> ApiException.notFound("template.not-found",
					"Không có mẫu cuộc thi «" + request.templateCode() + "»."));
		String bank = request.bankCode() == null || request.bankCode().isBlank() ? DEFAULT_BANK
				: request.bankCode().strip();
		List<RoundInput> rounds = template.rounds()
			.stream()
			.map(r -> new RoundInput(r.roundId(), r.kind(), r.title(), r.opensAt(), r.closesAt(),
					r.quiz() == null ? null
							: new QuizInput(bank, r.quiz().questionCount(), r.quiz().timeLimitSeconds(),
									r.quiz().attemptsAllowed(), r.quiz().counting()),
					r.parts().stream().map(p -> new StagePartInput(p.name(), p.limitSeconds(), p.conferSeconds())).toList(),
					r.criteria(), r.reviews()))
			.toList();
		String title = request.title() == null || request.title().isBlank() ? template.title() : request.title();
		return draft(caller, new CreateContest(title, template.organizer(), template.timeZone(), request.units(), rounds,
				request.rosterId(), request.rosterAsOf(), template.season(), template.eligibility(), template.team(),
				template.prizes(), template.collectiveScoring()), template.code());
	}

	private Contest draft(Caller caller, CreateContest request, @Nullable String templateCode) {
		caller.require("organizer", "admin");
		String timeZone = timeZone(request.timeZone());
		List<Unit> units = units(request, null);
		Rounds rounds = ContestRules.rounds(request.rounds(), List.of());
		List<PrizeTier> prizes = ContestRules.prizes(request.prizes(), rounds, units);
		Instant now = this.clock.instant();
		String source = templateCode == null ? "" : " từ mẫu «" + templateCode + "»";
		Contest contest = new Contest(UUID.randomUUID().toString(), request.title().strip(),
				request.organizer().strip(), timeZone, Status.DRAFT, caller.userId(), now, null, units,
				rounds.rounds(), List.of(),
				List.of(AuditEntry.of(caller, "create",
						"Tạo bản nháp cuộc thi «" + request.title().strip() + "»" + source, now)),
				blankToNull(request.season()), templateCode, ContestRules.eligibility(request.eligibility()),
				ContestRules.team(request.team()), prizes, ContestRules.scoring(request.collectiveScoring()), 0);
		return this.mongo.insert(contest);
	}

	/**
	 * Replaces a contest's configuration. A draft changes freely (units too). A published contest
	 * keeps its units, rounds and windows (windows move by extension) and the question settings of
	 * rounds already open; anything else may change, and {@link ContestUpdated} with the next version
	 * goes out in the same write. {@code expectedVersion}, when given, must be the version the
	 * organiser edited.
	 */
	Contest update(Caller caller, String contestId, CreateContest request, @Nullable Integer expectedVersion) {
		caller.require("organizer", "admin");
		Contest current = find(contestId, caller);
		if (current.status() == Status.CLOSED) {
			throw ApiException.conflict("contest.closed", "Cuộc thi đã kết thúc, không sửa được nữa.");
		}
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw ApiException.conflict("contest.changed", "Cuộc thi vừa được thay đổi, vui lòng tải lại và thử lại.");
		}
		boolean published = current.status() == Status.PUBLISHED;
		String timeZone = timeZone(request.timeZone());
		List<Unit> units = units(request, current.units());
		if (published && !units.equals(current.units())) {
			throw ApiException.conflict("contest.units.frozen",
					"Cuộc thi đã công bố giữ nguyên danh sách đơn vị và biên chế lúc công bố.");
		}
		Rounds rounds = ContestRules.rounds(request.rounds(), current.rounds());
		Instant now = this.clock.instant();
		if (published) {
			ContestRules.publishedRoundsKept(current, rounds.rounds(), timeZone, now);
		}
		List<PrizeTier> prizes = ContestRules.prizes(request.prizes(), rounds, units);
		int version = published ? current.version() + 1 : current.version();
		Contest next = new Contest(current.id(), request.title().strip(), request.organizer().strip(), timeZone,
				current.status(), current.createdBy(), current.createdAt(), current.publishedAt(), units,
				rounds.rounds(), List.of(), List.of(), blankToNull(request.season()), current.templateCode(),
				ContestRules.eligibility(request.eligibility()), ContestRules.team(request.team()), prizes,
				ContestRules.scoring(request.collectiveScoring()), version);
		String summary = ContestRules.changes(current, next);
		Update update = new Update().set("title", next.title())
			.set("organizer", next.organizer())
			.set("timeZone", next.timeZone())
			.set("units", next.units())
			.set("rounds", next.rounds())
			.set("season", next.season())
			.set("eligibility", next.eligibility())
			.set("team", next.team())
			.set("prizes", next.prizes())
			.set("collectiveScoring", next.collectiveScoring())
			.set("version", version)
			.push("audit", AuditEntry.of(caller, "edit", summary, now));
		if (published) {
			this.outbox.append(update, next.updated(summary));
		}
		Contest updated = this.mongo.findAndModify(Query.query(Criteria.where("_id")
			.is(contestId)
			.and("status")
			.is(current.status())
			.and("version")
			.is(current.version())), update, FindAndModifyOptions.options().returnNew(true), Contest.class);
		if (updated == null) {
			throw ApiException.conflict("contest.changed", "Cuộc thi vừa được thay đổi, vui lòng tải lại và thử lại.");
		}
		if (published) {
			this.outbox.written(Contest.COLLECTION, contestId);
		}
		return updated;
	}

	private static String timeZone(@Nullable String requested) {
		String timeZone = requested == null || requested.isBlank() ? ContestTemplate.DEFAULT_TIME_ZONE : requested;
		if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
			throw ApiException.badRequest("contest.time-zone.invalid", "Múi giờ «" + timeZone + "» không hợp lệ.");
		}
		return timeZone;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * The contest's units: listed in the request, or copied from a roster as it stood at
	 * {@code rosterAsOf} (default now), or {@code unchanged} when the request names neither. The copy
	 * is the contest's own, so later merges, splits and headcount changes never move its
	 * participation rates.
	 */
	private List<Unit> units(CreateContest request, @Nullable List<Unit> unchanged) {
		boolean inline = request.units() != null && !request.units().isEmpty();
		boolean roster = request.rosterId() != null && !request.rosterId().isBlank();
		if (!inline && !roster && unchanged != null) {
			return unchanged;
		}
		if (inline == roster) {
			throw ApiException.badRequest("contest.units.source",
					"Hãy chọn một trong hai: danh sách đơn vị nhập trực tiếp hoặc một danh sách đơn vị (roster) đã nhập.");
		}
		List<Unit> units = new ArrayList<>();
		if (roster) {
			Instant asOf = request.rosterAsOf() != null ? request.rosterAsOf() : this.clock.instant();
			this.rosters.snapshot(request.rosterId(), asOf)
				.forEach(u -> units.add(new Unit(u.code(), u.name(), u.block(), u.headcount() == null ? 0 : u.headcount())));
			if (units.isEmpty()) {
				throw ApiException.badRequest("contest.units.empty",
						"Danh sách đơn vị chưa có đơn vị nào tại thời điểm đã chọn.");
			}
			return units;
		}
		Set<String> codes = new HashSet<>();
		for (var unit : request.units()) {
			if (!codes.add(unit.code())) {
				throw ApiException.badRequest("contest.unit.duplicate",
						"Mã đơn vị «" + unit.code() + "» bị trùng trong danh sách đơn vị.");
			}
			units.add(new Unit(unit.code(), unit.name().strip(), unit.group(), unit.headcount()));
		}
		return units;
	}

	/** Publishes a draft: the contest and its units go out as events in the same write. */
	Contest publish(Caller caller, String contestId) {
		caller.require("organizer", "admin");
		Contest draft = find(contestId, caller);
		if (draft.status() != Status.DRAFT) {
			throw ApiException.conflict("contest.already-published", "Cuộc thi này đã được công bố trước đó.");
		}
		ContestRules.readyToPublish(draft);
		List<CchcEvent> events = new ArrayList<>();
		events.add(draft.published());
		draft.units()
			.forEach(u -> events.add(new UnitRegistered(draft.id(), u.code(), u.name(), u.group(), u.headcount())));
		Update update = new Update().set("status", Status.PUBLISHED)
			.set("publishedAt", this.clock.instant())
			.set("version", 1)
			.push("audit", AuditEntry.of(caller, "publish", "Công bố cuộc thi", this.clock.instant()));
		this.outbox.append(update, events.toArray(CchcEvent[]::new));
		Contest published = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(contestId).and("status").is(Status.DRAFT).and("version").is(draft.version())), update,
				FindAndModifyOptions.options().returnNew(true), Contest.class);
		if (published == null) {
			throw ApiException.conflict("contest.already-published", "Cuộc thi này đã được công bố trước đó.");
		}
		this.outbox.written(Contest.COLLECTION, contestId);
		return published;
	}

	/**
	 * Extends a round of a published contest to a later closing time; the old value stays in the
	 * round's history with the reason and the notice, and {@link RoundWindowExtended} goes out in
	 * the same write.
	 */
	Contest extend(Caller caller, String contestId, String roundId, Instant closesAt, String reason,
			@Nullable String noticeRef) {
		caller.require("organizer", "admin");
		Contest contest = find(contestId, caller);
		if (contest.status() != Status.PUBLISHED) {
			throw ApiException.conflict("contest.not-published",
					"Chỉ gia hạn được vòng thi của cuộc thi đang công bố.");
		}
		int index = -1;
		for (int i = 0; i < contest.rounds().size(); i++) {
			if (contest.rounds().get(i).roundId().equals(roundId)) {
				index = i;
			}
		}
		if (index < 0) {
			throw ApiException.notFound("contest.round.not-found", "Không tìm thấy vòng thi.");
		}
		Round round = contest.rounds().get(index);
		// Array index, not the positional operator: the round's place never changes once published,
		// and the query below checks it is still the same round with the same closing time.
		String path = "rounds." + index;
		if (!closesAt.isAfter(round.closesAt())) {
			throw ApiException.badRequest("contest.round.extension-earlier",
					"Thời điểm kết thúc mới phải sau thời điểm kết thúc hiện tại của vòng «" + round.title() + "».");
		}
		Instant now = this.clock.instant();
		Update update = new Update().set(path + ".closesAt", closesAt)
			.push(path + ".extensions",
					new WindowChange(round.closesAt(), closesAt, reason, noticeRef, caller.userId(), now))
			.push("audit", AuditEntry.of(caller, "extend", "Gia hạn vòng «" + round.title() + "» từ "
					+ round.closesAt() + " đến " + closesAt + ": " + reason, now));
		this.outbox.append(update, new RoundWindowExtended(contestId, roundId, round.closesAt(), closesAt, reason));
		Contest updated = this.mongo.findAndModify(Query.query(Criteria.where("_id")
			.is(contestId)
			.and("status")
			.is(Status.PUBLISHED)
			.and(path + ".roundId")
			.is(roundId)
			.and(path + ".closesAt")
			.is(round.closesAt())), update,
				FindAndModifyOptions.options().returnNew(true), Contest.class);
		if (updated == null) {
			throw ApiException.conflict("contest.changed", "Cuộc thi vừa được thay đổi, vui lòng tải lại và thử lại.");
		}
		this.outbox.written(Contest.COLLECTION, contestId);
		return updated;
	}

	/** Closes a published contest; {@link ContestClosed} goes out in the same write. */
	Contest close(Caller caller, String contestId) {
		caller.require("organizer", "admin");
		Contest contest = find(contestId, caller);
		if (contest.status() != Status.PUBLISHED) {
			throw ApiException.conflict("contest.not-published", "Chỉ đóng được cuộc thi đang công bố.");
		}
		Instant now = this.clock.instant();
		Update update = new Update().set("status", Status.CLOSED)
			.push("audit", AuditEntry.of(caller, "close", "Đóng cuộc thi", now));
		this.outbox.append(update, new ContestClosed(contestId, now));
		Contest closed = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(contestId).and("status").is(Status.PUBLISHED)), update,
				FindAndModifyOptions.options().returnNew(true), Contest.class);
		if (closed == null) {
			throw ApiException.conflict("contest.not-published", "Chỉ đóng được cuộc thi đang công bố.");
		}
		this.outbox.written(Contest.COLLECTION, contestId);
		return closed;
	}

	/** The audit trail of a contest, oldest first (organisers and admins). */
	List<AuditEntry> audit(Caller caller, String contestId) {
		caller.require("organizer", "admin");
		Contest contest = find(contestId, caller);
		return contest.audit() == null ? List.of() : contest.audit();
	}

	/** Every contest, newest first (organisers and admins). */
	List<Contest> all(@Nullable Caller caller) {
		if (caller == null) {
			throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "auth.required", "Vui lòng đăng nhập.");
		}
		caller.require("organizer", "admin");
		return this.mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")), Contest.class);
	}

	List<Contest> published() {
		return this.mongo.find(Query.query(Criteria.where("status").is(Status.PUBLISHED))
			.with(Sort.by(Sort.Direction.DESC, "publishedAt")), Contest.class);
	}

	/** Published contests are public; a draft is visible to organisers only. */
	Contest find(String contestId, Caller caller) {
		Contest contest = this.mongo.findById(contestId, Contest.class);
		if (contest == null || (contest.status() == Status.DRAFT
				&& (caller == null || !(caller.hasRole("organizer") || caller.hasRole("admin"))))) {
			throw ApiException.notFound("contest.not-found", "Không tìm thấy cuộc thi.");
		}
		return contest;
	}

}
