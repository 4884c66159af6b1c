/** Turning {@link vn.cchc.contracts.CchcEvent} records into CloudEvents on Kafka and back. */
package vn.cchc.platform.events;
