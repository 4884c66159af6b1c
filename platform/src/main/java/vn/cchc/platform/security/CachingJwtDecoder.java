package vn.cchc.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers tokens that passed verification until they expire (at most {@link #MAX_TTL}), so a
 * citizen's eleven or so requests of a quiz cost one signature check instead of eleven: JFR showed
 * token decoding (RSA verification and parsing) at 17 % of a quiz-service's CPU under load.
 *
 * <p>
 * Safe because the key is the whole compact token, signature included: any change to header,
 * claims or signature is a different key and is verified afresh. Failures are never cached. The
 * gateway does the same for its reactive decoder.
 */
final class CachingJwtDecoder implements JwtDecoder {

	/** Upper bound even for long-lived tokens, so key rotation takes effect within minutes. */
	static final Duration MAX_TTL = Duration.ofMinutes(10);

	private final JwtDecoder delegate;

	private final Cache<String, Jwt> verified;

	CachingJwtDecoder(JwtDecoder delegate, long maxSize, Clock clock) {
		this.delegate = delegate;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maxSize)
			.expireAfter(Expiry.writing((String token, Jwt jwt) -> timeToLive(jwt, clock.instant())))
			.build();
	}

	@Override
	public Jwt decode(String token) {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null) {
			return known;
		}
		Jwt jwt = this.delegate.decode(token);
		this.verified.put(token, jwt);
		return jwt;
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
