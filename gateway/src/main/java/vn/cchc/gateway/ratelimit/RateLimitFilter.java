package vn.cchc.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import vn.cchc.gateway.GatewayProperties;
import vn.cchc.gateway.problem.GatewayProblems;
import vn.cchc.gateway.ratelimit.RequestBudgets.Holder;

/**
 * Limits each route per signed-in user (token {@code sub}) or, without a token, per client
 * address; over budget answers 429 with {@code Retry-After}. Runs before the circuit breaker, so
 * refused requests never count as backend calls.
 */
@Component
@ConditionalOnBooleanProperty(name = "cchc.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitFilter implements GlobalFilter, Ordered {

	static final int ORDER = -200;

	private final RequestBudgets budgets;

	private final RemoteAddressResolver addresses;

	private final GatewayProblems problems;

	private final MeterRegistry meters;

	RateLimitFilter(GatewayProperties properties, GatewayProblems problems, MeterRegistry meters) {
		this.budgets = new RequestBudgets(properties.rateLimit());
		int proxies = properties.rateLimit().trustedProxies();
		this.addresses = proxies > 0 ? XForwardedRemoteAddressResolver.maxTrustedIndex(proxies)
				: new RemoteAddressResolver() {
				};
		this.problems = problems;
		this.meters = meters;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return exchange.getPrincipal()
			.map(user -> this.budgets.spend(route.getId(), Holder.USER, user.getName()))
			.switchIfEmpty(Mono.fromSupplier(() -> this.budgets.spend(route.getId(), Holder.ADDRESS, address(exchange))))
			.flatMap(probe -> probe.isConsumed() ? chain.filter(exchange) : refuse(exchange, route, probe));
	}

	private String address(ServerWebExchange exchange) {
		InetSocketAddress remote = this.addresses.resolve(exchange);
		if (remote == null) {
			return "unknown";
		}
		return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

	private Mono<Void> refuse(ServerWebExchange exchange, Route route, ConsumptionProbe probe) {
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
		Counter.builder("cchc.gateway.rate.limited")
			.description("Requests refused with 429")
			.tag("route", route.getId())
			.register(this.meters)
			.increment();
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return this.problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate.limited",
				"Bạn gửi quá nhiều yêu cầu, vui lòng thử lại sau " + seconds + " giây.");
	}

}
