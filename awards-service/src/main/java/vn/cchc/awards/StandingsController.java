package vn.cchc.awards;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/awards/contests")
class StandingsController {

	private final StandingsService standings;

	StandingsController(StandingsService standings) {
		this.standings = standings;
	}

	/** Public provisional standings (official results come with the award decision, later). */
	@GetMapping("/{contestId}/standings")
	StandingsService.Standings standings(@PathVariable String contestId) {
		return this.standings.of(contestId);
	}

}
