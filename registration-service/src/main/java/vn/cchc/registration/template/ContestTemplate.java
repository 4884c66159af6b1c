package vn.cchc.registration.template;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A ready-made contest configuration taken from one real plan. The model is general enough for
 * every plan in the seeds: quiz, video, idea, live and emulation rounds; eligibility; team limits;
 * prize tiers with counts, amounts (VND) and award forms; the collective scoring formula where a
 * plan leaves it open.
 */
public record ContestTemplate(String code, String title, String organizer, String season, String timeZone,
		String summary, List<RoundTemplate> rounds, Eligibility eligibility, @Nullable TeamLimits team,
		List<PrizeTier> prizes, @Nullable String collectiveScoring) {

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

	/** A timed part of a live round; {@code conferSeconds} is the time to confer before answering. */
	public record StagePart(String name, int limitSeconds, int conferSeconds) {
	}

	/** Who may take part: categories (civil-servant, citizen), the area condition and exclusions. */
	public record Eligibility(List<String> categories, @Nullable String area, List<String> exclusions) {
	}

	/** Team rules; 0 means not limited. */
	public record TeamLimits(boolean oneTeamPerUnit, int maxMembers, int maxInvited) {
	}

	/**
	 * A prize tier: {@code scope} individual or collective; {@code amountVnd} per prize, 0 when the
	 * plan states none; {@code count} 0 when the plan fixes no number; {@code side} for side prizes; {@code awardForm} (Giấy khen, Bằng khen…) and
	 * its issuer when the plan names them.
	 */
	public record PrizeTier(String name, int count, long amountVnd, String scope, String rankedBy, boolean side,
			@Nullable String awardForm, @Nullable String issuer) {
	}

}
