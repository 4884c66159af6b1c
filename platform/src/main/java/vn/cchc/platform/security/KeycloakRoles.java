package vn.cchc.platform.security;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;

/** Keycloak puts realm roles under {@code realm_access.roles}. */
public final class KeycloakRoles {

	private KeycloakRoles() {
	}

	public static Set<String> of(Jwt jwt) {
		if (jwt.getClaim("realm_access") instanceof Map<?, ?> realmAccess
				&& realmAccess.get("roles") instanceof Collection<?> roles) {
			return roles.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
		}
		return Set.of();
	}

}
