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
import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.ContestEvent.RoundWindowExtended;
import vn.cchc.contracts.ContestEvent.QuizSettings;
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

/**
 * Contest set-up and publication. Every use case validates first and then makes a
 * single document write that carries its events in the document's outbox.
 */
@Service
public class ContestService {

	static final String DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

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
		caller.require("organizer", "admin");
		String timeZone = request.timeZone() == null || request.timeZone().isBlank() ? DEFAULT_TIME_ZONE
				: request.timeZone();
		if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
			throw ApiException.badRequest("contest.time-zone.invalid", "Múi giờ «" + timeZone + "» không hợp lệ.");
		}
		List<Unit> units = units(request);
		List<Round> rounds = new ArrayList<>();
		for (var round : request.rounds()) {
			if (!round.closesAt().isAfter(round.opensAt())) {
				throw ApiException.badRequest("contest.round.window-invalid",
						"Vòng «" + round.title() + "»: thời điểm kết thúc phải sau thời điểm bắt đầu.");
			}
			var quiz = round.quiz();
			rounds.add(new Round(UUID.randomUUID().toString(), round.kind(), round.title().strip(), round.opensAt(),
					round.closesAt(), new QuizSettings(quiz.bankCode(), quiz.questionCount(), quiz.timeLimitSeconds(),
							quiz.attemptsAllowed(), quiz.counting()), List.of()));
		}
		Contest contest = new Contest(UUID.randomUUID().toString(), request.title().strip(),
				request.organizer().strip(), timeZone, Status.DRAFT, caller.userId(), this.clock.instant(), null,
				units, rounds, List.of(), List.of(AuditEntry.of(caller, "create",
						"Tạo bản nháp cuộc thi «" + request.title().strip() + "»", this.clock.instant())));
		return this.mongo.insert(contest);
	}

	/**
	 * The contest's units: listed in the request, or copied from a roster as it stood at
	 * {@code rosterAsOf} (default now). The copy is the contest's own, so later merges, splits and
	 * headcount changes never move its participation rates.
	 */
	private List<Unit> units(CreateContest request) {
		boolean inline = request.units() != null && !request.units().isEmpty();
		if (inline == (request.rosterId() != null)) {
			throw ApiException.badRequest("contest.units.source",
					"Hãy chọn một trong hai: danh sách đơn vị nhập trực tiếp hoặc một danh sách đơn vị (roster) đã nhập.");
		}
		List<Unit> units = new ArrayList<>();
		if (!inline) {
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
		List<CchcEvent> events = new ArrayList<>();
		events.add(new ContestPublished(draft.id(), draft.title(), draft.organizer(), draft.timeZone(), 1,
				draft.rounds().stream().map(Round::toEvent).toList()));
		draft.units()
			.forEach(u -> events.add(new UnitRegistered(draft.id(), u.code(), u.name(), u.group(), u.headcount())));
		Update update = new Update().set("status", Status.PUBLISHED)
			.set("publishedAt", this.clock.instant())
			.push("audit", AuditEntry.of(caller, "publish", "Công bố cuộc thi", this.clock.instant()));
		this.outbox.append(update, events.toArray(CchcEvent[]::new));
		Contest published = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(contestId).and("status").is(Status.DRAFT)), update,
				FindAndModifyOptions.options().returnNew(true), Contest.class);
		if (published == null) {
			throw ApiException.conflict("contest.already-published", "Cuộc thi này đã được công bố trước đó.");
		}
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
		return closed;
	}

	/** The audit trail of a contest, oldest first (organisers and admins). */
	List<AuditEntry> audit(Caller caller, String contestId) {
		caller.require("organizer", "admin");
		Contest contest = find(contestId, caller);
		return contest.audit() == null ? List.of() : contest.audit();
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
