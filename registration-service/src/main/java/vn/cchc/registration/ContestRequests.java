package vn.cchc.registration;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What clients send; validation messages are Vietnamese because people read them. */
final class ContestRequests {

	private ContestRequests() {
	}

	record CreateContest(@NotBlank(message = "không được để trống") @Size(max = 300) String title,
			@NotBlank(message = "không được để trống") @Size(max = 300) String organizer, String timeZone,
			@Valid List<UnitInput> units,
			@NotEmpty(message = "cần ít nhất một vòng thi") @Valid List<RoundInput> rounds, String rosterId,
			Instant rosterAsOf) {
	}

	record UnitInput(@NotBlank(message = "không được để trống") @Pattern(regexp = "[A-Za-z0-9._-]{1,40}",
			message = "chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang (tối đa 40 ký tự)") String code,
			@NotBlank(message = "không được để trống") String name, String group,
			@Min(value = 0, message = "không được âm") int headcount) {
	}

	record RoundInput(@NotBlank(message = "không được để trống") @Pattern(regexp = "quiz",
			message = "hiện chỉ hỗ trợ vòng thi trắc nghiệm (quiz)") String kind,
			@NotBlank(message = "không được để trống") String title,
			@NotNull(message = "không được để trống") Instant opensAt,
			@NotNull(message = "không được để trống") Instant closesAt,
			@NotNull(message = "cần cấu hình bài thi trắc nghiệm") @Valid QuizInput quiz) {
	}

	record QuizInput(@NotBlank(message = "không được để trống") String bankCode,
			@Min(value = 1, message = "phải từ 1 câu") @Max(value = 200, message = "tối đa 200 câu") int questionCount,
			@Min(value = 30, message = "tối thiểu 30 giây") @Max(value = 14400, message = "tối đa 4 giờ") int timeLimitSeconds,
			@Min(value = 1, message = "ít nhất 1 lượt") @Max(value = 100, message = "tối đa 100 lượt") int attemptsAllowed,
			@NotBlank(message = "không được để trống") @Pattern(regexp = "best|first",
					message = "phải là best (lượt cao nhất) hoặc first (lượt đầu tiên)") String counting) {
	}

	record ExtendRound(@NotNull(message = "không được để trống") Instant closesAt,
			@NotBlank(message = "cần nêu lý do gia hạn") @Size(max = 1000) String reason,
			@Size(max = 200) String noticeRef) {
	}

}
