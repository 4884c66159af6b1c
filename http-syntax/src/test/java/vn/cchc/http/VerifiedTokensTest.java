package vn.cchc.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

	final Instant now = Instant.parse("2026-12-06T01:00:00Z");

	/** The remembered value is its own expiry here, which is all the cache reads from it. */
	final VerifiedTokens<Instant> tokens = new VerifiedTokens<>(100, Clock.fixed(this.now, ZoneOffset.UTC), exp -> exp);

	@Test
	void aVerifiedTokenIsKnownUntilForgotten() {
		Instant expiry = this.now.plusSeconds(300);
		assertThat(this.tokens.known("a.b.c")).isNull();

		this.tokens.remember("a.b.c", expiry);

		assertThat(this.tokens.known("a.b.c")).isSameAs(expiry);
		assertThat(this.tokens.known("a.b.d")).as("another signature is another token").isNull();
	}

	@Test
	void anExpiredTokenIsNotKept() {
		this.tokens.remember("old", this.now.minusSeconds(1));

		assertThat(this.tokens.known("old")).isNull();
	}

	@Test
	void aTokenLivesUntilItExpiresAndNoLongerThanTenMinutes() {
		assertThat(VerifiedTokens.timeToLive(this.now.plusSeconds(90), this.now)).isEqualTo(Duration.ofSeconds(90));
		assertThat(VerifiedTokens.timeToLive(this.now.plusSeconds(36_000), this.now)).isEqualTo(Duration.ofMinutes(10));
		assertThat(VerifiedTokens.timeToLive(null, this.now)).isEqualTo(Duration.ofMinutes(10));
		assertThat(VerifiedTokens.timeToLive(this.now.minusSeconds(1), this.now)).isZero();
	}

}
