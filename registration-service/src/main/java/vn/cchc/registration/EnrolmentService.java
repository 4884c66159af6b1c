package vn.cchc.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;
import vn.cchc.registration.Contest.Status;
import vn.cchc.registration.ContestRequests.Enrol;

/** Enrolment of people in published contests: one participant per person and contest. */
@Service
public class EnrolmentService {

	private final MongoTemplate mongo;

	private final ContestService contests;

	private final Outbox outbox;

	private final Clock clock;

	EnrolmentService(MongoTemplate mongo, ContestService contests, Outbox outbox, Clock clock) {
		this.mongo = mongo;
		this.contests = contests;
		this.outbox = outbox;
		this.clock = clock;
		mongo.indexOps(Participant.class).createIndex(new Index("enrolmentKey", Sort.Direction.ASC).unique());
	}

	Participant enrol(Caller caller, String contestId, Enrol request) {
		Contest contest = this.contests.find(contestId, caller);
		Instant now = this.clock.instant();
		if (contest.status() != Status.PUBLISHED) {
			throw ApiException.conflict("contest.not-open", "Cuộc thi chưa được công bố hoặc đã kết thúc.");
		}
		if (!now.isBefore(contest.enrolmentClosesAt())) {
			throw ApiException.conflict("enrolment.closed", "Cuộc thi đã hết thời gian đăng ký dự thi.");
		}
		if (!contest.hasUnit(request.unitCode())) {
			throw ApiException.badRequest("enrolment.unit.unknown",
					"Đơn vị «" + request.unitCode() + "» không thuộc danh sách đơn vị của cuộc thi.");
		}
		String key = Participant.enrolmentKey(contestId, caller.userId());
		if (this.mongo.exists(Query.query(Criteria.where("enrolmentKey").is(key)), Participant.class)) {
			throw alreadyEnrolled();
		}
		String participantId = UUID.randomUUID().toString();
		String name = request.fullName().strip();
		var event = new ParticipantEnrolled(contestId, participantId, caller.userId(), name, request.category(),
				request.unitCode(), now);
		try {
			return this.mongo.insert(new Participant(participantId, contestId, caller.userId(), key, name,
					request.category(), request.unitCode(), now, this.outbox.messages(event)));
		}
		catch (DuplicateKeyException ex) {
			throw alreadyEnrolled();
		}
	}

	Optional<Participant> enrolmentOf(Caller caller, String contestId) {
		return Optional.ofNullable(this.mongo.findOne(
				Query.query(Criteria.where("enrolmentKey").is(Participant.enrolmentKey(contestId, caller.userId()))),
				Participant.class));
	}

	private static ApiException alreadyEnrolled() {
		return ApiException.conflict("enrolment.duplicate", "Bạn đã đăng ký dự thi cuộc thi này rồi.");
	}

}
