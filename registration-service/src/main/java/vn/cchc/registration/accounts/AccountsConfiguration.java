package vn.cchc.registration.accounts;

import java.util.Optional;

import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the directory: Keycloak's Admin API when {@code cchc.keycloak.admin.*} is set, otherwise
 * one that answers every call with 503 {@code accounts.unavailable}, so the service (and its
 * tests) start without Keycloak admin settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakAdminProperties.class)
class AccountsConfiguration {

	@Bean
	AccountDirectory accountDirectory(KeycloakAdminProperties properties) {
		if (properties.configured()) {
			return new KeycloakAccountDirectory(properties);
		}
		LoggerFactory.getLogger(AccountsConfiguration.class)
			.info("cchc.keycloak.admin.* not set: the accounts endpoints answer 503 accounts.unavailable");
		return new UnconfiguredDirectory();
	}

	static final class UnconfiguredDirectory implements AccountDirectory {

		private static DirectoryUnavailableException unavailable() {
			return new DirectoryUnavailableException("cchc.keycloak.admin.* not configured", null);
		}

		@Override
		public Optional<DirectoryAccount> find(String username) {
			throw unavailable();
		}

		@Override
		public DirectoryAccount create(NewAccount account, String temporaryPassword) {
			throw unavailable();
		}

		@Override
		public void grantRealmRole(String accountId, String role) {
			throw unavailable();
		}

		@Override
		public void setEnabled(String accountId, boolean enabled) {
			throw unavailable();
		}

	}

}
