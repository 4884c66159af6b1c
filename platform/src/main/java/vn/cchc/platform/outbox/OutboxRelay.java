package vn.cchc.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import vn.cchc.platform.events.CloudEventRecords;
import vn.cchc.platform.events.TraceContextBridge;

/**
 * Publishes what aggregates left in their {@code outbox} arrays and removes each message only once
 * Kafka acknowledged it ({@code acks=all}, idempotent producer). If Kafka is down the sends fail,
 * nothing is removed and the next turn tries again: events wait, they never vanish. Two instances
 * may publish the same message twice; consumers deduplicate by event id.
 * <p>
 * Each turn ({@code cchc.outbox.poll-interval}) reads the documents this instance's writes hinted
 * ({@link Outbox#written}) by {@code _id}, an index lookup on any MongoDB, so a busy collection is
 * never searched per turn. Every {@code cchc.outbox.sweep-interval}, and at the first turn, it also
 * searches each collection for pending messages: those of an instance that crashed between its
 * write and its relay, or of a writer that did not hint.
 * <p>
 * Turns run on the relay's own thread, started and stopped with the application context, not on
 * Spring's scheduler: with virtual threads every fixed-delay {@code @Scheduled} task of a service
 * shares one scheduler thread, and a slow one (the quiz's deadline closes) once held events back
 * for up to 15 s.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final MongoTemplate mongo;

	private final KafkaTemplate<String, byte[]> kafka;

	private final List<String> collections;

	private final OutboxProperties properties;

	private final TraceContextBridge trace;

	private final AtomicLong published = new AtomicLong();

	private final OutboxHints hints;

	private volatile boolean kafkaWasDown;

	private @Nullable ScheduledExecutorService turns;

	/** When the last search of whole collections ran (0: never, so the first turn searches). */
	private long lastSweepNanos;

	private boolean swept;

	public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections,
			OutboxProperties properties, TraceContextBridge trace) {
		this(mongo, kafka, collections, properties, trace, new OutboxHints());
	}

	public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections,
			OutboxProperties properties, TraceContextBridge trace, OutboxHints hints) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.collections = List.copyOf(collections);
		this.properties = properties;
		this.trace = trace;
		this.hints = hints;
	}

	/** A sparse index so a poll finds pending documents without scanning the collection. */
	public void createIndexes() {
		for (String collection : this.collections) {
			this.mongo.getCollection(collection)
				.createIndex(Indexes.ascending(OutboxMessage.FIELD + ".eventId"), new IndexOptions().sparse(true));
		}
	}

	@Override
	public synchronized void start() {
		if (this.turns == null) {
			this.turns = Executors
				.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-relay").daemon().factory());
			long every = this.properties.pollInterval().toNanos();
			this.turns.scheduleWithFixedDelay(this::turn, every, every, TimeUnit.NANOSECONDS);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService running;
		synchronized (this) {
			running = this.turns;
			this.turns = null;
		}
		if (running != null) {
			running.shutdown();
			try {
				running.awaitTermination(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.turns != null;
	}

	/** One scheduled turn; a failure (MongoDB unreachable) is logged and the next turn tries again. */
	private void turn() {
		try {
			relay();
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay turn failed; retried in {}: {}", this.properties.pollInterval(), ex.toString());
		}
	}

	public synchronized void relay() {
		for (String collection : this.collections) {
			if (!relayHinted(collection)) {
				return;
			}
		}
		long now = System.nanoTime();
		if (!this.swept || now - this.lastSweepNanos >= this.properties.sweepInterval().toNanos()) {
			for (String collection : this.collections) {
				if (!sweep(collection)) {
					return;
				}
			}
			this.swept = true;
			this.lastSweepNanos = now;
		}
	}

	/** Publishes the hinted documents of one collection; false when Kafka refused. */
	private boolean relayHinted(String collection) {
		List<Object> ids = this.hints.take(collection, this.properties.batchSize());
		if (ids.isEmpty()) {
			return true;
		}
		List<Document> pending = this.mongo.getCollection(collection)
			.find(Filters.in("_id", ids))
			.projection(Projections.include(OutboxMessage.FIELD))
			.into(new ArrayList<>());
		boolean published = publish(collection, pending);
		if (!published) {
			this.hints.restore(collection, ids);
		}
		return published;
	}

	/** One search of one collection; false when Kafka refused, so the turn stops until next time. */
	private boolean sweep(String collection) {
		List<Document> pending = this.mongo.getCollection(collection)
			.find(Filters.exists(OutboxMessage.FIELD + ".eventId"))
			.projection(Projections.include(OutboxMessage.FIELD))
			.limit(this.properties.batchSize())
			.into(new ArrayList<>());
		return publish(collection, pending);
	}

	private boolean publish(String collection, List<Document> pending) {
		if (pending.isEmpty()) {
			return true;
		}
		List<Sent> sent = new ArrayList<>();
		for (Document document : pending) {
			for (Document message : document.getList(OutboxMessage.FIELD, Document.class, List.of())) {
				Sent one = new Sent(document.get("_id"), message.getString("eventId"), send(message));
				sent.add(one);
				if (sent.size() == 1 && !acknowledgedInTime(one)) {
					// Probe with the first message: while Kafka is down each send would block for
					// max.block.ms, so the rest of the batch waits for the next poll.
					break;
				}
			}
		}
		List<UpdateOneModel<Document>> acknowledged = new ArrayList<>();
		boolean allAcknowledged = true;
		for (Sent s : sent) {
			try {
				s.future().get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
				acknowledged.add(new UpdateOneModel<>(Filters.eq("_id", s.documentId()),
						Updates.pull(OutboxMessage.FIELD, Filters.eq("eventId", s.eventId()))));
			}
			catch (Exception ex) {
				allAcknowledged = false;
				if (!this.kafkaWasDown) {
					log.warn("Kafka did not acknowledge outbox event {}; it stays in {} and is retried: {}",
							s.eventId(), collection, ex.toString());
				}
				this.kafkaWasDown = true;
				break;
			}
		}
		if (!acknowledged.isEmpty()) {
			this.mongo.getCollection(collection).bulkWrite(acknowledged);
			this.published.addAndGet(acknowledged.size());
		}
		if (allAcknowledged && this.kafkaWasDown) {
			log.info("Kafka acknowledges again; outbox of {} drained", collection);
			this.kafkaWasDown = false;
		}
		return allAcknowledged;
	}

	private boolean acknowledgedInTime(Sent sent) {
		try {
			sent.future().get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private CompletableFuture<?> send(Document message) {
		OutboxMessage outboxMessage = this.mongo.getConverter().read(OutboxMessage.class, message);
		ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord(outboxMessage);
		try {
			return this.trace.within(outboxMessage.traceparent(), "outbox publish", () -> this.kafka.send(record));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/** How many events this instance published since start (for tests and metrics). */
	public long publishedCount() {
		return this.published.get();
	}

	private record Sent(Object documentId, String eventId, CompletableFuture<?> future) {
	}

}
