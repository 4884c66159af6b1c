package vn.cchc.awards;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import vn.cchc.awards.ReadModels.AttemptResult;
import vn.cchc.awards.ReadModels.AttemptStart;
import vn.cchc.awards.ReadModels.ContestConfig;
import vn.cchc.awards.ReadModels.Entrant;
import vn.cchc.awards.ReadModels.JudgedEntry;
import vn.cchc.awards.ReadModels.ScoreSheet;
import vn.cchc.awards.ReadModels.TeamInfo;
import vn.cchc.awards.ReadModels.UnitInfo;
import vn.cchc.awards.ranking.JudgedRound;
import vn.cchc.awards.ranking.RoundSpec;
import vn.cchc.awards.ranking.Tier;
import vn.cchc.contracts.AttemptEvent.AttemptStarted;
import vn.cchc.contracts.AttemptEvent.AttemptSubmitted;
import vn.cchc.contracts.CchcEvent;
import vn.cchc.contracts.ContestEvent;
import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.ContestEvent.ContestUpdated;
import vn.cchc.contracts.ContestEvent.RoundWindowExtended;
import vn.cchc.contracts.EntryEvent.EntrySubmitted;
import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.contracts.ParticipantEvent.ParticipantExcluded;
import vn.cchc.contracts.ScoreEvent.ScoreSheetSubmitted;
import vn.cchc.contracts.TeamEvent.TeamRegistered;
import vn.cchc.contracts.Topics;
import vn.cchc.contracts.UnitEvent.UnitRegistered;
import vn.cchc.platform.inbox.EventHandlers;
import vn.cchc.platform.inbox.EventInbox;

/**
 * Builds the standings' inputs from events; upserts keyed by aggregate id, behind the inbox, so a
 * redelivery or a replay from the start changes nothing. Each applied event is announced in-process
 * ({@link ReadModelChanged}) for the caches and the live dashboard.
 */
@Component
class AwardsEventsListener {

	static final String LISTENER_ID = "awards-read-models";

	private final MongoTemplate mongo;

	private final EventInbox inbox;

	private final EventHandlers handlers;

	private final ApplicationEventPublisher changes;

	AwardsEventsListener(MongoTemplate mongo, EventInbox inbox, ApplicationEventPublisher changes) {
		this.mongo = mongo;
		this.inbox = inbox;
		this.changes = changes;
		this.handlers = EventHandlers.builder()
			.on(ContestPublished.class, this::configured)
			.on(ContestUpdated.class, this::configured)
			.on(RoundWindowExtended.class, this::windowExtended)
			.on(UnitRegistered.class, this::unitRegistered)
			.on(ParticipantEnrolled.class, this::participantEnrolled)
			.on(ParticipantExcluded.class, this::participantExcluded)
			.on(AttemptStarted.class, this::attemptStarted)
			.on(AttemptSubmitted.class, this::attemptSubmitted)
			.on(TeamRegistered.class, this::teamRegistered)
			.on(EntrySubmitted.class, this::entrySubmitted)
			.on(ScoreSheetSubmitted.class, this::scoreSheetSubmitted)
			.build();
		createIndexes(mongo);
	}

	static void createIndexes(MongoTemplate mongo) {
		for (Class<?> type : List.of(AttemptResult.class, Entrant.class, UnitInfo.class, AttemptStart.class,
				JudgedEntry.class, TeamInfo.class, ScoreSheet.class)) {
			mongo.indexOps(type).createIndex(new Index("contestId", Sort.Direction.ASC));
		}
	}

	/**
	 * MongoDB keeps milliseconds; the documents announced in memory must equal what a reload from
	 * MongoDB gives, or a rebuild would not reproduce the same standings.
	 */
	static java.time.Instant millis(java.time.Instant instant) {
		return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
	}

