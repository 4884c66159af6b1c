package vn.cchc.platform.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerArgumentResolverTest {

	static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("t").header("alg", "RS256").subject("u-1").issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60)).claims(c -> c.putAll(claims)).build();
	}

	@Test
	void readsTheCallerWithVietnameseNameOrderAndRealmRoles() {
		Caller caller = CallerArgumentResolver.fromJwt(jwt(Map.of("preferred_username", "hoa", "given_name", "Hoa",
				"family_name", "Võ Thị", "name", "Hoa Võ Thị", "realm_access", Map.of("roles", List.of("citizen", "judge")))));
		assertThat(caller.userId()).isEqualTo("u-1");
		assertThat(caller.name()).isEqualTo("Võ Thị Hoa");
		assertThat(caller.roles()).containsExactlyInAnyOrder("citizen", "judge");
		assertThat(caller.require("organizer", "judge")).isSameAs(caller);
		assertThatThrownBy(() -> caller.require("organizer")).isInstanceOfSatisfying(ApiException.class,
				ex -> assertThat(ex.code()).isEqualTo("auth.forbidden"));
	}

	@Test
	void fallsBackToNameThenUsername() {
		assertThat(CallerArgumentResolver.fromJwt(jwt(Map.of("preferred_username", "an", "name", "Nguyễn An"))).name())
			.isEqualTo("Nguyễn An");
		assertThat(CallerArgumentResolver.fromJwt(jwt(Map.of("preferred_username", "an"))).name()).isEqualTo("an");
	}

}
