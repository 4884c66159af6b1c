/**
 * End-to-end tests: the whole platform started once per test JVM as separate processes
 * ({@link vn.cchc.local.LocalStack}, port offset 100, fresh data in {@code e2e/target/local-data}),
 * driven only through the gateway with real Keycloak tokens, plus one real browser login.
 */
package vn.cchc.e2e;
