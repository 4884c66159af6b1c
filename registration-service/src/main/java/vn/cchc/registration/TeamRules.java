package vn.cchc.registration;

import java.time.Instant;
import java.util.Set;

/**
 * The team limits of a contest and the moment rosters lock: when the first team round (live or
 * video) opens, or the first round when a contest has none. Limits of 0 mean "not limited".
 */
record TeamRules(int maxMembers, int maxInvited, Instant locksAt) {

	static final Set<String> TEAM_ROUND_KINDS = Set.of("live", "video");

	static TeamRules of(Contest contest, int maxMembers, int maxInvited) {
		Instant locksAt = contest.rounds()
			.stream()
			.filter(r -> TEAM_ROUND_KINDS.contains(r.kind()))
			.map(Contest.Round::opensAt)
			.min(Instant::compareTo)
			.orElseGet(() -> contest.rounds().stream().map(Contest.Round::opensAt).min(Instant::compareTo).orElse(Instant.MAX));
		return new TeamRules(maxMembers, maxInvited, locksAt);
	}

}
