package vn.cchc.contracts;

import java.util.List;

/** Topic names, {@code <service>.<aggregate>.v<N>}; the record key is always the aggregate id. */
public final class Topics {

	public static final String CONTESTS = "registration.contests.v1";
	public static final String UNITS = "registration.units.v1";
	public static final String PARTICIPANTS = "registration.participants.v1";
	public static final String TEAMS = "registration.teams.v1";
	public static final String ATTEMPTS = "quiz.attempts.v1";
	public static final String ENTRIES = "submission.entries.v1";
	public static final String SCORES = "judging.scores.v1";
	public static final String RESULTS = "awards.results.v1";

	public static final List<String> ALL = List.of(CONTESTS, UNITS, PARTICIPANTS, TEAMS, ATTEMPTS, ENTRIES, SCORES,
			RESULTS);

	private Topics() {
	}

	/** The dead-letter topic where a consumer parks what it cannot process. */
	public static String deadLetter(String topic) {
		return topic + ".dlt";
	}

}
