package vn.cchc.registration;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.cchc.contracts.ContestEvent.CollectiveScoring;
import vn.cchc.contracts.ContestEvent.Eligibility;
import vn.cchc.contracts.ContestEvent.PrizeTier;
import vn.cchc.contracts.ContestEvent.TeamLimits;

/** What clients send; validation messages are Vietnamese because people read them. */
final class ContestRequests {

	private ContestRequests() {
	}

	/**
	 * A contest's whole configuration: used to create a draft, to replace a draft, and to edit a
	 * published contest (units and round windows excepted: those have their own paths). Nested
	 * eligibility, team, prize and scoring parts have the shape of the published event and are
	 * checked by {@link ContestRules}.
	 */
	record CreateContest(@NotBlank(message = "không được để trống") @Size(max = 300) String title,
			@NotBlank(message = "không được để trống") @Size(max = 300) String organizer, String timeZone,
			@Valid List<UnitInput> units,
			@NotEmpty(message = "cần ít nhất một vòng thi") @Valid List<RoundInput> rounds, String rosterId,
			Instant rosterAsOf, @Size(max = 40) String season, Eligibility eligibility, TeamLimits team,
			List<PrizeTier> prizes, CollectiveScoring collectiveScoring) {
	}

	/** A contest from one of the templates: units inline or from a roster; dates the plan left open. */
	record FromTemplate(@NotBlank(message = "hãy chọn mẫu cuộc thi") String templateCode, @Valid List<UnitInput> units,
			String rosterId, Instant rosterAsOf, @Size(max = 300) String title, String bankCode) {
	}

	record UnitInput(@NotBlank(message = "không được để trống") @Pattern(regexp = "[A-Za-z0-9._-]{1,40}",
			message = "chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang (tối đa 40 ký tự)") String code,
			@NotBlank(message = "không được để trống") String name, String group,
			@Min(value = 0, message = "không được âm") int headcount) {
	}

	/**
	 * A round. {@code roundId} is given when editing an existing round and left out for a new one.
	 * A window may stay empty in a draft where the plan leaves the date to a later notice.
	 */
	record RoundInput(String roundId, @NotBlank(message = "không được để trống") @Pattern(
			regexp = "quiz|video|idea|live|emulation",
			message = "phải là quiz (trắc nghiệm), video, idea (sáng kiến), live (thi trực tiếp) hoặc emulation (thi đua)") String kind,
			@NotBlank(message = "không được để trống") @Size(max = 300) String title, Instant opensAt, Instant closesAt,
			@Valid QuizInput quiz, @Valid List<StagePartInput> parts, List<@NotBlank(message = "không được để trống") String> criteria,
			List<@NotBlank(message = "không được để trống") String> reviews) {
	}

	record StagePartInput(@NotBlank(message = "không được để trống") String name,
			@Min(value = 1, message = "phải lớn hơn 0") @Max(value = 14400, message = "tối đa 4 giờ") int limitSeconds,
			@Min(value = 0, message = "không được âm") @Max(value = 3600, message = "tối đa 1 giờ") int conferSeconds) {
	}

	record QuizInput(@NotBlank(message = "không được để trống") String bankCode,
			@Min(value = 1, message = "phải từ 1 câu") @Max(value = 200, message = "tối đa 200 câu") int questionCount,
			@Min(value = 30, message = "tối thiểu 30 giây") @Max(value = 3600, message = "tối đa 60 phút (phiên đăng nhập 90 phút phải đủ cho cả lượt thi)") int timeLimitSeconds,
			@Min(value = 1, message = "ít nhất 1 lượt") @Max(value = 100, message = "tối đa 100 lượt") int attemptsAllowed,
			@NotBlank(message = "không được để trống") @Pattern(regexp = "best|first",
					message = "phải là best (lượt cao nhất) hoặc first (lượt đầu tiên)") String counting,
			boolean shuffleOptions, boolean stratifyByTopic, Map<String, String> categoryBanks,
			@Pattern(regexp = "round|week", message = "phải là round (cả vòng) hoặc week (mỗi tuần một lượt)") String period,
			@Valid PredictionInput prediction, @Pattern(regexp = "after-submit|after-close",
					message = "phải là after-submit (ngay khi nộp bài) hoặc after-close (khi vòng thi kết thúc)") String resultsShown) {

		/** Defaults for everything a template does not say. */
		QuizInput(String bankCode, int questionCount, int timeLimitSeconds, int attemptsAllowed, String counting) {
			this(bankCode, questionCount, timeLimitSeconds, attemptsAllowed, counting, false, false, null, null, null,
					null);
		}

	}

	record PredictionInput(@NotBlank(message = "không được để trống") @Size(max = 500) String question,
			@NotBlank(message = "không được để trống") @Pattern(regexp = "all-correct|participants",
					message = "phải là all-correct (số người trả lời đúng tất cả) hoặc participants (số người dự thi)") String counts) {
	}

	record ExtendRound(@NotNull(message = "không được để trống") Instant closesAt,
			@NotBlank(message = "cần nêu lý do gia hạn") @Size(max = 1000) String reason,
			@Size(max = 200) String noticeRef) {
	}

}
