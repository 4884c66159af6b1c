package vn.cchc.platform.outbox;

import java.time.Instant;

/**
 * One unpublished event inside an aggregate document's {@code outbox} array: the CloudEvents
 * attributes, the topic and record key, and the JSON data. {@code eventId} (not {@code id}, which
 * Spring Data would map to {@code _id}) is the CloudEvents id and the consumers' idempotency key.
 */
public record OutboxMessage(String eventId, String type, String topic, String key, String source, Instant time,
		String subject, String contestId, String traceparent, String data) {

	/** The array field that holds pending messages in an aggregate document. */
	public static final String FIELD = "outbox";

}
