package vn.cchc.platform.test;

import java.util.concurrent.TimeUnit;

import org.springframework.kafka.core.KafkaTemplate;

import vn.cchc.contracts.CchcEvent;
import vn.cchc.platform.events.CloudEventRecords;
import vn.cchc.platform.outbox.Outbox;
import vn.cchc.platform.outbox.OutboxMessage;

/**
 * Publishes events the way another service's outbox relay would (same envelope), so a service's
 * consumers can be tested without starting the producing service.
 */
public final class TestEvents {

	private TestEvents() {
	}

	/** Sends each event and waits for the broker's acknowledgement; returns the messages sent. */
	public static OutboxMessage[] publish(KafkaTemplate<String, byte[]> kafka, Outbox outbox, CchcEvent... events) {
		OutboxMessage[] messages = outbox.messages(events).toArray(OutboxMessage[]::new);
		for (OutboxMessage message : messages) {
			send(kafka, message);
		}
		return messages;
	}

	/** Sends one already-built message again, as a redelivery or replay would. */
	public static void send(KafkaTemplate<String, byte[]> kafka, OutboxMessage message) {
		try {
			kafka.send(CloudEventRecords.toRecord(message)).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + message.type(), ex);
		}
	}

}
