package vn.cchc.platform.plumbing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import vn.cchc.contracts.ParticipantEvent.ParticipantEnrolled;
import vn.cchc.contracts.Topics;
import vn.cchc.contracts.UnitEvent.UnitRegistered;
import vn.cchc.platform.inbox.EventHandlers;
import vn.cchc.platform.inbox.EventInbox;
import vn.cchc.platform.outbox.OutboxCollections;

/** A minimal service using the shared plumbing the way real services do. */
@SpringBootApplication
class PlumbingApplication {

	@Bean
	OutboxCollections widgetOutbox() {
		return OutboxCollections.of("widgets");
	}

	@Component
	static class UnitListener {

		final List<UnitRegistered> applied = new CopyOnWriteArrayList<>();

		final List<String> traceIds = new CopyOnWriteArrayList<>();

		private final EventInbox inbox;

		private final Tracer tracer;

		UnitListener(EventInbox inbox, Tracer tracer) {
			this.inbox = inbox;
			this.tracer = tracer;
		}

		@KafkaListener(topics = Topics.UNITS)
		void on(ConsumerRecord<String, byte[]> record) {
			this.inbox.accept(record, EventHandlers.builder().on(UnitRegistered.class, event -> {
				this.applied.add(event);
				var span = this.tracer.currentSpan();
				this.traceIds.add(span == null ? "none" : span.context().traceId());
			}).build());
		}

	}

	/** The same inbox taking a poll's records at once, as the awards-service does under load. */
	@Component
	static class ParticipantBatchListener {

		static final String ID = "plumbing-batch";

		final List<ParticipantEnrolled> applied = new CopyOnWriteArrayList<>();

		final List<String> traceIds = new CopyOnWriteArrayList<>();

		private final EventInbox inbox;

		private final EventHandlers handlers;

		ParticipantBatchListener(EventInbox inbox, Tracer tracer) {
			this.inbox = inbox;
			this.handlers = EventHandlers.builder().on(ParticipantEnrolled.class, event -> {
				this.applied.add(event);
				var span = tracer.currentSpan();
				this.traceIds.add(span == null ? "none" : span.context().traceId());
			}).build();
		}

		@KafkaListener(id = ID, idIsGroup = false, topics = Topics.PARTICIPANTS, batch = "true")
		void on(List<ConsumerRecord<String, byte[]>> records) {
			this.inbox.acceptAll(records, this.handlers);
		}

	}

}
