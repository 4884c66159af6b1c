/**
 * Per-route request budgets (Bucket4j token buckets held in a Caffeine cache): per signed-in
 * user by token subject, per client address for anonymous calls.
 */
package vn.cchc.gateway.ratelimit;
