package vn.cchc.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules themselves; the adapters in platform and gateway are tested against Spring's regexes. */
class HttpSyntaxTest {

	@Test
	void bearerTokensAreTakenOutOrRefused() {
		assertThat(HttpSyntax.bearerToken(null)).isNull();
		assertThat(HttpSyntax.bearerToken("Basic dXNlcjpwYXNz")).isNull();
		assertThat(HttpSyntax.bearerToken("Bearer abc.DEF-1_~+/==")).isEqualTo("abc.DEF-1_~+/==");
		assertThat(HttpSyntax.bearerToken("bearer x")).isEqualTo("x");
		assertThatThrownBy(() -> HttpSyntax.bearerToken("Bearer ")).isInstanceOf(HttpSyntax.MalformedBearerToken.class);
		assertThatThrownBy(() -> HttpSyntax.bearerToken("Bearer ==")).isInstanceOf(HttpSyntax.MalformedBearerToken.class);
		assertThatThrownBy(() -> HttpSyntax.bearerToken("Bearer a b")).isInstanceOf(HttpSyntax.MalformedBearerToken.class);
		assertThatThrownBy(() -> HttpSyntax.bearerToken("Bearerx")).isInstanceOf(HttpSyntax.MalformedBearerToken.class);
	}

	@Test
	void headerCharactersFollowTheFirewallRules() {
		assertThat(HttpSyntax.headerAllowed(null, false)).isTrue();
		assertThat(HttpSyntax.headerAllowed("Hội thi CCHC 😀", false)).isTrue();
		assertThat(HttpSyntax.headerAllowed("a\tb", false)).isFalse();
		assertThat(HttpSyntax.headerAllowed("a\tb", true)).isTrue();
		assertThat(HttpSyntax.headerAllowed("a\u0000b", true)).isFalse();
		assertThat(HttpSyntax.headerAllowed("a\u0378b", true)).as("unassigned").isFalse();
	}

}
