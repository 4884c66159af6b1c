/**
 * Token checks at the edge (issuer, audience {@code cchc-api}, expiry, signature against
 * Keycloak's key set, verified tokens cached until they expire), CORS for the UI origin only,
 * and the browser security headers (CSP, frame, referrer, HSTS).
 */
package vn.cchc.gateway.security;
