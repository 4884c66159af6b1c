package vn.cchc.registration.template;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.cchc.contracts.ContestEvent.CollectiveScoring;
import vn.cchc.contracts.ContestEvent.Eligibility;
import vn.cchc.contracts.ContestEvent.PrizeTier;
import vn.cchc.contracts.ContestEvent.StagePart;
import vn.cchc.contracts.ContestEvent.TeamLimits;

/**
 * A ready-made contest configuration taken from one real plan. The model is general enough for
 * every plan in the seeds: quiz, video, idea, live and emulation rounds; eligibility; team limits;
 * prize tiers with counts, amounts (VND) and award forms; the collective scoring formula where a
 * plan leaves it open. Eligibility, team limits, prize tiers and scoring have the shape other
 * services receive in the contest-published event. Round ids are the template's own; a contest
 * made from it gets fresh ones.
 */
public record ContestTemplate(String code, String title, String organizer, String season, String timeZone,
		String summary, List<RoundTemplate> rounds, Eligibility eligibility, @Nullable TeamLimits team,
		List<PrizeTier> prizes, @Nullable CollectiveScoring collectiveScoring) {

	public static final String DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

	/** A local date-time of the plan (Asia/Ho_Chi_Minh) as an instant. */
	static Instant local(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(ZoneId.of(DEFAULT_TIME_ZONE)).toInstant();
	}

	/**
	 * One round. {@code kind} is quiz, video, idea, live or emulation; {@code parts} are the timed
	 * stage parts of a live round; {@code criteria} the scoring or emulation criteria;
	 * {@code reviews} the interim and final reviews of an emulation round. A null window means the
	 * plan leaves the date to a later notice.
	 */
	public record RoundTemplate(String roundId, String kind, String title, @Nullable Instant opensAt,
			@Nullable Instant closesAt, @Nullable QuizDefaults quiz, List<StagePart> parts, List<String> criteria,
			List<String> reviews) {
	}

	public record QuizDefaults(int questionCount, int timeLimitSeconds, int attemptsAllowed, String counting) {
	}

}
