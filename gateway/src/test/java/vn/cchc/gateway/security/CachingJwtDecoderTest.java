package vn.cchc.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

	final Instant now = Instant.parse("2026-11-25T01:00:00Z");

	final AtomicInteger verifications = new AtomicInteger();

	final ReactiveJwtDecoder verifier = token -> {
		this.verifications.incrementAndGet();
		return token.startsWith("good") ? Mono.just(jwt(token, this.now.plusSeconds(300)))
				: Mono.error(new BadJwtException("bad signature"));
	};

	final CachingJwtDecoder decoder = new CachingJwtDecoder(this.verifier, 100,
			Clock.fixed(this.now, ZoneOffset.UTC));

	@Test
	void a_token_is_verified_once_then_served_from_the_cache() {
		Jwt first = this.decoder.decode("good.1").block();
		Jwt second = this.decoder.decode("good.1").block();

		assertThat(second).isSameAs(first);
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void a_failed_verification_is_never_cached() {
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> this.decoder.decode("forged.1").block()).isInstanceOf(BadJwtException.class);
		}

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void an_expired_token_is_not_kept() {
		ReactiveJwtDecoder expired = token -> {
			this.verifications.incrementAndGet();
			return Mono.just(jwt(token, this.now.minusSeconds(1)));
		};
		CachingJwtDecoder decoder = new CachingJwtDecoder(expired, 100, Clock.fixed(this.now, ZoneOffset.UTC));

		decoder.decode("good.old").block();
		decoder.decode("good.old").block();

		assertThat(this.verifications).hasValue(2);
	}

	private static Jwt jwt(String token, Instant expiresAt) {
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("u")
			.issuedAt(expiresAt.minusSeconds(600))
			.expiresAt(expiresAt)
			.build();
	}

}
