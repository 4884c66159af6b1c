package vn.cchc.registration;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;
import vn.cchc.platform.web.Roles;
import vn.cchc.registration.EnrolmentRequests.Enrol;
import vn.cchc.registration.EnrolmentRequests.Exclude;
import vn.cchc.registration.EnrolmentRequests.ProfileInput;

@RestController
@RequestMapping("/api/registration")
class EnrolmentController {

	private final EnrolmentService enrolments;

	EnrolmentController(EnrolmentService enrolments) {
		this.enrolments = enrolments;
	}

	@PutMapping("/profile/me")
	ProfileView saveProfile(Caller caller, @Valid @RequestBody ProfileInput input) {
		return ProfileView.of(this.enrolments.saveProfile(caller, input));
	}

	@GetMapping("/profile/me")
	ProfileView profile(Caller caller) {
		return this.enrolments.profile(caller)
			.map(ProfileView::of)
			.orElseThrow(() -> ApiException.notFound("profile.not-found", "Bạn chưa hoàn thiện hồ sơ thí sinh."));
	}

	@PostMapping("/contests/{id}/enrolments")
	ResponseEntity<EnrolmentView> enrol(Caller caller, @PathVariable String id, @Valid @RequestBody Enrol request) {
		Participant participant = this.enrolments.enrol(caller, id, request);
		return ResponseEntity.created(URI.create("/api/registration/contests/" + id + "/enrolments/me"))
			.body(EnrolmentView.of(participant));
	}

	@GetMapping("/contests/{id}/enrolments/me")
	EnrolmentView myEnrolment(Caller caller, @PathVariable String id) {
		return this.enrolments.enrolmentOf(caller, id)
			.map(EnrolmentView::of)
			.orElseThrow(() -> ApiException.notFound("enrolment.not-found", "Bạn chưa đăng ký dự thi cuộc thi này."));
	}

	/** The organiser's list: personal data masked. */
	@GetMapping("/contests/{id}/participants")
	List<ParticipantRow> participants(Caller caller, @PathVariable String id) {
		return this.enrolments.participants(caller, id).stream().map(ParticipantRow::of).toList();
	}

	/**
	 * The same list as a CSV file for the office's records: UTF-8 with a BOM (Excel opens it with
	 * its diacritics), personal data masked as on screen.
	 */
	@GetMapping(path = "/contests/{id}/participants.csv", produces = "text/csv;charset=UTF-8")
	org.springframework.http.ResponseEntity<byte[]> participantsCsv(Caller caller, @PathVariable String id)
			throws java.io.IOException {
		StringBuilder out = new StringBuilder("\uFEFF");
		try (var printer = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.EXCEL)) {
			printer.printRecord("Mã thí sinh", "Họ và tên", "Đối tượng", "Đơn vị", "Số điện thoại", "Số CCCD",
					"Thời điểm đăng ký", "Bị loại", "Lý do");
			for (Participant p : this.enrolments.participants(caller, id)) {
				ParticipantRow row = ParticipantRow.of(p);
				printer.printRecord(row.participantId(), row.fullName(), ContestRules.CATEGORIES.getOrDefault(row.category(), row.category()),
						row.unitCode(), row.phone(), row.citizenId(), row.enrolledAt(), row.excluded() ? "Có" : "",
						row.exclusionReason() == null ? "" : row.exclusionReason());
			}
		}
		return org.springframework.http.ResponseEntity.ok()
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"thi-sinh-" + id + ".csv\"")
			.body(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@PostMapping("/contests/{id}/participants/{participantId}/exclude")
	ParticipantRow exclude(@Roles({ "organizer", "admin" }) Caller caller, @PathVariable String id, @PathVariable String participantId,
			@Valid @RequestBody Exclude request) {
		return ParticipantRow.of(this.enrolments.exclude(caller, id, participantId, request.reason()));
	}

	record ProfileView(String fullName, LocalDate dateOfBirth, String phone, String citizenId, String unitCode,
			String residentialArea, String category) {

		static ProfileView of(Profile p) {
			return new ProfileView(p.fullName(), p.dateOfBirth(), p.phone(), p.citizenId(), p.unitCode(),
					p.residentialArea(), p.category());
		}

	}

	record EnrolmentView(String participantId, String contestId, String fullName, String category, String unitCode,
			Instant enrolledAt, boolean excluded) {

		static EnrolmentView of(Participant p) {
			return new EnrolmentView(p.id(), p.contestId(), p.fullName(), p.category(), p.unitCode(), p.enrolledAt(),
					p.excluded());
		}

	}

	record ParticipantRow(String participantId, String fullName, String category, String unitCode, String phone,
			String citizenId, Instant enrolledAt, boolean excluded, String exclusionReason) {

		static ParticipantRow of(Participant p) {
			return new ParticipantRow(p.id(), Masking.name(p.fullName()), p.category(), p.unitCode(),
					Masking.digits(p.phone()), Masking.digits(p.citizenId()), p.enrolledAt(), p.excluded(),
					p.exclusionReason());
		}

	}

}
