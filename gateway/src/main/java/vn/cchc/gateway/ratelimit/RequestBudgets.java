package vn.cchc.gateway.ratelimit;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import vn.cchc.gateway.GatewayProperties;
import vn.cchc.gateway.GatewayProperties.Limit;

/**
 * One token bucket per route and client (signed-in user or anonymous address), kept in memory.
 *
 * <p>
 * A bucket left alone for as long as it takes to refill completely is indistinguishable from a
 * new one, so it may be dropped after that idle time (at least a minute, to spare the churn of
 * recreating buckets for clients that pause briefly): memory follows the active clients only.
 */
final class RequestBudgets {

	/** Whose budget a request spends. */
	enum Holder {

		USER, ADDRESS

	}

	record Key(String routeId, Holder holder, String client) {
	}

	private static final Duration MIN_IDLE = Duration.ofMinutes(1);

	private final Cache<Key, Bucket> buckets;

	private final Bandwidth perUser;

	private final Bandwidth perAddress;

	RequestBudgets(GatewayProperties.RateLimit settings) {
		this.perUser = bandwidth(settings.perUser());
		this.perAddress = bandwidth(settings.perIp());
		Duration idle = Collections.max(List.of(MIN_IDLE, refillTime(settings.perUser()), refillTime(settings.perIp())));
		this.buckets = Caffeine.newBuilder()
			.maximumSize(settings.maxTrackedClients())
			.expireAfterAccess(idle)
			.build();
	}

	ConsumptionProbe spend(String routeId, Holder holder, String client) {
		return this.buckets.get(new Key(routeId, holder, client), this::newBucket).tryConsumeAndReturnRemaining(1);
	}

	private Bucket newBucket(Key key) {
		return Bucket.builder().addLimit(key.holder() == Holder.USER ? this.perUser : this.perAddress).build();
	}

	private static Bandwidth bandwidth(Limit limit) {
		return Bandwidth.builder()
			.capacity(limit.burst())
			.refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1))
			.build();
	}

	private static Duration refillTime(Limit limit) {
		return Duration.ofMillis(Math.ceilDiv(limit.burst() * 1000, limit.requestsPerSecond()));
	}

}
