/**
 * Errors the gateway answers itself (invalid token, unknown path, too many requests, backend
 * unreachable) as RFC 9457 problem details with a stable {@code code} and a Vietnamese
 * {@code detail}, shaped like the services' own so the UI shows both the same way.
 */
package vn.cchc.gateway.problem;
