package vn.cchc.http;

import org.jspecify.annotations.Nullable;

/**
 * Request syntax rules that Spring Security checks with regular expressions on every request, as
 * character loops: the strict firewall's header rules ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}
 * for names, the same plus tab for values) and the bearer-token syntax (RFC 6750 {@code b64token}).
 * Both ran over the 1–2 KB {@code Authorization} value of every request: ~14 % of a quiz-service's
 * and ~9 % of the gateway's CPU under load (JFR). Framework-free, so the servlet services
 * ({@code platform}) and the reactive gateway share one copy; each adapts it to its own Spring
 * Security types, and each tests its adapter against Spring's own regexes.
 */
public final class HttpSyntax {

	private static final String PREFIX = "bearer";

	/** {@code b64token} characters (RFC 6750), by code: a table lookup per character of every request's token. */
	private static final boolean[] TOKEN68 = new boolean[128];

	static {
		for (char c = 0; c < 128; c++) {
			TOKEN68[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
		}
	}

	private HttpSyntax() {
	}

	/** A malformed {@code Authorization: Bearer …} header (the callers answer 401 invalid_token). */
	public static final class MalformedBearerToken extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		MalformedBearerToken() {
			super("Bearer token is malformed");
		}

	}

	/** Assigned code points, no control characters (tab allowed when {@code tab}); null is allowed. */
	public static boolean headerAllowed(@Nullable String value, boolean tab) {
		if (value == null) {
			return true;
		}
		int length = value.length();
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if ((c >= 0x20 && c < 0x7f) || (c == '\t' && tab)) {
				continue; // printable ASCII: assigned, not a control character
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

	/**
	 * The token of an {@code Authorization} value, or null when it is absent or not a bearer one.
	 * @throws MalformedBearerToken when it is a bearer value whose token is not a {@code b64token}
	 */
	public static @Nullable String bearerToken(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return null;
		}
		int start = PREFIX.length() + 1;
		if (authorization.length() <= start || authorization.charAt(PREFIX.length()) != ' ') {
			throw new MalformedBearerToken();
		}
		int end = authorization.length();
		while (end > start && authorization.charAt(end - 1) == '=') {
			end--;
		}
		if (end == start) {
			throw new MalformedBearerToken();
		}
		for (int i = start; i < end; i++) {
			if (!isToken68(authorization.charAt(i))) {
				throw new MalformedBearerToken();
			}
		}
		return authorization.substring(start);
	}

	private static boolean isToken68(char c) {
		return c < 128 && TOKEN68[c];
	}

}
