package vn.cchc.registration;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Requests about people: the profile completed once, and enrolment in a contest. */
final class EnrolmentRequests {

	static final String CATEGORY = "citizen|civil-servant";

	static final String CATEGORY_MESSAGE = "phải là citizen (người dân) hoặc civil-servant (cán bộ, công chức)";

	private EnrolmentRequests() {
	}

	/** The participant profile: completed once, reused for every contest. */
	record ProfileInput(@NotBlank(message = "không được để trống") @Size(max = 120) String fullName,
			@Past(message = "phải là một ngày trong quá khứ") LocalDate dateOfBirth,
			@Pattern(regexp = "0[0-9]{9}", message = "phải gồm 10 chữ số, bắt đầu bằng 0") String phone,
			@Pattern(regexp = "[0-9]{12}", message = "(số CCCD) phải gồm đúng 12 chữ số") String citizenId,
			String unitCode, @Size(max = 200) String residentialArea,
			@NotBlank(message = "không được để trống") @Pattern(regexp = CATEGORY, message = CATEGORY_MESSAGE) String category) {
	}

	/**
	 * Enrolment in one contest. Fields left empty are taken from the caller's profile; at least a
	 * name, a category and a unit of the contest must be known from one or the other.
	 */
	record Enrol(@Size(max = 120) String fullName,
			@Pattern(regexp = CATEGORY, message = CATEGORY_MESSAGE) String category, String unitCode,
			@Pattern(regexp = "0[0-9]{9}", message = "phải gồm 10 chữ số, bắt đầu bằng 0") String phone,
			@Pattern(regexp = "[0-9]{12}", message = "(số CCCD) phải gồm đúng 12 chữ số") String citizenId) {
	}

	record Exclude(@NotBlank(message = "không được để trống") @Size(max = 500) String reason) {
	}

}
