package vn.cchc.platform.security;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import vn.cchc.http.HttpSyntax;

import static org.assertj.core.api.Assertions.assertThat;

/** The regex-free resolver and firewall rules decide exactly as Spring Security's own. */
class RequestCharactersTest {

	static final List<String> HEADERS = List.of("Bearer abc.DEF-123_~+/xyz", "bearer abc", "BEARER abc==",
			"Bearer abc=", "Bearer a=b", "Bearer ", "Bearer", "Bearer  abc", "Bearer abc def", "Bearer abc\t",
			"Bearer ñ", "Bearerabc", "Basic dXNlcjpwYXNz", "Bearer ==", "Bearer " + "x".repeat(2000) + "==",
			"bearer-token", "Token abc");

	@Test
	void theSameTokensAndTheSameRefusalsAsSpringSecurity() {
		DefaultBearerTokenResolver reference = new DefaultBearerTokenResolver();
		var ours = RequestCharacters.bearerTokens();
		for (String header : HEADERS) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/quiz/x");
			request.addHeader("Authorization", header);
			assertThat(outcome(() -> ours.resolve(request))).as(header)
				.isEqualTo(outcome(() -> reference.resolve(request)));
		}
		assertThat(ours.resolve(new MockHttpServletRequest("GET", "/api/quiz/x"))).isNull();
	}

	@Test
	void headerCharactersFollowTheFirewallRules() {
		for (String value : List.of("x", "Bearer abc", "a\tb", "Nguyễn Văn A 😀", "a\u0000", "a\u007fb", "a\u0085b",
				"\u0378", "a\r\nb", "\u00a0", "é😀", "\ud800")) {
			assertThat(HttpSyntax.headerAllowed(value, true)).as(value)
				.isEqualTo(value.matches("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*"));
			assertThat(HttpSyntax.headerAllowed(value, false)).as(value)
				.isEqualTo(value.matches("[\\p{IsAssigned}&&[^\\p{IsControl}]]*"));
		}
	}

	private static String outcome(Supplier<String> resolution) {
		try {
			String token = resolution.get();
			return token == null ? "none" : "token:" + token;
		}
		catch (OAuth2AuthenticationException ex) {
			return "error:" + ex.getError().getErrorCode() + ":" + ex.getError().getDescription();
		}
	}

}
