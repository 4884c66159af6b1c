/**
 * The plumbing every service needs, in one place: the outbox relay, the idempotent consumer with
 * dead letters, trace propagation over Kafka, the JWT resource server, RFC 9457 problem details,
 * structured logs and health/metrics defaults. Auto-configured; services only declare what is
 * theirs (outbox collections, event handlers). No domain types live here.
 */
package vn.cchc.platform;
