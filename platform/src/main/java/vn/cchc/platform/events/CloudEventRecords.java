package vn.cchc.platform.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import vn.cchc.contracts.CloudEventAttributes;
import vn.cchc.platform.outbox.OutboxMessage;

/**
 * The one place that writes the CloudEvents 1.0 Kafka protocol binding (binary mode): attributes
 * as {@code ce_*} headers, the event's JSON as the record value, the aggregate id as the key.
 */
public final class CloudEventRecords {

	private CloudEventRecords() {
	}

	public static ProducerRecord<String, byte[]> toRecord(OutboxMessage message) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), null, message.key(),
				message.data().getBytes(StandardCharsets.UTF_8));
		header(record, CloudEventAttributes.SPECVERSION, CloudEventAttributes.SPEC_VERSION);
		header(record, CloudEventAttributes.ID, message.eventId());
		header(record, CloudEventAttributes.TYPE, message.type());
		header(record, CloudEventAttributes.SOURCE, message.source());
		header(record, CloudEventAttributes.TIME, message.time() == null ? null : message.time().toString());
		header(record, CloudEventAttributes.SUBJECT, message.subject());
		header(record, CloudEventAttributes.CONTEST_ID, message.contestId());
		header(record, CloudEventAttributes.TRACEPARENT, message.traceparent());
		header(record, CloudEventAttributes.CONTENT_TYPE, "application/json");
		return record;
	}

	private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
		if (value != null) {
			record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
		}
	}

}
