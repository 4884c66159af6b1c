package vn.cchc.registration.accounts;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Keycloak Admin API is and the confidential client ({@code cchc-registration}, client
 * credentials, realm-management {@code manage-users}) it is called with. The secret comes from the
 * environment; without all four settings the accounts endpoints answer 503 and the service still
 * starts.
 */
@ConfigurationProperties("cchc.keycloak.admin")
record KeycloakAdminProperties(@Nullable String serverUrl, @Nullable String realm, @Nullable String clientId,
		@Nullable String clientSecret) {

	boolean configured() {
		return present(this.serverUrl) && present(this.realm) && present(this.clientId) && present(this.clientSecret);
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	@Override
	public String toString() {
		return "KeycloakAdminProperties[serverUrl=" + this.serverUrl + ", realm=" + this.realm + ", clientId="
				+ this.clientId + ", clientSecret=" + (present(this.clientSecret) ? "***" : "") + "]";
	}

}
