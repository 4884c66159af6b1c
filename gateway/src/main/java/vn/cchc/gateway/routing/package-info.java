/**
 * Routes {@code /api/<service>/**} to the five services, each behind its own circuit breaker
 * and timeouts; services keep their {@code /api/<service>} prefix, so paths pass unchanged.
 */
package vn.cchc.gateway.routing;
