package vn.cchc.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;

import vn.cchc.contracts.CchcEvent;
import vn.cchc.contracts.CloudEventAttributes;
import vn.cchc.contracts.EventType;
import vn.cchc.contracts.EventTypes;
import vn.cchc.platform.events.EventCodec;
import vn.cchc.platform.events.PoisonEventException;
import vn.cchc.platform.events.TraceContextBridge;

/**
 * The idempotent consumer. An event id recorded in {@code processed_events} is never applied
 * again, so a redelivery or a replay changes nothing. The id is recorded after the handler ran: a
 * crash in between re-applies the event once, which is why handlers are written as upserts keyed
 * by the aggregate (see docs/adr/0002-outbox-and-idempotent-consumers.md).
 * <p>
 * Two ways in: {@link #accept} for a record listener (three MongoDB round trips per event: the
 * check, the handler's write, the record), and {@link #acceptAll} for a batch listener under load
 * (one check and one record per poll, so only the handlers' own writes are per event).
 */
public class EventInbox {

	public static final String PROCESSED = "processed_events";

	private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

	private final MongoTemplate mongo;

	private final EventCodec codec;

	private final Clock clock;

	private final TraceContextBridge trace;

	public EventInbox(MongoTemplate mongo, EventCodec codec, Clock clock, TraceContextBridge trace) {
		this.mongo = mongo;
		this.codec = codec;
		this.clock = clock;
		this.trace = trace;
	}

	/**
	 * Applies one record. Throws {@link PoisonEventException} for records no retry can fix (they go
	 * to the dead-letter topic); any other exception is retried by the container's error handler.
	 */
	public void accept(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
		Incoming incoming = decode(record, handlers);
		if (incoming.handler() == null) {
			return;
		}
		if (processed(incoming.id())) {
			log.debug("Event {} ({}) already processed; skipped", incoming.id(), incoming.typeName());
			return;
		}
		incoming.apply();
		try {
			this.mongo.getCollection(PROCESSED).insertOne(incoming.processedRecord(this.clock));
		}
		catch (com.mongodb.MongoWriteException | DuplicateKeyException ex) {
			log.debug("Event {} recorded concurrently", incoming.id());
		}
	}

	/**
	 * Applies a poll's records in their order, each event id at most once (also within the batch):
	 * one search for the ids already processed, the handlers, then one insert of the new ids. A
	 * record that fails is reported as a {@link BatchListenerFailedException} with its index, after
	 * the ids of the records before it were recorded; the container's error handler then commits
	 * those records, retries the failed one (or sends a poison record to the dead-letter topic) and
	 * delivers the rest again. Each handler runs in a child span of its record's trace.
	 */
	public void acceptAll(List<ConsumerRecord<String, byte[]>> records, EventHandlers handlers) {
		List<Incoming> batch = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			try {
				batch.add(decode(records.get(i), handlers));
			}
			catch (PoisonEventException ex) {
				// The records before it are applied first, so that only the poison one is left out.
				acceptAll(records.subList(0, i), handlers);
				throw new BatchListenerFailedException(ex.getMessage(), ex, i);
			}
		}
		Set<String> done = processed(batch.stream().filter(in -> in.handler() != null).map(Incoming::id).toList());
		List<Document> applied = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			Incoming incoming = batch.get(i);
			if (incoming.handler() == null || !done.add(incoming.id())) {
				continue;
			}
			try {
				this.trace.within(incoming.traceparent(), "apply " + incoming.typeName(), () -> {
					incoming.apply();
					return null;
				});
			}
			catch (RuntimeException ex) {
				record(applied);
				throw new BatchListenerFailedException("Handler failed for event " + incoming.id(), ex, i);
			}
			applied.add(incoming.processedRecord(this.clock));
		}
		record(applied);
	}

	private Incoming decode(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
		String id = header(record, CloudEventAttributes.ID);
		String typeName = header(record, CloudEventAttributes.TYPE);
		if (id == null || typeName == null || record.value() == null) {
			throw new PoisonEventException("Record without ce_id/ce_type or data at " + record.topic() + "-"
					+ record.partition() + "@" + record.offset());
		}
		EventType type = EventTypes.byName(typeName)
			.orElseThrow(() -> new PoisonEventException("Unknown event type " + typeName));
		CchcEvent event = this.codec.decode(type, record.value());
		return new Incoming(record, id, typeName, event, handlers.handlerFor(event).orElse(null));
	}

	/** Records applied events' ids; an id another consumer recorded meanwhile is left as it is. */
	private void record(List<Document> applied) {
		if (applied.isEmpty()) {
			return;
		}
		try {
			this.mongo.getCollection(PROCESSED).insertMany(applied, new InsertManyOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			if (ex.getWriteErrors().stream().anyMatch(e -> ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
				throw ex;
			}
			log.debug("{} of {} events recorded concurrently", ex.getWriteErrors().size(), applied.size());
		}
	}

	/** Which of these event ids were handled: one search on {@code _id}. */
	private Set<String> processed(List<String> eventIds) {
		Set<String> done = new HashSet<>();
		if (eventIds.isEmpty()) {
			return done;
		}
		this.mongo.getCollection(PROCESSED)
			.find(new Document("_id", new Document("$in", eventIds)))
			.projection(new Document("_id", 1))
			.forEach(d -> done.add(d.getString("_id")));
		return done;
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

	private record Incoming(ConsumerRecord<String, byte[]> record, String id, String typeName, CchcEvent event,
			BiConsumer<CchcEvent, String> handler) {

		void apply() {
			this.handler.accept(this.event, this.id);
		}

		String traceparent() {
			return header(this.record, CloudEventAttributes.TRACEPARENT);
		}

		Document processedRecord(Clock clock) {
			return new Document("_id", this.id).append("type", this.typeName)
				.append("topic", this.record.topic())
				.append("partition", this.record.partition())
				.append("offset", this.record.offset())
				.append("at", Date.from(clock.instant()));
		}

	}

}
