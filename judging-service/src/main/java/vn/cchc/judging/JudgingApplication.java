package vn.cchc.judging;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.cchc.platform.catalog.ContestCatalog;
import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;

/**
 * Judging panels scoring entries and live rounds in parallel. This foundation version knows the published contests; score sheets come with the judging issues.
 */
@SpringBootApplication
@RestController
public class JudgingApplication {

	private final ContestCatalog contests;

	JudgingApplication(ContestCatalog contests) {
		this.contests = contests;
	}

	public static void main(String[] args) {
		SpringApplication.run(JudgingApplication.class, args);
	}

	/** What this service knows of a published contest (staff only). */
	@GetMapping("/api/judging/contests/{id}")
	ContestCatalog.Entry contest(Caller caller, @PathVariable String id) {
		caller.require("judge", "secretary", "organizer", "admin");
		return this.contests.find(id)
			.orElseThrow(() -> ApiException.notFound("contest.not-found", "Không tìm thấy cuộc thi."));
	}

}
