package vn.cchc.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the gateway is told from outside. Defaults live in the gateway's
 * {@code application.yml}, so an operator reads them in one place.
 *
 * @param services base URL of each backend service; it serves under {@code /api/<service>/...}
 * @param uiOrigin the one browser origin allowed to call {@code /api/**} cross-origin
 * @param keycloakUrl Keycloak as the browser reaches it (login page, token endpoint, CSP)
 * @param realm Keycloak realm
 * @param clientId public OIDC client the browser app logs in with
 * @param rateLimit per-user and per-IP request budgets
 * @param timeouts how long to wait for a backend before answering 503
 * @param jwtCacheSize how many verified tokens to keep (0 verifies every request)
 * @param instances per route id, the base URLs of several instances of that service; when given, the
 * route spreads requests over them round robin instead of using {@code services.<route>} (for
 * deployments without a load balancer of their own, such as the local stack with two quiz-services)
 */
@Validated
@ConfigurationProperties("cchc.gateway")
public record GatewayProperties(@Valid @NotNull Services services, @NotNull URI uiOrigin, @NotBlank String keycloakUrl,
		@NotBlank String realm, @NotBlank String clientId, @Valid @NotNull RateLimit rateLimit,
		@Valid @NotNull Timeouts timeouts, @Min(0) long jwtCacheSize, Map<String, List<URI>> instances) {

	public GatewayProperties {
		instances = instances == null ? Map.of() : Map.copyOf(instances);
	}

	/** Keycloak URL without a trailing slash, as the UI and the CSP want it. */
	public String keycloakBaseUrl() {
		return this.keycloakUrl.endsWith("/") ? this.keycloakUrl.substring(0, this.keycloakUrl.length() - 1)
				: this.keycloakUrl;
	}

	/** Origin ({@code scheme://host[:port]}) of the UI, without path or trailing slash. */
	public String uiOriginValue() {
		return URI.create(this.uiOrigin.getScheme() + "://" + this.uiOrigin.getRawAuthority()).toString();
	}

	public record Services(@NotNull URI registration, @NotNull URI quiz, @NotNull URI submission,
			@NotNull URI judging, @NotNull URI awards) {

		/** Route id (which is also the first path segment after {@code /api/}) to base URL, in a stable order. */
		public Map<String, URI> byRouteId() {
			Map<String, URI> all = new LinkedHashMap<>();
			all.put("registration", this.registration);
			all.put("quiz", this.quiz);
			all.put("submission", this.submission);
			all.put("judging", this.judging);
			all.put("awards", this.awards);
			return all;
		}

	}

	/**
	 * @param enabled whether requests are limited at all
	 * @param perUser budget of a signed-in user (keyed by the token's {@code sub}), per route
	 * @param perIp budget of an anonymous client (keyed by its address), per route
	 * @param trustedProxies how many proxies in front of the gateway append to {@code X-Forwarded-For};
	 * 0 trusts none and uses the TCP peer address
	 * @param maxTrackedClients upper bound on buckets kept in memory
	 */
	public record RateLimit(boolean enabled, @Valid @NotNull Limit perUser, @Valid @NotNull Limit perIp,
			@Min(0) int trustedProxies, @Positive long maxTrackedClients) {

	}

	/**
	 * A token bucket: {@code burst} requests at once, refilled at {@code requestsPerSecond}.
	 */
	public record Limit(@Positive long requestsPerSecond, @Positive long burst) {

	}

	/**
	 * @param connect time to open a TCP connection to a backend
	 * @param response time from sending a request until the backend's response headers arrive
	 * @param responseByService per-route overrides of {@code response} (e.g. uploads take longer)
	 */
	public record Timeouts(@NotNull Duration connect, @NotNull Duration response,
			Map<String, Duration> responseByService) {

		public Timeouts {
			responseByService = responseByService == null ? Map.of() : Map.copyOf(responseByService);
		}

		public Duration responseFor(String routeId) {
			return this.responseByService.getOrDefault(routeId, this.response);
		}

	}

}
