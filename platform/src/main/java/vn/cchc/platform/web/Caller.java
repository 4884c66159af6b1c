package vn.cchc.platform.web;

import java.util.Set;

/**
 * The authenticated person behind a request, read from the Keycloak JWT: {@code userId} is the
 * token's {@code sub}; {@code roles} are the realm roles; {@code unitCode} is the unit a unit
 * manager account belongs to (claim {@code unit_code}, null for others). Controllers take it as a
 * parameter.
 */
public record Caller(String userId, String username, String name, Set<String> roles, String unitCode) {

	public Caller(String userId, String username, String name, Set<String> roles) {
		this(userId, username, name, roles, null);
	}

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
