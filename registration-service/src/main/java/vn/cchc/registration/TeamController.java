package vn.cchc.registration;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.cchc.platform.web.Caller;
import vn.cchc.registration.Team.Member;

@RestController
@RequestMapping("/api/registration/contests/{contestId}/teams")
class TeamController {

	private final TeamService teams;

	TeamController(TeamService teams) {
		this.teams = teams;
	}

	@PutMapping("/{unitCode}")
	TeamView register(Caller caller, @PathVariable String contestId, @PathVariable String unitCode,
			@Valid @RequestBody TeamService.TeamInput input) {
		return TeamView.of(this.teams.register(caller, contestId, unitCode, input));
	}

	/** Public: the teams of a published contest (names and positions only). */
	@GetMapping
	List<TeamView> teams(@Nullable Caller caller, @PathVariable String contestId) {
		return this.teams.teams(contestId, caller).stream().map(TeamView::of).toList();
	}

	record TeamView(String teamId, String unitCode, String name, Member captain, List<Member> members, int version,
			Instant updatedAt) {

		static TeamView of(Team t) {
			return new TeamView(t.id(), t.unitCode(), t.name(), t.captain(), t.members(), t.version(), t.updatedAt());
		}

	}

}
