package vn.cchc.platform.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import vn.cchc.http.HttpSyntax;

/**
 * Spring Security's per-request regular expressions as character loops: the firewall's header rules
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for names, the same plus tab for values) and the
 * bearer-token syntax of {@code DefaultBearerTokenResolver} (RFC 6750 {@code b64token}). Both ran
 * over the 1–2 KB {@code Authorization} value of every request: together ~14 % of a quiz-service's
 * CPU under load (JFR). Same characters allowed and refused (tested against Spring's own). The rules
 * live in {@link HttpSyntax}, shared with the reactive gateway; this class adapts them to the
 * servlet firewall and resolver.
 */
final class RequestCharacters {

	private RequestCharacters() {
	}

	/** The default strict firewall with the header rules below. */
	static StrictHttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(value -> HttpSyntax.headerAllowed(value, false));
		firewall.setAllowedHeaderValues(value -> HttpSyntax.headerAllowed(value, true));
		return firewall;
	}

	/** Reads {@code Authorization: Bearer <token>} only (tokens in the query string stay unsupported). */
	static BearerTokenResolver bearerTokens() {
		return request -> token(request.getHeader("Authorization"));
	}

	/** The token, or null when the header is absent or not a bearer one; throws when malformed (401). */
	static @Nullable String token(@Nullable String authorization) {
		try {
			return HttpSyntax.bearerToken(authorization);
		}
		catch (HttpSyntax.MalformedBearerToken ex) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken(ex.getMessage()));
		}
	}

}
