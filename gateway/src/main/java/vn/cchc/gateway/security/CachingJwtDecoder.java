package vn.cchc.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers tokens that passed verification until they expire, so a user's next requests skip
 * the signature check (the costliest step of a request through the gateway).
 *
 * <p>
 * Safe because the key is the whole compact token, signature included: any change to header,
 * claims or signature is a different key and is verified afresh. Failures are never cached (nor
 * logged here: a flood of forged tokens must not become a flood of log lines).
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

	/** Upper bound even for long-lived tokens, so key rotation takes effect within minutes. */
	static final Duration MAX_TTL = Duration.ofMinutes(10);

	private final ReactiveJwtDecoder delegate;

	private final Cache<String, Jwt> verified;

	CachingJwtDecoder(ReactiveJwtDecoder delegate, long maxSize, Clock clock) {
		this.delegate = delegate;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maxSize)
			.expireAfter(Expiry.writing((String token, Jwt jwt) -> timeToLive(jwt, clock.instant())))
			.build();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null) {
			return Mono.just(known);
		}
		return this.delegate.decode(token).doOnNext(jwt -> this.verified.put(token, jwt));
	}

	static Duration timeToLive(Jwt jwt, Instant now) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return MAX_TTL;
		}
		Duration left = Duration.between(now, expiresAt);
		if (left.isNegative()) {
			return Duration.ZERO;
		}
		return left.compareTo(MAX_TTL) < 0 ? left : MAX_TTL;
	}

}
