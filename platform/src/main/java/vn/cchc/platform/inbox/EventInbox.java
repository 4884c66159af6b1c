package vn.cchc.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import vn.cchc.contracts.CchcEvent;
import vn.cchc.contracts.CloudEventAttributes;
import vn.cchc.contracts.EventType;
import vn.cchc.contracts.EventTypes;
import vn.cchc.platform.events.EventCodec;
import vn.cchc.platform.events.PoisonEventException;

/**
 * The idempotent consumer. An event id recorded in {@code processed_events} is never applied
 * again, so a redelivery or a replay changes nothing. The id is recorded after the handler ran: a
 * crash in between re-applies the event once, which is why handlers are written as upserts keyed
 * by the aggregate (see docs/adr/0002-outbox-and-idempotent-consumers.md).
 */
public class EventInbox {

	public static final String PROCESSED = "processed_events";

	private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

	private final MongoTemplate mongo;

	private final EventCodec codec;

	private final Clock clock;

	public EventInbox(MongoTemplate mongo, EventCodec codec, Clock clock) {
		this.mongo = mongo;
		this.codec = codec;
		this.clock = clock;
	}

	/**
	 * Applies one record. Throws {@link PoisonEventException} for records no retry can fix (they go
	 * to the dead-letter topic); any other exception is retried by the container's error handler.
	 */
	public void accept(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
		String id = header(record, CloudEventAttributes.ID);
		String typeName = header(record, CloudEventAttributes.TYPE);
		if (id == null || typeName == null || record.value() == null) {
			throw new PoisonEventException("Record without ce_id/ce_type or data at " + record.topic() + "-"
					+ record.partition() + "@" + record.offset());
		}
		EventType type = EventTypes.byName(typeName)
			.orElseThrow(() -> new PoisonEventException("Unknown event type " + typeName));
		CchcEvent event = this.codec.decode(type, record.value());
		var handler = handlers.handlerFor(event);
		if (handler.isEmpty()) {
			return;
		}
		if (processed(id)) {
			log.debug("Event {} ({}) already processed; skipped", id, typeName);
			return;
		}
		handler.get().accept(event, id);
		try {
			this.mongo.getCollection(PROCESSED)
				.insertOne(new Document("_id", id).append("type", typeName)
					.append("topic", record.topic())
					.append("partition", record.partition())
					.append("offset", record.offset())
					.append("at", Date.from(this.clock.instant())));
		}
		catch (com.mongodb.MongoWriteException | DuplicateKeyException ex) {
			log.debug("Event {} recorded concurrently", id);
		}
	}

	/**
	 * Whether the event was handled: a find by {@code _id} (not {@code countDocuments}, which drivers
	 * run as an aggregation; the embedded MongoDB answers that by reading the whole collection).
	 */
	public boolean processed(String eventId) {
		return this.mongo.getCollection(PROCESSED)
			.find(new Document("_id", eventId))
			.projection(new Document("_id", 1))
			.limit(1)
			.first() != null;
	}

	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
