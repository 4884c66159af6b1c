/**
 * The gateway: the platform's only public entry. Routing and circuit breakers in
 * {@code routing}, token checks, CORS and security headers in {@code security}, request budgets
 * in {@code ratelimit}, problem details in {@code problem}, UI configuration in {@code ui}.
 */
package vn.cchc.gateway;
