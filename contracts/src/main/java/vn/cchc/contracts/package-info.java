/**
 * The language the services speak on Kafka: topic names, the CloudEvents envelope attributes and
 * one sealed family of immutable event records per aggregate. Nothing here depends on Spring,
 * Kafka or MongoDB, so every service (and every test) can read it.
 */
package vn.cchc.contracts;
