package vn.cchc.quiz;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.ContestEvent.RoundWindowExtended;
import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.contracts.ParticipantEvent.ParticipantExcluded;
import vn.cchc.contracts.Topics;
import vn.cchc.platform.inbox.EventHandlers;
import vn.cchc.platform.inbox.EventInbox;

/** Keeps the quiz's copy of rounds and participants. Every handler is an upsert, so replays are harmless. */
@Component
class RegistrationEventsListener {

	private final MongoTemplate mongo;

	private final EventInbox inbox;

	private final EventHandlers handlers;

	RegistrationEventsListener(MongoTemplate mongo, EventInbox inbox) {
		this.mongo = mongo;
		this.inbox = inbox;
		this.handlers = EventHandlers.builder()
			.on(ContestPublished.class, this::contestPublished)
			.on(RoundWindowExtended.class, this::windowExtended)
			.on(ParticipantEnrolled.class, this::participantEnrolled)
			.on(ParticipantExcluded.class, this::participantExcluded)
			.build();
		mongo.indexOps(QuizParticipant.class)
			.createIndex(new Index("contestId", Sort.Direction.ASC).on("userId", Sort.Direction.ASC));
	}

	@KafkaListener(topics = { Topics.CONTESTS, Topics.PARTICIPANTS })
	void on(ConsumerRecord<String, byte[]> record) {
		this.inbox.accept(record, this.handlers);
	}

	private void contestPublished(ContestPublished event) {
		for (var round : event.rounds()) {
			if ("quiz".equals(round.kind()) && round.quiz() != null) {
				this.mongo.save(new QuizRound(round.roundId(), event.contestId(), event.title(), round.title(),
						round.opensAt(), round.closesAt(), round.quiz()));
			}
		}
	}

	private void windowExtended(RoundWindowExtended event) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(event.roundId())),
				Update.update("closesAt", event.closesAt()), QuizRound.class);
	}

	private void participantEnrolled(ParticipantEnrolled event) {
		this.mongo.save(new QuizParticipant(event.participantId(), event.contestId(), event.userId(),
				event.displayName(), event.category(), event.unitCode(), false));
	}

	private void participantExcluded(ParticipantExcluded event) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(event.participantId())),
				Update.update("excluded", true), QuizParticipant.class);
	}

}
