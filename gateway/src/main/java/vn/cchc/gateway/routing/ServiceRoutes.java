package vn.cchc.gateway.routing;

import java.net.URI;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.cchc.gateway.GatewayProperties;

/**
 * One route per service: {@code /api/<service>/**} goes to that service with the path and the
 * {@code Authorization} header unchanged, through a circuit breaker named after the route.
 *
 * <p>
 * The breaker has no fallback URI on purpose: a fallback would make the gateway cache every
 * request body (uploads included) for a possible replay. Its errors reach
 * {@code GatewayErrorHandler}, which answers 503. Timeouts are Reactor Netty's connect and
 * response (time to first byte) timeouts rather than the breaker's time limiter, which would also
 * cut long, healthy downloads and event streams.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

	@Bean
	RouteLocator apiRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
		RouteLocatorBuilder.Builder routes = builder.routes();
		int connectMillis = Math.toIntExact(properties.timeouts().connect().toMillis());
		properties.services().byRouteId().forEach((String id, URI uri) -> routes.route(id,
				r -> r.path("/api/" + id, "/api/" + id + "/**")
					.filters(f -> f.circuitBreaker(c -> c.setName(id)))
					.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, connectMillis)
					.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR,
							properties.timeouts().responseFor(id).toMillis())
					.uri(uri)));
		return routes.build();
	}

}
