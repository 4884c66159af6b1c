package vn.cchc.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import vn.cchc.gateway.GatewayProperties;
import vn.cchc.gateway.problem.GatewayProblems;

/**
 * The gateway checks tokens but not roles: a request without a token passes (the service decides
 * whether its endpoint is public), a request with a bad token stops here with 401, and role
 * checks stay in the service that owns the data. The token travels on unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

	@Bean
	SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
			GatewayProperties properties, GatewayProblems problems) {
		ProblemAuthenticationEntryPoint unauthorized = new ProblemAuthenticationEntryPoint(problems);
		ReactiveJwtDecoder checked = keySetFailuresAsJwtExceptions(jwtDecoder);
		ReactiveJwtDecoder decoder = properties.jwtCacheSize() > 0
				? new CachingJwtDecoder(checked, properties.jwtCacheSize(), Clock.systemUTC()) : checked;
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.anonymous(ServerHttpSecurity.AnonymousSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.cors(cors -> cors.configurationSource(corsConfigurationSource(properties)))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties)))
				.frameOptions(frame -> frame.mode(Mode.DENY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				// Sent on plain HTTP too: browsers ignore it there, and behind TLS it is what we want.
				.hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
				.writer(new StaticServerHttpHeadersWriter.Builder()
					.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
					.build())
				// Services set their own Cache-Control; static assets revalidate (spring.web.resources.cache).
				.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
			.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
			.oauth2ResourceServer(resourceServer -> resourceServer.authenticationEntryPoint(unauthorized)
				.bearerTokenConverter(new BearerTokenConverter())
				.jwt(jwt -> jwt.jwtDecoder(decoder)
					// Roles are the services' business: skip building authorities on every request.
					.jwtAuthenticationConverter(token -> Mono.just(new JwtAuthenticationToken(token, List.of())))))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized))
			.build();
	}

	/**
	 * No Spring Security observations. Requests are measured and traced as a whole
	 * (http.server.requests, spring.cloud.gateway.requests, http.client.requests); observing each
	 * security filter cost ~4 % of the gateway's CPU, and with observations merely switched off by
	 * name the decorator still wrapped every filter of every request (~1 % more, JFR).
	 */
	@Bean
	static SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** Spring Security's request firewall with the same header rules, checked without regular expressions. */
	@Bean
	StrictServerWebExchangeFirewall requestFirewall() {
		return HeaderCharacters.firewall();
	}

	/**
	 * Nimbus reports an unreachable key set as a bare {@link IllegalStateException}, which Spring
	 * Security would let through as a 500. As a {@link JwtException} it becomes an authentication
	 * <em>service</em> failure, which {@code GatewayErrorHandler} answers with 503
	 * {@code auth.unavailable}: the user's token may be fine, we just cannot tell right now.
	 */
	static ReactiveJwtDecoder keySetFailuresAsJwtExceptions(ReactiveJwtDecoder decoder) {
		return token -> decoder.decode(token)
			.onErrorMap(ex -> !(ex instanceof JwtException),
					ex -> new JwtException("Token could not be verified: " + ex.getMessage(), ex));
	}

	static String contentSecurityPolicy(GatewayProperties properties) {
		String keycloak = properties.keycloakBaseUrl();
		return String.join("; ", "default-src 'self'", "script-src 'self'", "style-src 'self'",
				"img-src 'self' data:", "font-src 'self'", "connect-src 'self' " + keycloak, "form-action 'self' " + keycloak,
				"frame-ancestors 'none'", "base-uri 'self'", "object-src 'none'");
	}

	/** Only the UI's origin may call the API cross-origin; the browser sends tokens, never cookies. */
	static CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
		CorsConfiguration api = new CorsConfiguration();
		api.setAllowedOrigins(List.of(properties.uiOriginValue()));
		api.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(), HttpMethod.POST.name(),
				HttpMethod.PUT.name(), HttpMethod.PATCH.name(), HttpMethod.DELETE.name(), HttpMethod.OPTIONS.name()));
		api.setAllowedHeaders(List.of(CorsConfiguration.ALL));
		api.setExposedHeaders(List.of("Location", "Retry-After", "ETag", "Content-Disposition", "Upload-Offset",
				"Upload-Length", "Upload-Expires", "Tus-Resumable", "Tus-Version", "Tus-Extension", "Tus-Max-Size"));
		api.setAllowCredentials(false);
		api.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", api);
		return source;
	}

}
