package vn.cchc.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.contracts.ParticipantEvent.ParticipantExcluded;
import vn.cchc.platform.mongo.Lookups;
import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;
import vn.cchc.registration.Contest.Status;
import vn.cchc.registration.EnrolmentRequests.Enrol;
import vn.cchc.registration.EnrolmentRequests.ProfileInput;

/**
 * Participant profiles and enrolment: one person, one participant per contest — by account,
 * by citizen ID and by phone — enforced by unique indexes, with a path for the organiser to
 * exclude a wrong enrolment so the real person can enrol.
 */
@Service
public class EnrolmentService {

	/** Committee members, judges and the secretariat may not compete. */
	static final List<String> INELIGIBLE_ROLES = List.of("organizer", "judge", "secretary", "admin");

	private final MongoTemplate mongo;

	private final ContestService contests;

	private final Outbox outbox;

	private final Clock clock;

	EnrolmentService(MongoTemplate mongo, ContestService contests, Outbox outbox, Clock clock) {
		this.mongo = mongo;
		this.contests = contests;
		this.outbox = outbox;
		this.clock = clock;
		var indexes = mongo.indexOps(Participant.class);
		indexes.createIndex(new Index("enrolmentKey", Sort.Direction.ASC).unique());
		indexes.createIndex(new Index("citizenKey", Sort.Direction.ASC).unique().sparse());
		indexes.createIndex(new Index("phoneKey", Sort.Direction.ASC).unique().sparse());
		indexes.createIndex(new Index("contestId", Sort.Direction.ASC));
	}

	Profile saveProfile(Caller caller, ProfileInput input) {
		Profile profile = new Profile(caller.userId(), input.fullName().strip(), input.dateOfBirth(), input.phone(),
				input.citizenId(), blankToNull(input.unitCode()), blankToNull(input.residentialArea()), input.category(),
				this.clock.instant());
		return this.mongo.save(profile);
	}

	Optional<Profile> profile(Caller caller) {
		return Optional.ofNullable(this.mongo.findById(caller.userId(), Profile.class));
	}

	Participant enrol(Caller caller, String contestId, Enrol request) {
		if (INELIGIBLE_ROLES.stream().anyMatch(caller::hasRole)) {
			throw ApiException.forbidden("enrolment.ineligible",
					"Thành viên Ban tổ chức, Ban giám khảo và Tổ thư ký không được dự thi.");
		}
		Contest contest = this.contests.find(contestId, caller);
		Instant now = this.clock.instant();
		if (contest.status() != Status.PUBLISHED) {
			throw ApiException.conflict("contest.not-open", "Cuộc thi chưa được công bố hoặc đã kết thúc.");
		}
		if (!now.isBefore(contest.enrolmentClosesAt())) {
			throw ApiException.conflict("enrolment.closed", "Cuộc thi đã hết thời gian đăng ký dự thi.");
		}
		Profile profile = profile(caller).orElse(null);
		String name = firstNonBlank(request.fullName(), profile == null ? null : profile.fullName());
		String category = firstNonBlank(request.category(), profile == null ? null : profile.category());
		String unitCode = firstNonBlank(request.unitCode(), profile == null ? null : profile.unitCode());
		String phone = firstNonBlank(request.phone(), profile == null ? null : profile.phone());
		String citizenId = firstNonBlank(request.citizenId(), profile == null ? null : profile.citizenId());
		if (name == null || category == null || unitCode == null) {
			throw ApiException.badRequest("enrolment.incomplete",
					"Vui lòng nhập đủ họ tên, đối tượng dự thi và đơn vị (hoặc hoàn thiện hồ sơ thí sinh trước).");
		}
		if (contest.eligibility() != null && !contest.eligibility().categories().contains(category)) {
			throw ApiException.forbidden("enrolment.category-ineligible", "Cuộc thi này chỉ dành cho "
					+ contest.eligibility()
						.categories()
						.stream()
						.map(c -> ContestRules.CATEGORIES.getOrDefault(c, c))
						.collect(java.util.stream.Collectors.joining(" và "))
					+ "; đối tượng «" + ContestRules.CATEGORIES.getOrDefault(category, category) + "» không được dự thi.");
		}
		if (!contest.hasUnit(unitCode)) {
			throw ApiException.badRequest("enrolment.unit.unknown",
					"Đơn vị «" + unitCode + "» không thuộc danh sách đơn vị của cuộc thi.");
		}
		String key = Participant.enrolmentKey(contestId, caller.userId());
		String citizenKey = Participant.key(contestId, citizenId);
		String phoneKey = Participant.key(contestId, phone);
		String participantId = UUID.randomUUID().toString();
		var event = new ParticipantEnrolled(contestId, participantId, caller.userId(), name.strip(), category, unitCode,
				now);
		try {
			Participant participant = this.mongo.insert(new Participant(participantId, contestId, caller.userId(), key,
					citizenKey, phoneKey, name.strip(), category, unitCode, phone, citizenId, now, false, null,
					this.outbox.messages(event)));
			this.outbox.written(Participant.COLLECTION, participantId);
			return participant;
		}
		catch (DuplicateKeyException ex) {
			// The unique indexes decide; this only finds which one refused, for the message.
			ensureFree(key, citizenKey, phoneKey);
			throw alreadyEnrolled();
		}
	}

