package vn.cchc.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import vn.cchc.gateway.GatewayProperties;

/**
 * Spreads a route over several instances of its service ({@code cchc.gateway.instances.<route>}),
 * round robin, for deployments without a load balancer of their own (the local stack with two
 * quiz-services; on Kubernetes the Service already balances and this list stays empty).
 *
 * <p>
 * Runs where Spring Cloud's load-balancer filter would, right after the route's URL was resolved,
 * and only swaps scheme, host and port: path and query pass unchanged and still encoded. An
 * instance that refuses connections (or does not accept one within the connect timeout) is left
 * out for {@link #EJECT_FOR}, so a stopped instance costs one 503 instead of every second request;
 * when every instance is out, all are tried again. Nothing is retried: the request may carry a body
 * that cannot be replayed, and the service's own idempotency (e.g. resending an answer) covers
 * the client's retry.
 */
@Component
class InstanceBalancer implements GlobalFilter, Ordered {

	/** Same place as Spring Cloud's {@code ReactiveLoadBalancerClientFilter}. */
	static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 150;

	static final Duration EJECT_FOR = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(InstanceBalancer.class);

	private final Map<String, Instances> byRoute;

	@Autowired
	InstanceBalancer(GatewayProperties properties) {
		this(properties.instances(), System::nanoTime);
	}

	InstanceBalancer(Map<String, List<URI>> instances, LongSupplier nanoClock) {
		Map<String, Instances> routes = new LinkedHashMap<>();
		instances.forEach((route, uris) -> {
			if (uris != null && !uris.isEmpty()) {
				routes.put(route, new Instances(route, uris, nanoClock));
			}
		});
		this.byRoute = Map.copyOf(routes);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (this.byRoute.isEmpty()) {
			return chain.filter(exchange);
		}
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		Instances instances = route == null ? null : this.byRoute.get(route.getId());
		URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		if (instances == null || url == null) {
			return chain.filter(exchange);
		}
		Instance chosen = instances.next();
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, chosen.resolve(url));
		return chain.filter(exchange).doOnError(ex -> {
			if (isConnectFailure(ex)) {
				chosen.eject();
			}
		});
	}

	/** The instances each route balances over, for the actuator and tests. */
	Map<String, List<URI>> instances() {
		Map<String, List<URI>> all = new LinkedHashMap<>();
		this.byRoute.forEach((route, set) -> all.put(route, set.all.stream().map(i -> i.base).toList()));
		return all;
	}

	static boolean isConnectFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ConnectException || t instanceof ConnectTimeoutException) {
				return true;
			}
		}
		return false;
	}

	/** One route's instances and its round-robin position. */
	static final class Instances {

		private final List<Instance> all;

		private final AtomicInteger position = new AtomicInteger();

		Instances(String route, List<URI> uris, LongSupplier nanoClock) {
			this.all = uris.stream().map(uri -> new Instance(route, uri, nanoClock)).toList();
		}

		Instance next() {
			int size = this.all.size();
			int start = Math.floorMod(this.position.getAndIncrement(), size);
			for (int i = 0; i < size; i++) {
				Instance candidate = this.all.get((start + i) % size);
				if (candidate.available()) {
					return candidate;
				}
			}
			// Every instance was refusing a moment ago: try them again rather than refuse outright.
			return this.all.get(start);
		}

	}

	/** One instance: where it is, and until when it is left out. */
	static final class Instance {

		private final String route;

		final URI base;

		private final String prefix;

		private final LongSupplier nanoClock;

		private volatile long ejectedUntil;

		private volatile boolean ejected;

		Instance(String route, URI base, LongSupplier nanoClock) {
			if (base.getScheme() == null || base.getRawAuthority() == null
					|| (base.getRawPath() != null && !base.getRawPath().isEmpty() && !base.getRawPath().equals("/"))) {
				throw new IllegalArgumentException(
						"cchc.gateway.instances." + route + ": expected scheme://host:port without a path, got " + base);
			}
			this.route = route;
			this.base = base;
			this.prefix = base.getScheme() + "://" + base.getRawAuthority();
			this.nanoClock = nanoClock;
		}

		URI resolve(URI requestUrl) {
			String rawPath = requestUrl.getRawPath() == null ? "" : requestUrl.getRawPath();
			String query = requestUrl.getRawQuery();
			return URI.create(this.prefix + rawPath + (query == null ? "" : "?" + query));
		}

		boolean available() {
			return !this.ejected || this.nanoClock.getAsLong() - this.ejectedUntil >= 0;
		}

		void eject() {
			boolean wasAvailable = available();
			this.ejectedUntil = this.nanoClock.getAsLong() + EJECT_FOR.toNanos();
			this.ejected = true;
			if (wasAvailable) {
				log.warn("Instance {} of route {} refused a connection; left out for {} s", this.base, this.route,
						EJECT_FOR.toSeconds());
			}
		}

	}

}
