package vn.cchc.registration;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.cchc.platform.web.Caller;
import vn.cchc.registration.Contest.Round;
import vn.cchc.registration.Contest.Unit;
import vn.cchc.registration.Contest.AuditEntry;
import vn.cchc.registration.ContestRequests.CreateContest;
import vn.cchc.registration.ContestRequests.ExtendRound;

@RestController
@RequestMapping("/api/registration/contests")
class ContestController {

	private final ContestService contests;

	ContestController(ContestService contests) {
		this.contests = contests;
	}

	@PostMapping
	ResponseEntity<ContestView> create(Caller caller, @Valid @RequestBody CreateContest request) {
		Contest contest = this.contests.create(caller, request);
		return ResponseEntity.created(URI.create("/api/registration/contests/" + contest.id()))
			.body(ContestView.of(contest));
	}

	@PostMapping("/{id}/publish")
	ContestView publish(Caller caller, @PathVariable String id) {
		return ContestView.of(this.contests.publish(caller, id));
	}

	@PostMapping("/{id}/rounds/{roundId}/extend")
	ContestView extend(Caller caller, @PathVariable String id, @PathVariable String roundId,
			@Valid @RequestBody ExtendRound request) {
		return ContestView.of(this.contests.extend(caller, id, roundId, request.closesAt(), request.reason().strip(),
				request.noticeRef()));
	}

	@PostMapping("/{id}/close")
	ContestView close(Caller caller, @PathVariable String id) {
		return ContestView.of(this.contests.close(caller, id));
	}

	@GetMapping("/{id}/audit")
	List<AuditEntry> audit(Caller caller, @PathVariable String id) {
		return this.contests.audit(caller, id);
	}

	@GetMapping
	List<ContestView> published() {
		return this.contests.published().stream().map(ContestView::of).toList();
	}

	@GetMapping("/{id}")
	ContestView one(@Nullable Caller caller, @PathVariable String id) {
		return ContestView.of(this.contests.find(id, caller));
	}

	record ContestView(String id, String title, String organizer, String timeZone, String status,
			Instant publishedAt, List<Unit> units, List<Round> rounds) {

		static ContestView of(Contest c) {
			return new ContestView(c.id(), c.title(), c.organizer(), c.timeZone(), c.status().name().toLowerCase(),
					c.publishedAt(), c.units(), c.rounds());
		}

	}

}
