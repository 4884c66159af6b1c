package vn.cchc.platform.security;

import java.time.Clock;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import vn.cchc.http.VerifiedTokens;

/**
 * A {@link JwtDecoder} that verifies each token once and serves it from {@link VerifiedTokens}
 * until it expires (the gateway adapts the same cache to its reactive decoder). Failures are
 * never cached.
 */
final class CachingJwtDecoder implements JwtDecoder {

	private final JwtDecoder delegate;

	private final VerifiedTokens<Jwt> verified;

	CachingJwtDecoder(JwtDecoder delegate, long maxSize, Clock clock) {
		this.delegate = delegate;
		this.verified = new VerifiedTokens<>(maxSize, clock, Jwt::getExpiresAt);
	}

	@Override
	public Jwt decode(String token) {
		Jwt known = this.verified.known(token);
		if (known != null) {
			return known;
		}
		Jwt jwt = this.delegate.decode(token);
		this.verified.remember(token, jwt);
		return jwt;
	}

}
