package vn.cchc.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of every event type: the one place a record is bound to its type name and topic. */
public final class EventTypes {

	public static final List<EventType> ALL = List.of(
			new EventType("vn.cchc.registration.contest-published.v1", Topics.CONTESTS,
					ContestEvent.ContestPublished.class),
			new EventType("vn.cchc.registration.contest-updated.v1", Topics.CONTESTS,
					ContestEvent.ContestUpdated.class),
			new EventType("vn.cchc.registration.round-window-extended.v1", Topics.CONTESTS,
					ContestEvent.RoundWindowExtended.class),
			new EventType("vn.cchc.registration.contest-closed.v1", Topics.CONTESTS, ContestEvent.ContestClosed.class),
			new EventType("vn.cchc.registration.unit-registered.v1", Topics.UNITS, UnitEvent.UnitRegistered.class),
			new EventType("vn.cchc.registration.participant-enrolled.v1", Topics.PARTICIPANTS,
					ParticipantEvent.ParticipantEnrolled.class),
			new EventType("vn.cchc.registration.participant-excluded.v1", Topics.PARTICIPANTS,
					ParticipantEvent.ParticipantExcluded.class),
			new EventType("vn.cchc.registration.team-registered.v1", Topics.TEAMS, TeamEvent.TeamRegistered.class),
			new EventType("vn.cchc.quiz.attempt-started.v1", Topics.ATTEMPTS, AttemptEvent.AttemptStarted.class),
			new EventType("vn.cchc.quiz.attempt-submitted.v1", Topics.ATTEMPTS, AttemptEvent.AttemptSubmitted.class),
			new EventType("vn.cchc.submission.entry-submitted.v1", Topics.ENTRIES, EntryEvent.EntrySubmitted.class),
			new EventType("vn.cchc.judging.score-sheet-submitted.v1", Topics.SCORES,
					ScoreEvent.ScoreSheetSubmitted.class),
			new EventType("vn.cchc.awards.results-published.v1", Topics.RESULTS, ResultEvent.ResultsPublished.class));

	private static final Map<String, EventType> BY_NAME = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

	private static final Map<Class<?>, EventType> BY_CLASS = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

	private EventTypes() {
	}

	public static Optional<EventType> byName(String name) {
		return Optional.ofNullable(BY_NAME.get(name));
	}

	public static EventType of(CchcEvent event) {
		EventType type = BY_CLASS.get(event.getClass());
		if (type == null) {
			throw new IllegalArgumentException("No event type registered for " + event.getClass());
		}
		return type;
	}

}
