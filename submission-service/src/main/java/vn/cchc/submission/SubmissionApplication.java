package vn.cchc.submission;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.cchc.platform.catalog.ContestCatalog;
import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;

/**
 * Video and written-initiative entries from units (uploads, deadlines). This foundation version knows the published contests; entries come with the video and idea rounds.
 */
@SpringBootApplication
@RestController
public class SubmissionApplication {

	private final ContestCatalog contests;

	SubmissionApplication(ContestCatalog contests) {
		this.contests = contests;
	}

	public static void main(String[] args) {
		SpringApplication.run(SubmissionApplication.class, args);
	}

	/** What this service knows of a published contest (staff only). */
	@GetMapping("/api/submission/contests/{id}")
	ContestCatalog.Entry contest(Caller caller, @PathVariable String id) {
		caller.require("unit-manager", "organizer", "admin");
		return this.contests.find(id)
			.orElseThrow(() -> ApiException.notFound("contest.not-found", "Không tìm thấy cuộc thi."));
	}

}
