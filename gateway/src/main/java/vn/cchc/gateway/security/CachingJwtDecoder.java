package vn.cchc.gateway.security;

import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import vn.cchc.http.VerifiedTokens;

/**
 * A {@link ReactiveJwtDecoder} that verifies each token once and serves it from
 * {@link VerifiedTokens} until it expires (the services adapt the same cache to their blocking
 * decoder). Failures are never cached (nor logged here: a flood of forged tokens must not become a
 * flood of log lines).
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder delegate;

	private final VerifiedTokens<Jwt> verified;

	CachingJwtDecoder(ReactiveJwtDecoder delegate, long maxSize, Clock clock) {
		this.delegate = delegate;
		this.verified = new VerifiedTokens<>(maxSize, clock, Jwt::getExpiresAt);
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.verified.known(token);
		if (known != null) {
			return Mono.just(known);
		}
		return this.delegate.decode(token).doOnNext(jwt -> this.verified.remember(token, jwt));
	}

}
