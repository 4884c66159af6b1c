package vn.cchc.quiz;

import java.time.Clock;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import vn.cchc.contracts.ContestEvent.Configuration;
import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.ContestEvent.ContestUpdated;
import vn.cchc.contracts.ContestEvent.RoundWindowExtended;
import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.contracts.ParticipantEvent.ParticipantExcluded;
import vn.cchc.contracts.Topics;
import vn.cchc.platform.inbox.EventHandlers;
import vn.cchc.platform.inbox.EventInbox;
import vn.cchc.platform.mongo.Lookups;

/** Keeps the quiz's copy of rounds and participants. Every handler is an upsert, so replays are harmless. */
@Component
class RegistrationEventsListener {

	private final MongoTemplate mongo;

	private final EventInbox inbox;

	private final QuizRounds rounds;

	private final EventHandlers handlers;

	private final Clock clock;

	RegistrationEventsListener(MongoTemplate mongo, EventInbox inbox, QuizRounds rounds, Clock clock) {
		this.mongo = mongo;
		this.rounds = rounds;
		this.clock = clock;
		this.inbox = inbox;
		this.handlers = EventHandlers.builder()
			.on(ContestPublished.class, this::configured)
			.on(ContestUpdated.class, this::configured)
			.on(RoundWindowExtended.class, this::windowExtended)
			.on(ParticipantEnrolled.class, this::participantEnrolled)
			.on(ParticipantExcluded.class, this::participantExcluded)
			.build();
		mongo.indexOps(QuizParticipant.class)
			.createIndex(new Index("contestId", Sort.Direction.ASC).on("userId", Sort.Direction.ASC));
		mongo.indexOps(QuizParticipant.class).createIndex(new Index("contestUser", Sort.Direction.ASC).unique().sparse());
	}

	@KafkaListener(topics = { Topics.CONTESTS, Topics.PARTICIPANTS })
	void on(ConsumerRecord<String, byte[]> record) {
		this.inbox.accept(record, this.handlers);
	}

	/**
	 * Published and updated carry the whole configuration: each quiz round is upserted unless the
	 * round already holds a newer version. A round that has opened (or has attempts) keeps its
	 * question settings, so participants of one round never draw under two rule sets; only its
	 * titles and window follow the update. The pinned bank versions are never touched.
	 */
	private void configured(Configuration event) {
		Instant now = this.clock.instant();
		for (var round : event.rounds()) {
			if (!"quiz".equals(round.kind()) || round.quiz() == null || round.opensAt() == null
					|| round.closesAt() == null) {
				continue;
			}
			QuizRound known = this.mongo.findById(round.roundId(), QuizRound.class);
			if (known != null && known.configVersion() != null && known.configVersion() > event.version()) {
				continue;
			}
			boolean settled = known != null && (!now.isBefore(known.opensAt()) || Lookups.exists(this.mongo,
					Query.query(Criteria.where("roundId").is(round.roundId())), Attempt.class));
			Update update = new Update().set("contestId", event.contestId())
				.set("contestTitle", event.title())
				.set("title", round.title())
				.set("opensAt", round.opensAt())
				.set("closesAt", round.closesAt())
				.set("configVersion", event.version());
			if (!settled) {
				update.set("settings", round.quiz());
			}
			this.mongo.upsert(Query.query(Criteria.where("_id").is(round.roundId())), update, QuizRound.class);
			this.rounds.forget(round.roundId());
		}
	}

	private void windowExtended(RoundWindowExtended event) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(event.roundId())),
				Update.update("closesAt", event.closesAt()), QuizRound.class);
		this.rounds.forget(event.roundId());
	}

	private void participantEnrolled(ParticipantEnrolled event) {
		String contestUser = QuizParticipant.contestUser(event.contestId(), event.userId());
		// Should registration ever enrol the same person again under a new id, the newest wins the key.
		this.mongo.updateMulti(Query.query(Criteria.where("contestUser").is(contestUser).and("_id").ne(event.participantId())),
				new Update().unset("contestUser"), QuizParticipant.class);
		this.mongo.save(new QuizParticipant(event.participantId(), event.contestId(), event.userId(),
				event.displayName(), event.category(), event.unitCode(), false, contestUser));
	}

	private void participantExcluded(ParticipantExcluded event) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(event.participantId())),
				Update.update("excluded", true), QuizParticipant.class);
	}

}
