/**
 * Consume at least once, apply exactly once: {@link vn.cchc.platform.inbox.EventInbox} reads the
 * CloudEvents headers, skips event ids it already processed, dispatches to the service's
 * {@link vn.cchc.platform.inbox.EventHandlers} and records the id; records it cannot read go to
 * the dead-letter topic without stopping the consumer.
 */
package vn.cchc.platform.inbox;
