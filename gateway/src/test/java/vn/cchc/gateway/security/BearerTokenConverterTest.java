package vn.cchc.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

/** The regex-free converter and firewall rules decide exactly as Spring Security's own. */
class BearerTokenConverterTest {

	static final List<String> HEADERS = List.of("Bearer abc.DEF-123_~+/xyz", "bearer abc", "BEARER abc==",
			"Bearer abc=", "Bearer a=b", "Bearer ", "Bearer", "Bearer  abc", "Bearer abc def", "Bearer abc\t",
			"Bearer ñ", "Bearerabc", "Basic dXNlcjpwYXNz", "Bearer ==", "Bearer " + "x".repeat(2000) + "==",
			"bearer-token", "Token abc");

	@Test
	void the_same_tokens_and_the_same_refusals_as_spring_security() {
		ServerBearerTokenAuthenticationConverter reference = new ServerBearerTokenAuthenticationConverter();
		BearerTokenConverter ours = new BearerTokenConverter();
		List<String> compared = new ArrayList<>();
		for (String header : HEADERS) {
			MockServerWebExchange exchange = MockServerWebExchange
				.from(MockServerHttpRequest.get("/api/quiz/x").header(HttpHeaders.AUTHORIZATION, header));
			assertThat(outcome(() -> ours.convert(exchange).block())).as(header)
				.isEqualTo(outcome(() -> reference.convert(exchange).block()));
			compared.add(header);
		}
		MockServerWebExchange none = MockServerWebExchange.from(MockServerHttpRequest.get("/api/quiz/x"));
		assertThat(ours.convert(none).blockOptional()).isEmpty();
		assertThat(compared).hasSize(HEADERS.size());
	}

	@Test
	void header_characters_follow_the_firewall_rules() {
		assertThat(HeaderCharacters.VALUES.test("Bearer abc")).isTrue();
		assertThat(HeaderCharacters.VALUES.test("a\tb")).isTrue();
		assertThat(HeaderCharacters.NAMES.test("a\tb")).isFalse();
		assertThat(HeaderCharacters.VALUES.test("Nguyễn Văn A 😀")).isTrue();
		assertThat(HeaderCharacters.VALUES.test("a\u0000b")).isFalse();
		assertThat(HeaderCharacters.VALUES.test("a\u007fb")).isFalse();
		assertThat(HeaderCharacters.VALUES.test("a\u0085b")).isFalse();
		assertThat(HeaderCharacters.VALUES.test("a\u0378b")).isFalse(); // unassigned
		assertThat(HeaderCharacters.VALUES.test("a\r\nb")).isFalse();
		for (String value : List.of("x", "a\tb", "Nguyễn", "a\u0000", "\u0378", "\u00a0", "é😀", "\ud800")) {
			assertThat(HeaderCharacters.VALUES.test(value)).as(value)
				.isEqualTo(value.matches("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*"));
			assertThat(HeaderCharacters.NAMES.test(value)).as(value)
				.isEqualTo(value.matches("[\\p{IsAssigned}&&[^\\p{IsControl}]]*"));
		}
	}

	private static String outcome(java.util.function.Supplier<Object> conversion) {
		try {
			Object result = conversion.get();
			return result == null ? "none" : "token:" + ((BearerTokenAuthenticationToken) result).getToken();
		}
		catch (OAuth2AuthenticationException ex) {
			return "error:" + ex.getError().getErrorCode() + ":" + ex.getError().getDescription();
		}
	}

}
