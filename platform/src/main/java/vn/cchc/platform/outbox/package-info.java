/**
 * The transactional outbox without transactions: an aggregate document carries its unpublished
 * events in an {@code outbox} array, written in the same single-document operation as the state
 * change; {@link vn.cchc.platform.outbox.OutboxRelay} polls for them (the embedded MongoDB has no
 * change streams), publishes with an idempotent {@code acks=all} producer and pulls each message
 * only after Kafka acknowledged it. Kafka down means events wait in the documents.
 */
package vn.cchc.platform.outbox;
