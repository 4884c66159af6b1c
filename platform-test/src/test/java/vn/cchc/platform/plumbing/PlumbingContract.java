package vn.cchc.platform.plumbing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

import vn.cchc.contracts.CloudEventAttributes;
import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.contracts.Topics;
import vn.cchc.contracts.UnitEvent.UnitRegistered;
import vn.cchc.platform.events.TraceContextBridge;
import vn.cchc.platform.inbox.EventInbox;
import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.outbox.OutboxHints;
import vn.cchc.platform.outbox.OutboxMessage;
import vn.cchc.platform.outbox.OutboxProperties;
import vn.cchc.platform.outbox.OutboxRelay;
import vn.cchc.platform.test.TestEvents;
import vn.cchc.platform.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared plumbing's contract: outbox to inbox exactly once, dead letters, trace continuity,
 * Kafka outages. Run on embedded parts ({@link PlumbingTest}) and on real Kafka and MongoDB in
 * containers ({@link PlumbingContainersTest}).
 */
abstract class PlumbingContract {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Outbox outbox;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	PlumbingApplication.UnitListener listener;

	@Autowired
	EventInbox inbox;

	@Autowired
	PlumbingApplication.ParticipantBatchListener batchListener;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	TraceContextBridge trace;

	@Autowired
	Tracer tracer;

	@Value("${spring.kafka.bootstrap-servers}")
	String brokers;

	long appliedFor(String contestId) {
		return this.listener.applied.stream().filter(e -> e.contestId().equals(contestId)).count();
	}

	/** A state change and its event in one document write, as services do it. */
	Document widgetWithEvent(String collection, String contestId) {
		OutboxMessage message = this.outbox.message(new UnitRegistered(contestId, "U1", "Đơn vị 1", "khoi", 10));
		Document widget = new Document("_id", UUID.randomUUID().toString()).append("name", "widget")
			.append("outbox", List.of(this.mongo.getConverter().convertToMongoType(message)));
		this.mongo.getCollection(collection).insertOne(widget);
		return widget;
	}

