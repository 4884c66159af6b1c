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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.cchc.contracts.ContestEvent.CollectiveScoring;
import vn.cchc.contracts.ContestEvent.Eligibility;
import vn.cchc.contracts.ContestEvent.PrizeTier;
import vn.cchc.contracts.ContestEvent.TeamLimits;
import vn.cchc.platform.web.Caller;
import vn.cchc.platform.web.Roles;
import vn.cchc.registration.Contest.Round;
import vn.cchc.registration.Contest.Unit;
import vn.cchc.registration.Contest.AuditEntry;
import vn.cchc.registration.ContestRequests.CreateContest;
import vn.cchc.registration.ContestRequests.ExtendRound;
import vn.cchc.registration.ContestRequests.FromTemplate;

@RestController
@RequestMapping("/api/registration/contests")
class ContestController {

	private final ContestService contests;

	ContestController(ContestService contests) {
		this.contests = contests;
	}

	@PostMapping
	ResponseEntity<ContestView> create(@Roles({ "organizer", "admin" }) Caller caller, @Valid @RequestBody CreateContest request) {
		Contest contest = this.contests.create(caller, request);
		return ResponseEntity.created(URI.create("/api/registration/contests/" + contest.id()))
			.body(ContestView.of(contest));
	}

	@PostMapping("/from-template")
	ResponseEntity<ContestView> fromTemplate(@Roles({ "organizer", "admin" }) Caller caller, @Valid @RequestBody FromTemplate request) {
		Contest contest = this.contests.fromTemplate(caller, request);
		return ResponseEntity.created(URI.create("/api/registration/contests/" + contest.id()))
			.body(ContestView.of(contest));
	}

	/** Replaces the configuration; {@code version} (optional) is the version the organiser edited. */
	@PutMapping("/{id}")
	ContestView update(@Roles({ "organizer", "admin" }) Caller caller, @PathVariable String id, @RequestParam(required = false) Integer version,
			@Valid @RequestBody CreateContest request) {
		return ContestView.of(this.contests.update(caller, id, request, version));
	}

	@PostMapping("/{id}/publish")
	ContestView publish(@Roles({ "organizer", "admin" }) Caller caller, @PathVariable String id) {
		return ContestView.of(this.contests.publish(caller, id));
	}

	@PostMapping("/{id}/rounds/{roundId}/extend")
	ContestView extend(@Roles({ "organizer", "admin" }) Caller caller, @PathVariable String id, @PathVariable String roundId,
			@Valid @RequestBody ExtendRound request) {
		return ContestView.of(this.contests.extend(caller, id, roundId, request.closesAt(), request.reason().strip(),
				request.noticeRef()));
	}

	@PostMapping("/{id}/close")
	ContestView close(@Roles({ "organizer", "admin" }) Caller caller, @PathVariable String id) {
		return ContestView.of(this.contests.close(caller, id));
	}

	@GetMapping("/{id}/audit")
	List<AuditEntry> audit(Caller caller, @PathVariable String id) {
		return this.contests.audit(caller, id);
	}

	/** Published contests for everyone; {@code ?all=true} adds drafts and closed ones for organisers. */
	@GetMapping
	List<ContestView> list(@Nullable Caller caller, @RequestParam(defaultValue = "false") boolean all) {
		return (all ? this.contests.all(caller) : this.contests.published()).stream().map(ContestView::of).toList();
	}

	@GetMapping("/{id}")
	ContestView one(@Nullable Caller caller, @PathVariable String id) {
		return ContestView.of(this.contests.find(id, caller));
	}

	record ContestView(String id, String title, String organizer, String timeZone, String status, int version,
			@Nullable String season, @Nullable String templateCode, Instant publishedAt, List<Unit> units,
			List<Round> rounds, @Nullable Eligibility eligibility, @Nullable TeamLimits team, List<PrizeTier> prizes,
			@Nullable CollectiveScoring collectiveScoring) {

		static ContestView of(Contest c) {
			return new ContestView(c.id(), c.title(), c.organizer(), c.timeZone(), c.status().name().toLowerCase(),
					c.version(), c.season(), c.templateCode(), c.publishedAt(), c.units(), c.rounds(), c.eligibility(),
					c.team(), Contest.orEmpty(c.prizes()), c.collectiveScoring());
		}

	}

}
