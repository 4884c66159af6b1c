package vn.cchc.platform.security;

import java.time.Clock;
import java.util.Collection;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.HttpFirewall;

/** The resource-server filter chain every service shares. */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration" })
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class ResourceServerConfiguration {

	@Bean
	SecurityFilterChain cchcResourceServer(HttpSecurity http, SecurityProperties properties, JsonMapper json,
			ObjectProvider<JwtDecoder> decoders) throws Exception {
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
		JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
		authentication.setJwtGrantedAuthoritiesConverter(realmRoles());
		// Stateless bearer-token APIs: no session, no saved request, no logout page, no servlet-API
		// request wrapper. Each of these filters runs on every request (~1 % of a quiz-service's
		// CPU apiece under load, JFR) and none has anything to do here.
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.disable())
			.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(c -> c.disable())
			.logout(l -> l.disable())
			.servletApi(a -> a.disable())
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
						"/actuator/prometheus", "/error")
					.permitAll();
				properties.publicGetPaths()
					.forEach(path -> requests.requestMatchers(HttpMethod.GET, path).permitAll());
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer(rs -> rs.bearerTokenResolver(RequestCharacters.bearerTokens()).jwt(jwt -> {
				jwt.jwtAuthenticationConverter(authentication);
				JwtDecoder decoder = decoders.getIfAvailable();
				if (decoder != null && properties.jwtCacheSize() > 0) {
					jwt.decoder(new CachingJwtDecoder(decoder, properties.jwtCacheSize(), Clock.systemUTC()));
				}
			})
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	/**
	 * No Spring Security observations. Requests are measured and traced as a whole
	 * (http.server.requests); observing each security filter cost ~15 % of a quiz-service's CPU,
	 * and with observations merely switched off by name the decorator still wrapped every filter of
	 * every request (~1 % more, JFR).
	 */
	@Bean
	static SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** Spring's strict firewall with its header rules as character loops (see {@link RequestCharacters}). */
	@Bean
	@ConditionalOnMissingBean(HttpFirewall.class)
	HttpFirewall cchcHttpFirewall() {
		return RequestCharacters.firewall();
	}

	/** Realm roles become {@code ROLE_<role>} authorities. */
	static Converter<Jwt, Collection<GrantedAuthority>> realmRoles() {
		return jwt -> KeycloakRoles.of(jwt)
			.stream()
			.map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
			.collect(Collectors.toUnmodifiableList());
	}

}
