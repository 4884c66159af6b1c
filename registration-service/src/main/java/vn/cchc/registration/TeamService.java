package vn.cchc.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.cchc.contracts.TeamEvent.TeamRegistered;
import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;
import vn.cchc.registration.Contest.Status;
import vn.cchc.registration.Team.Member;

/**
 * Team registration by the unit's manager (or the organiser): one team per unit, member limits,
 * roster changes until the first team round opens. Each change is one document write with its
 * {@code team-registered} event.
 */
@Service
public class TeamService {

	private final MongoTemplate mongo;

	private final ContestService contests;

	private final Outbox outbox;

	private final Clock clock;

	TeamService(MongoTemplate mongo, ContestService contests, Outbox outbox, Clock clock) {
		this.mongo = mongo;
		this.contests = contests;
		this.outbox = outbox;
		this.clock = clock;
		mongo.indexOps(Team.class).createIndex(new Index("teamKey", Sort.Direction.ASC).unique());
	}

	record MemberInput(@NotBlank(message = "không được để trống") @Size(max = 120) String fullName,
			@Size(max = 120) String position, boolean invited) {
	}

	record TeamInput(@NotBlank(message = "không được để trống") @Size(max = 200) String name,
			@NotNull(message = "cần chỉ định đội trưởng") @Valid MemberInput captain,
			@NotEmpty(message = "cần ít nhất một thành viên") @Valid List<MemberInput> members) {
	}

	/** Creates or replaces the unit's team roster. */
	Team register(Caller caller, String contestId, String unitCode, TeamInput input) {
		if (!(caller.hasRole("organizer") || caller.hasRole("admin")
				|| (caller.hasRole("unit-manager") && unitCode.equals(caller.unitCode())))) {
			throw ApiException.forbidden("team.forbidden",
					"Chỉ tài khoản quản lý của đơn vị «" + unitCode + "» hoặc Ban tổ chức được đăng ký đội thi của đơn vị.");
		}
		Contest contest = this.contests.find(contestId, caller);
		if (contest.status() != Status.PUBLISHED) {
			throw ApiException.conflict("contest.not-open", "Cuộc thi chưa được công bố hoặc đã kết thúc.");
		}
		if (!contest.hasUnit(unitCode)) {
			throw ApiException.badRequest("team.unit.unknown",
					"Đơn vị «" + unitCode + "» không thuộc danh sách đơn vị của cuộc thi.");
		}
		TeamRules rules = rules(contest);
		Instant now = this.clock.instant();
		if (!now.isBefore(rules.locksAt())) {
			throw ApiException.conflict("team.locked",
					"Vòng thi đội đã bắt đầu; danh sách đội không thể thay đổi nữa.");
		}
		List<Member> members = input.members()
			.stream()
			.map(m -> new Member(m.fullName().strip(), m.position(), m.invited()))
			.toList();
		long invited = members.stream().filter(Member::invited).count();
		long own = members.size() - invited;
		if (rules.maxMembers() > 0 && own > rules.maxMembers()) {
			throw ApiException.badRequest("team.too-many-members", "Đội thi có tối đa " + rules.maxMembers()
					+ " thành viên của đơn vị (đang có " + own + ").");
		}
		if (rules.maxInvited() > 0 && invited > rules.maxInvited()) {
			throw ApiException.badRequest("team.too-many-invited",
					"Đội thi mời tối đa " + rules.maxInvited() + " người ngoài đơn vị (đang có " + invited + ").");
		}
		Member captain = new Member(input.captain().fullName().strip(), input.captain().position(), input.captain().invited());
		String teamKey = contestId + ":" + unitCode;
		Team existing = this.mongo.findOne(Query.query(Criteria.where("teamKey").is(teamKey)), Team.class);
		String teamId = existing == null ? UUID.randomUUID().toString() : existing.id();
		var event = new TeamRegistered(contestId, teamId, unitCode, input.name().strip(),
				members.stream().map(Member::fullName).toList());
		if (existing == null) {
			try {
				Team team = this.mongo.insert(new Team(teamId, contestId, unitCode, teamKey, input.name().strip(),
						captain, members, 1, caller.userId(), now, this.outbox.messages(event)));
				this.outbox.written(Team.COLLECTION, teamId);
				return team;
			}
			catch (DuplicateKeyException ex) {
				throw ApiException.conflict("team.concurrent-change",
						"Đội thi vừa được đăng ký ở nơi khác; vui lòng tải lại và thử lại.");
			}
		}
		Update update = new Update().set("name", input.name().strip())
			.set("captain", captain)
			.set("members", members)
			.inc("version", 1)
			.set("updatedBy", caller.userId())
			.set("updatedAt", now);
		this.outbox.append(update, event);
		Team updated = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(teamId).and("version").is(existing.version())), update,
				FindAndModifyOptions.options().returnNew(true), Team.class);
		if (updated == null) {
			throw ApiException.conflict("team.concurrent-change",
					"Danh sách đội vừa được thay đổi ở nơi khác; vui lòng tải lại và thử lại.");
		}
		this.outbox.written(Team.COLLECTION, teamId);
		return updated;
	}

	List<Team> teams(String contestId, Caller caller) {
		this.contests.find(contestId, caller);
		return this.mongo.find(Query.query(Criteria.where("contestId").is(contestId)).with(Sort.by("unitCode")),
				Team.class);
	}

	/** Team limits come with the contest's configuration; none configured means unlimited. */
	TeamRules rules(Contest contest) {
		return contest.team() == null ? TeamRules.of(contest, 0, 0)
				: TeamRules.of(contest, contest.team().maxMembers(), contest.team().maxInvited());
	}

}
