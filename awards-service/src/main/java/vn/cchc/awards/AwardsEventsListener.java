package vn.cchc.awards;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import vn.cchc.awards.ReadModels.AttemptResult;
import vn.cchc.awards.ReadModels.Entrant;
import vn.cchc.awards.ReadModels.RoundRule;
import vn.cchc.awards.ReadModels.UnitInfo;
import vn.cchc.contracts.AttemptEvent.AttemptSubmitted;
import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.contracts.ParticipantEvent.ParticipantExcluded;
import vn.cchc.contracts.Topics;
import vn.cchc.contracts.UnitEvent.UnitRegistered;
import vn.cchc.platform.inbox.EventHandlers;
import vn.cchc.platform.inbox.EventInbox;

/** Builds the standings' inputs from events; upserts keyed by aggregate id, behind the inbox. */
@Component
class AwardsEventsListener {

	private final MongoTemplate mongo;

	private final EventInbox inbox;

	private final EventHandlers handlers;

	AwardsEventsListener(MongoTemplate mongo, EventInbox inbox) {
		this.mongo = mongo;
		this.inbox = inbox;
		this.handlers = EventHandlers.builder()
			.on(ContestPublished.class, this::contestPublished)
			.on(UnitRegistered.class, this::unitRegistered)
			.on(ParticipantEnrolled.class, this::participantEnrolled)
			.on(ParticipantExcluded.class, this::participantExcluded)
			.on(AttemptSubmitted.class, this::attemptSubmitted)
			.build();
		mongo.indexOps(AttemptResult.class).createIndex(new Index("contestId", Sort.Direction.ASC));
		mongo.indexOps(Entrant.class).createIndex(new Index("contestId", Sort.Direction.ASC));
	}

	@KafkaListener(topics = { Topics.CONTESTS, Topics.UNITS, Topics.PARTICIPANTS, Topics.ATTEMPTS })
	void on(ConsumerRecord<String, byte[]> record) {
		this.inbox.accept(record, this.handlers);
	}

	private void contestPublished(ContestPublished event) {
		event.rounds()
			.stream()
			.filter(r -> r.quiz() != null)
			.forEach(r -> this.mongo.save(new RoundRule(r.roundId(), event.contestId(), r.title(), r.quiz().counting())));
	}

	private void unitRegistered(UnitRegistered event) {
		this.mongo.save(new UnitInfo(UnitInfo.id(event.contestId(), event.unitCode()), event.contestId(),
				event.unitCode(), event.name(), event.group(), event.headcount()));
	}

	private void participantEnrolled(ParticipantEnrolled event) {
		this.mongo.save(new Entrant(event.participantId(), event.contestId(), event.displayName(), event.unitCode(),
				event.category(), false));
	}

	private void participantExcluded(ParticipantExcluded event) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(event.participantId())),
				Update.update("excluded", true), Entrant.class);
	}

	private void attemptSubmitted(AttemptSubmitted event, String eventId) {
		this.mongo.save(new AttemptResult(event.attemptId(), event.contestId(), event.roundId(), event.participantId(),
				event.correctCount(), event.questionCount(), event.durationMillis(), event.prediction(),
				event.submittedAt(), event.autoClosed(), eventId));
	}

}
