/**
 * The one-command local platform: {@link vn.cchc.local.LocalStack} starts a Kafka broker, an
 * embedded MongoDB, Keycloak (realm from {@code deploy/keycloak} plus local demo accounts), every
 * service and the gateway as separate processes, waits until each answers, and stops them all;
 * {@link vn.cchc.local.LocalStackMain} is the command-line entry used by {@code -Prun}.
 */
package vn.cchc.local;
