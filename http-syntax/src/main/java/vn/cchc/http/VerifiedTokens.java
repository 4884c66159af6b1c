package vn.cchc.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

/**
 * Bearer tokens that passed signature verification, remembered until they expire (at most
 * {@link #MAX_TTL}), so a citizen's dozen requests of a quiz cost one signature check instead of
 * twelve: JFR showed token decoding at 17 % of a quiz-service's CPU and as the costliest step of a
 * request through the gateway. The servlet services' blocking decoder and the gateway's reactive one
 * both keep their verified tokens here; {@code T} is their verified-token type.
 *
 * <p>
 * Safe because the key is the whole compact token, signature included: any change to header,
 * claims or signature is a different key and is verified afresh. Only verified tokens are
 * remembered (callers never put a failure here), and a token already expired is not kept.
 */
public final class VerifiedTokens<T> {

	/** Upper bound even for long-lived tokens, so a key rotation takes effect within minutes. */
	static final Duration MAX_TTL = Duration.ofMinutes(10);

	private final Cache<String, T> verified;

	/**
	 * @param maxSize how many tokens to remember (least recently used forgotten first)
	 * @param clock the time that decides expiry
	 * @param expiresAt a verified token's expiry ({@code exp}), or null when it has none
	 */
	public VerifiedTokens(long maxSize, Clock clock, Function<T, @Nullable Instant> expiresAt) {
		this.verified = Caffeine.newBuilder()
			.maximumSize(maxSize)
			.expireAfter(Expiry.<String, T>writing((token, value) -> timeToLive(expiresAt.apply(value), clock.instant())))
			.build();
	}

	/** The verified token remembered for this compact token, or null. */
	public @Nullable T known(String token) {
		return this.verified.getIfPresent(token);
	}

	/** Remembers a token that has just passed verification. */
	public void remember(String token, T verifiedToken) {
		this.verified.put(token, verifiedToken);
	}

	/** Until the token expires, at most {@link #MAX_TTL}; zero when already expired. */
	static Duration timeToLive(@Nullable Instant expiresAt, Instant now) {
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