	// The id names the container for the rebuild; the consumer group stays the service's
	// (spring.kafka.consumer.group-id), whose offsets the rebuild resets. Several consumers (one per
	// partition at most), each taking a poll's records at once: the inbox checks and records the
	// batch's event ids in one round trip each, so only the handler's write is per event (record by
	// record, three round trips each, one consumer fell 15 s behind at 120 attempt events/s on a
	// busy machine). Order is kept where it matters: per aggregate key, within a partition, and the
	// batch is applied in its order; every document has one key.
	@KafkaListener(id = LISTENER_ID, idIsGroup = false, concurrency = "${cchc.awards.consumers:3}", batch = "true",
			topics = { Topics.CONTESTS, Topics.UNITS, Topics.PARTICIPANTS, Topics.TEAMS, Topics.ATTEMPTS,
					Topics.ENTRIES, Topics.SCORES })
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.inbox.acceptAll(records, this.handlers);
	}

	private void changed(CchcEvent event, Object document) {
		this.changes.publishEvent(new ReadModelChanged(event.contestId(), document));
	}

	/** The newest configuration wins; an older version arriving late is ignored. */
	private void configured(ContestEvent.Configuration event) {
		ContestConfig current = this.mongo.findById(event.contestId(), ContestConfig.class);
		if (current != null && current.version() > event.version()) {
			return;
		}
		List<RoundSpec> rounds = event.rounds()
			.stream()
			.filter(r -> r.quiz() != null)
			.map(r -> new RoundSpec(r.roundId(), r.title(), r.quiz().counting(), r.quiz().weekly(),
					r.quiz().prediction() == null ? null : r.quiz().prediction().counts(),
					r.quiz().categoryBanks() != null && !r.quiz().categoryBanks().isEmpty(),
					r.closesAt() == null ? null : millis(r.closesAt())))
			.toList();
		List<Tier> tiers = Objects.requireNonNullElse(event.prizes(), List.<ContestEvent.PrizeTier>of())
			.stream()
			.map(p -> new Tier(p.name(), p.count(), p.amountVnd(), p.scope(), p.ranking(), p.roundId(), p.side(),
					p.perBlock(), p.awardForm(), p.issuer(), p.points()))
			.toList();
		List<JudgedRound> judged = event.rounds()
			.stream()
			.filter(r -> r.quiz() == null && !"quiz".equals(r.kind()))
			.map(r -> new JudgedRound(r.roundId(), r.kind(), r.title(), r.parts() == null ? 0 : r.parts().size()))
			.toList();
		var scoring = event.collectiveScoring();
		changed(event, this.mongo.save(new ContestConfig(event.contestId(), event.version(), event.title(),
				event.organizer(), event.timeZone(), rounds, tiers, scoring == null ? null : scoring.description(),
				scoring == null ? null : Map.copyOf(scoring.weights()), judged,
				scoring == null ? null : scoring.allCorrectPercent())));
	}

	private void windowExtended(RoundWindowExtended event) {
		ContestConfig current = this.mongo.findById(event.contestId(), ContestConfig.class);
		if (current == null) {
			return;
		}
		List<RoundSpec> rounds = current.rounds()
			.stream()
			.map(r -> r.roundId().equals(event.roundId()) ? new RoundSpec(r.roundId(), r.title(), r.counting(),
					r.weekly(), r.predictionCounts(), r.perCategory(), millis(event.closesAt())) : r)
			.toList();
		changed(event, this.mongo.save(new ContestConfig(current.contestId(), current.version(), current.title(),
				current.organizer(), current.timeZone(), rounds, current.tiers(), current.scoringDescription(),
				current.weights(), current.judgedRounds(), current.allCorrectPercent())));
	}

	private void unitRegistered(UnitRegistered event) {
		changed(event, this.mongo.save(new UnitInfo(UnitInfo.id(event.contestId(), event.unitCode()),
				event.contestId(), event.unitCode(), event.name(), event.group(), event.headcount())));
	}

	/** An upsert that never clears an exclusion, whatever order a replay brings them in. */
	private void participantEnrolled(ParticipantEnrolled event) {
		String id = Entrant.id(event.contestId(), event.participantId());
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id)),
				new Update().set("contestId", event.contestId())
					.set("participantId", event.participantId())
					.set("displayName", event.displayName())
					.set("unitCode", event.unitCode())
					.set("category", event.category())
					.set("enrolledAt", millis(event.enrolledAt()))
					.setOnInsert("excluded", false),
				Entrant.class);
		changed(event, this.mongo.findById(id, Entrant.class));
	}

	private void participantExcluded(ParticipantExcluded event) {
		String id = Entrant.id(event.contestId(), event.participantId());
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id)),
				new Update().set("excluded", true)
					.set("contestId", event.contestId())
					.set("participantId", event.participantId()),
				Entrant.class);
		changed(event, this.mongo.findById(id, Entrant.class));
	}

	private void attemptStarted(AttemptStarted event) {
		changed(event, this.mongo.save(AttemptStart.of(event.attemptId(), event.contestId(), event.roundId(),
				event.participantId(), millis(event.startedAt()), millis(event.deadline()), event.period())));
	}

	private void teamRegistered(TeamRegistered event) {
		changed(event, this.mongo.save(new TeamInfo(TeamInfo.id(event.contestId(), event.teamId()), event.contestId(),
				event.teamId(), event.unitCode(), event.name())));
	}

	private void entrySubmitted(EntrySubmitted event) {
		changed(event, this.mongo.save(new JudgedEntry(JudgedEntry.id(event.contestId(), event.entryId()),
				event.contestId(), event.roundId(), event.entryId(), event.unitCode(), event.kind(), event.title(),
				millis(event.submittedAt()))));
	}

	/** Every sheet is kept; which one counts (each judge's latest per entry) is decided on read. */
	private void scoreSheetSubmitted(ScoreSheetSubmitted event, String eventId) {
		changed(event, this.mongo.save(new ScoreSheet(ScoreSheet.id(event.contestId(), event.sheetId()),
				event.contestId(), event.roundId(), event.sheetId(), event.entryId(), event.judgeId(),
				event.total().toPlainString(), millis(event.submittedAt()), eventId)));
	}

	private void attemptSubmitted(AttemptSubmitted event, String eventId) {
		changed(event, this.mongo.save(AttemptResult.of(event.attemptId(), event.contestId(), event.roundId(),
				event.participantId(), event.correctCount(), event.questionCount(), event.durationMillis(),
				event.prediction(), millis(event.submittedAt()), event.autoClosed(), eventId, event.category(),
				event.period())));
	}

}
