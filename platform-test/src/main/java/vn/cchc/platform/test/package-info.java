/**
 * Test support shared by every service's tests: real signed JWTs checked by the production
 * validators, an embedded MongoDB on a loopback port, and {@link vn.cchc.platform.test.ServiceTest}
 * which starts a service with embedded Kafka and embedded MongoDB.
 */
package vn.cchc.platform.test;