	@Test
	void anEventWrittenWithItsStateIsPublishedOnceAndAppliedOnceEvenWhenRedelivered() {
		String contestId = UUID.randomUUID().toString();
		var span = this.tracer.nextSpan().name("http request").start();
		Document widget;
		String traceparent;
		try (var scope = this.tracer.withSpan(span)) {
			traceparent = this.trace.current();
			widget = widgetWithEvent("widgets", contestId);
		}
		finally {
			span.end();
		}
		assertThat(traceparent).contains(span.context().traceId());
		await().atMost(Duration.ofSeconds(15)).until(() -> appliedFor(contestId) == 1);
		// The relay removes the message once Kafka acknowledged it, which may be just after the consumer applied it.
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.mongo.getCollection("widgets")
				.find(new Document("_id", widget.get("_id")))
				.first()
				.getList("outbox", Document.class)).as("marked sent").isEmpty());
		assertThat(this.listener.traceIds.get(this.listener.applied.indexOf(this.listener.applied.stream()
			.filter(e -> e.contestId().equals(contestId)).findFirst().orElseThrow())))
			.as("the consumer continues the writer's trace").isEqualTo(span.context().traceId());

		// Redelivery and replay of the same event id change nothing.
		OutboxMessage sent = this.mongo.getConverter()
			.read(OutboxMessage.class, widget.getList("outbox", Document.class).get(0));
		TestEvents.send(this.kafka, sent);
		TestEvents.send(this.kafka, sent);
		String marker = UUID.randomUUID().toString();
		TestEvents.publish(this.kafka, this.outbox, new UnitRegistered(marker, "U1", "Đơn vị 1", "khoi", 10));
		await().atMost(Duration.ofSeconds(15)).until(() -> appliedFor(marker) == 1);
		assertThat(appliedFor(contestId)).isEqualTo(1);
		assertThat(this.inbox.processed(sent.eventId())).isTrue();
	}

	@Test
	void poisonRecordsGoToTheDeadLetterTopicAndTheConsumerCarriesOn() throws Exception {
		ProducerRecord<String, byte[]> noEnvelope = new ProducerRecord<>(Topics.UNITS, "k", "{}".getBytes(StandardCharsets.UTF_8));
		ProducerRecord<String, byte[]> badJson = new ProducerRecord<>(Topics.UNITS, "k2", "không phải JSON".getBytes(StandardCharsets.UTF_8));
		badJson.headers().add(CloudEventAttributes.ID, "poison-2".getBytes(StandardCharsets.UTF_8));
		badJson.headers().add(CloudEventAttributes.TYPE, "vn.cchc.registration.unit-registered.v1".getBytes(StandardCharsets.UTF_8));
		this.kafka.send(noEnvelope).get();
		this.kafka.send(badJson).get();
		String after = UUID.randomUUID().toString();
		TestEvents.publish(this.kafka, this.outbox, new UnitRegistered(after, "U1", "Đơn vị 1", "khoi", 10));

		var dead = TopicReader.read(this.brokers, Topics.deadLetter(Topics.UNITS),
				r -> "k".equals(r.key()) || "k2".equals(r.key()), 2, Duration.ofSeconds(20));
		assertThat(dead).extracting(r -> r.key()).contains("k", "k2");
		await().atMost(Duration.ofSeconds(15)).until(() -> appliedFor(after) == 1);
		assertThat(this.inbox.processed("poison-2")).isFalse();
	}

	@Test
	void aBatchIsAppliedOncePerEventInItsOrderAndAPoisonRecordInItGoesToTheDeadLetterTopic() throws Exception {
		String contestId = UUID.randomUUID().toString();
		OutboxMessage earlier = TestEvents.publish(this.kafka, this.outbox, enrolled(contestId, "p0"))[0];
		await().atMost(Duration.ofSeconds(20)).until(() -> appliedInBatch(contestId, "p0") == 1);

		var container = this.listeners.getListenerContainer(PlumbingApplication.ParticipantBatchListener.ID);
		container.stop();
		var span = this.tracer.nextSpan().name("http request").start();
		OutboxMessage[] sent;
		try (var scope = this.tracer.withSpan(span)) {
			sent = this.outbox.messages(enrolled(contestId, "p1"), enrolled(contestId, "p2"), enrolled(contestId, "p3"))
				.toArray(OutboxMessage[]::new);
		}
		finally {
			span.end();
		}
		// One poll's worth, in this order: a replay of an applied event, p1, p1 again, p2, a poison
		// record, p3, p2 again.
		TestEvents.send(this.kafka, earlier);
		TestEvents.send(this.kafka, sent[0]);
		TestEvents.send(this.kafka, sent[0]);
		TestEvents.send(this.kafka, sent[1]);
		this.kafka.send(new ProducerRecord<>(Topics.PARTICIPANTS, "batch-poison", "{}".getBytes(StandardCharsets.UTF_8))).get();
		TestEvents.send(this.kafka, sent[2]);
		TestEvents.send(this.kafka, sent[1]);
		container.start();

		await().atMost(Duration.ofSeconds(30)).until(() -> appliedInBatch(contestId, "p3") == 1);
		var dead = TopicReader.read(this.brokers, Topics.deadLetter(Topics.PARTICIPANTS),
				r -> "batch-poison".equals(r.key()), 1, Duration.ofSeconds(20));
		assertThat(dead).extracting(r -> r.key()).containsExactly("batch-poison");
		assertThat(this.batchListener.applied.stream().filter(e -> e.contestId().equals(contestId)))
			.extracting(ParticipantEnrolled::participantId)
			.as("each event once (order is kept per key; these have four)")
			.containsExactlyInAnyOrder("p0", "p1", "p2", "p3");
		for (OutboxMessage message : sent) {
			assertThat(this.inbox.processed(message.eventId())).isTrue();
		}
		int p1 = this.batchListener.applied.indexOf(this.batchListener.applied.stream()
			.filter(e -> e.contestId().equals(contestId) && e.participantId().equals("p1")).findFirst().orElseThrow());
		assertThat(this.batchListener.traceIds.get(p1)).as("the handler continues the writer's trace")
			.isEqualTo(span.context().traceId());
	}

	private static ParticipantEnrolled enrolled(String contestId, String participantId) {
		return new ParticipantEnrolled(contestId, participantId, "u-" + participantId, "Người " + participantId,
				"citizen", "U1", Instant.parse("2026-11-25T01:00:00Z"));
	}

	private long appliedInBatch(String contestId, String participantId) {
		return this.batchListener.applied.stream()
			.filter(e -> e.contestId().equals(contestId) && e.participantId().equals(participantId))
			.count();
	}

	@Test
	void whileKafkaIsDownEventsWaitInTheOutboxAndLeaveWhenItIsBack() {
		String contestId = UUID.randomUUID().toString();
		// "widgets-down" is not one of the application's outbox collections: only these relays see it.
		Document widget = widgetWithEvent("widgets-down", contestId);
		Object id = widget.get("_id");
		// A relay whose broker is unreachable: nothing is acknowledged, nothing is removed.
		var deadFactory = new DefaultKafkaProducerFactory<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				"127.0.0.1:1", ProducerConfig.MAX_BLOCK_MS_CONFIG, 300, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
		try {
			OutboxRelay deadRelay = new OutboxRelay(this.mongo, new KafkaTemplate<>(deadFactory), List.of("widgets-down"),
					new OutboxProperties(Duration.ofMillis(50), 100, Duration.ofSeconds(1), Duration.ofSeconds(10)), this.trace);
			deadRelay.relay();
			deadRelay.relay();
			assertThat(deadRelay.publishedCount()).isZero();
			Document waiting = this.mongo.getCollection("widgets-down").find(new Document("_id", id)).first();
			assertThat(waiting.getList("outbox", Document.class)).hasSize(1);

			// The broker is back (the real template): the same message leaves and is applied.
			OutboxRelay relay = new OutboxRelay(this.mongo, this.kafka, List.of("widgets-down"),
					new OutboxProperties(Duration.ofMillis(50), 100, Duration.ofSeconds(10), Duration.ofSeconds(10)), this.trace);
			relay.relay();
			assertThat(relay.publishedCount()).isEqualTo(1);
			assertThat(this.mongo.getCollection("widgets-down").find(new Document("_id", id)).first()
				.getList("outbox", Document.class)).isEmpty();
			await().atMost(Duration.ofSeconds(15)).until(() -> appliedFor(contestId) == 1);
		}
		finally {
			deadFactory.destroy();
		}
	}

	@Test
	void aHintedWriteLeavesAtTheNextTurnAndAnUnhintedOneAtTheNextSearch() {
		// A relay of its own collection whose periodic search is an hour away once it has run.
		OutboxHints hints = new OutboxHints();
		OutboxRelay relay = new OutboxRelay(this.mongo, this.kafka, List.of("widgets-hinted"),
				new OutboxProperties(Duration.ofMillis(50), 100, Duration.ofSeconds(10), Duration.ofHours(1)), this.trace,
				hints);
		relay.relay(); // the first turn searches (nothing yet)

		Document unhinted = widgetWithEvent("widgets-hinted", UUID.randomUUID().toString());
		String contestId = UUID.randomUUID().toString();
		Document hinted = widgetWithEvent("widgets-hinted", contestId);
		hints.add("widgets-hinted", hinted.get("_id")); // what Outbox.written does after the write
		relay.relay();

		assertThat(relay.publishedCount()).isEqualTo(1);
		assertThat(this.mongo.getCollection("widgets-hinted").find(new Document("_id", hinted.get("_id"))).first()
			.getList("outbox", Document.class)).isEmpty();
		// Not hinted (say its writer crashed before the relay's turn): it waits for the search.
		assertThat(this.mongo.getCollection("widgets-hinted").find(new Document("_id", unhinted.get("_id"))).first()
			.getList("outbox", Document.class)).hasSize(1);
		await().atMost(Duration.ofSeconds(15)).until(() -> appliedFor(contestId) == 1);

		OutboxRelay restarted = new OutboxRelay(this.mongo, this.kafka, List.of("widgets-hinted"),
				new OutboxProperties(Duration.ofMillis(50), 100, Duration.ofSeconds(10), Duration.ofHours(1)), this.trace);
		restarted.relay();
		assertThat(restarted.publishedCount()).isEqualTo(1);
		assertThat(this.mongo.getCollection("widgets-hinted").find(new Document("_id", unhinted.get("_id"))).first()
			.getList("outbox", Document.class)).isEmpty();
	}

	@Test
	void topicsAreKeptForeverSoReadModelsCanBeRebuiltByReplay() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers))) {
			for (String topic : List.of(Topics.UNITS, Topics.deadLetter(Topics.UNITS))) {
				ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
				var config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
				assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(topic).isEqualTo("-1");
			}
		}
	}

}
