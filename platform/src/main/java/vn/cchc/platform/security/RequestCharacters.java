package vn.cchc.platform.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's per-request regular expressions as character loops: the firewall's header rules
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for names, the same plus tab for values) and the
 * bearer-token syntax of {@code DefaultBearerTokenResolver} (RFC 6750 {@code b64token}). Both ran
 * over the 1–2 KB {@code Authorization} value of every request: together ~14 % of a quiz-service's
 * CPU under load (JFR). Same characters allowed and refused (tested against Spring's own). The
 * gateway carries the reactive twins ({@code HeaderCharacters}, {@code BearerTokenConverter}).
 */
final class RequestCharacters {

	private static final String PREFIX = "bearer";

	private RequestCharacters() {
	}

	/** The default strict firewall with the header rules below. */
	static StrictHttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(value -> allowed(value, false));
		firewall.setAllowedHeaderValues(value -> allowed(value, true));
		return firewall;
	}

	/** Reads {@code Authorization: Bearer <token>} only (tokens in the query string stay unsupported). */
	static BearerTokenResolver bearerTokens() {
		return request -> token(request.getHeader("Authorization"));
	}

	/** Assigned code points, no control characters (tab allowed in values). */
	static boolean allowed(@Nullable String value, boolean tab) {
		if (value == null) {
			return true;
		}
		int length = value.length();
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if ((c >= 0x20 && c < 0x7f) || (c == '\t' && tab)) {
				continue;
			}
			int codePoint = Character.codePointAt(value, i);
			if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.UNASSIGNED) {
				return false;
			}
			if (Character.isSupplementaryCodePoint(codePoint)) {
				i++;
			}
		}
		return true;
	}

	/** The token, or null when the header is absent or not a bearer one; throws when malformed. */
	static @Nullable String token(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return null;
		}
		int start = PREFIX.length() + 1;
		if (authorization.length() <= start || authorization.charAt(PREFIX.length()) != ' ') {
			throw malformed();
		}
		int end = authorization.length();
		while (end > start && authorization.charAt(end - 1) == '=') {
			end--;
		}
		if (end == start) {
			throw malformed();
		}
		for (int i = start; i < end; i++) {
			char c = authorization.charAt(i);
			boolean token68 = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
			if (!token68) {
				throw malformed();
			}
		}
		return authorization.substring(start);
	}

	private static OAuth2AuthenticationException malformed() {
		return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
	}

}
