package vn.cchc.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

	final Instant now = Instant.parse("2026-12-06T01:00:00Z");

	final AtomicInteger verifications = new AtomicInteger();

	final JwtDecoder verifier = token -> {
		this.verifications.incrementAndGet();
		if (!token.startsWith("good")) {
			throw new BadJwtException("bad signature");
		}
		return jwt(token, this.now.plusSeconds(token.endsWith("expired") ? -1 : 300));
	};

	final CachingJwtDecoder decoder = new CachingJwtDecoder(this.verifier, 100, Clock.fixed(this.now, ZoneOffset.UTC));

	@Test
	void aTokenIsVerifiedOnceThenServedFromTheCache() {
		Jwt first = this.decoder.decode("good.1");
		Jwt second = this.decoder.decode("good.1");
		this.decoder.decode("good.2");

		assertThat(second).isSameAs(first);
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aFailedVerificationIsNeverCached() {
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> this.decoder.decode("forged.1")).isInstanceOf(BadJwtException.class);
		}

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void anExpiredTokenIsNotKept() {
		this.decoder.decode("good.expired");
		this.decoder.decode("good.expired");

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
