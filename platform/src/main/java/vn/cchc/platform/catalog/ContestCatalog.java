package vn.cchc.platform.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.annotation.KafkaListener;

import vn.cchc.contracts.ContestEvent;
import vn.cchc.contracts.ContestEvent.Configuration;
import vn.cchc.contracts.ContestEvent.ContestPublished;
import vn.cchc.contracts.ContestEvent.ContestUpdated;
import vn.cchc.contracts.Topics;
import vn.cchc.platform.inbox.EventHandlers;
import vn.cchc.platform.inbox.EventInbox;

/**
 * A service's copy of the published contests (title and rounds), for services that need no more
 * than that. Enabled with {@code cchc.contest-catalog.enabled=true}; kept through the inbox, so
 * redeliveries and replays change nothing.
 */
public class ContestCatalog {

	private final MongoTemplate mongo;

	private final EventInbox inbox;

	private final Clock clock;

	private final EventHandlers handlers;

	public ContestCatalog(MongoTemplate mongo, EventInbox inbox, Clock clock) {
		this.mongo = mongo;
		this.inbox = inbox;
		this.clock = clock;
		this.handlers = EventHandlers.builder()
			.on(ContestPublished.class, this::configured)
			.on(ContestUpdated.class, this::configured)
			.build();
	}

	@Document("contest_catalog")
	public record Entry(@Id String id, String title, String organizer, int version, List<ContestEvent.Round> rounds,
			java.time.Instant learntAt) {
	}

	@KafkaListener(topics = Topics.CONTESTS, id = "contest-catalog", idIsGroup = false)
	void on(ConsumerRecord<String, byte[]> record) {
		this.inbox.accept(record, this.handlers);
	}

	/** Keeps the newest configuration; an older version arriving late changes nothing. */
	private void configured(Configuration event) {
		Entry known = this.mongo.findById(event.contestId(), Entry.class);
		if (known == null || known.version() <= event.version()) {
			this.mongo.save(new Entry(event.contestId(), event.title(), event.organizer(), event.version(),
					event.rounds(), this.clock.instant()));
		}
	}

	public Optional<Entry> find(String contestId) {
		return Optional.ofNullable(this.mongo.findById(contestId, Entry.class));
	}

}
