package vn.cchc.platform.web;

import java.util.Set;

/**
 * The authenticated person behind a request, read from the Keycloak JWT: {@code userId} is the
 * token's {@code sub}; {@code roles} are the realm roles. Controllers take it as a parameter.
 */
public record Caller(String userId, String username, String name, Set<String> roles) {

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	/** Throws a 403 problem unless the caller holds one of the roles. */
	public Caller require(String... anyOf) {
		for (String role : anyOf) {
			if (hasRole(role)) {
				return this;
			}
		}
		throw ApiException.forbidden("auth.forbidden", "Tài khoản của bạn không có quyền thực hiện thao tác này.");
	}

}