	Optional<Participant> enrolmentOf(Caller caller, String contestId) {
		return Optional.ofNullable(this.mongo.findOne(
				Query.query(Criteria.where("enrolmentKey").is(Participant.enrolmentKey(contestId, caller.userId()))),
				Participant.class));
	}

	List<Participant> participants(Caller caller, String contestId) {
		caller.require("organizer", "admin");
		this.contests.find(contestId, caller);
		return this.mongo.find(Query.query(Criteria.where("contestId").is(contestId))
			.with(Sort.by("enrolledAt")), Participant.class);
	}

	/** Excludes a participant (a duplicate, a committee member…): ranked nowhere, keys freed. */
	Participant exclude(Caller caller, String contestId, String participantId, String reason) {
		caller.require("organizer", "admin");
		Update update = new Update().set("excluded", true)
			.set("exclusionReason", reason.strip())
			.unset("citizenKey")
			.unset("phoneKey");
		this.outbox.append(update, new ParticipantExcluded(contestId, participantId, reason.strip()));
		Participant excluded = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(participantId).and("contestId").is(contestId).and("excluded").is(false)),
				update, FindAndModifyOptions.options().returnNew(true), Participant.class);
		if (excluded == null) {
			Participant existing = this.mongo.findById(participantId, Participant.class);
			if (existing == null || !existing.contestId().equals(contestId)) {
				throw ApiException.notFound("participant.not-found", "Không tìm thấy thí sinh trong cuộc thi này.");
			}
			throw ApiException.conflict("participant.already-excluded", "Thí sinh này đã bị loại trước đó.");
		}
		this.outbox.written(Participant.COLLECTION, participantId);
		return excluded;
	}

	private void ensureFree(String enrolmentKey, String citizenKey, String phoneKey) {
		if (exists("enrolmentKey", enrolmentKey)) {
			throw alreadyEnrolled();
		}
		if (exists("citizenKey", citizenKey)) {
			throw ApiException.conflict("enrolment.duplicate-citizen-id",
					"Số CCCD này đã được dùng để đăng ký cuộc thi. Nếu đây là nhầm lẫn, vui lòng liên hệ Ban tổ chức để được xử lý.");
		}
		if (exists("phoneKey", phoneKey)) {
			throw ApiException.conflict("enrolment.duplicate-phone",
					"Số điện thoại này đã được dùng để đăng ký cuộc thi. Nếu đây là nhầm lẫn, vui lòng liên hệ Ban tổ chức để được xử lý.");
		}
	}

	private boolean exists(String field, String value) {
		return value != null && Lookups.exists(this.mongo, Query.query(Criteria.where(field).is(value)), Participant.class);
	}

	private static ApiException alreadyEnrolled() {
		return ApiException.conflict("enrolment.duplicate", "Bạn đã đăng ký dự thi cuộc thi này rồi.");
	}

	private static String firstNonBlank(String a, String b) {
		return a != null && !a.isBlank() ? a : (b != null && !b.isBlank() ? b : null);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
