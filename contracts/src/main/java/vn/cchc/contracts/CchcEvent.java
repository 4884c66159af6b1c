package vn.cchc.contracts;

/**
 * Every event the platform publishes. The envelope's {@code subject} is the aggregate id (also the
 * Kafka record key, so one aggregate's events stay ordered) and {@code contestid} the contest.
 */
public sealed interface CchcEvent
		permits ContestEvent, UnitEvent, ParticipantEvent, TeamEvent, AttemptEvent, EntryEvent, ScoreEvent,
		ResultEvent {

	/** The aggregate this event belongs to: the envelope subject and the record key. */
	String subject();

	String contestId();

}
