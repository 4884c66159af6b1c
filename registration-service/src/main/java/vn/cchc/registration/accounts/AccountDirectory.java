package vn.cchc.registration.accounts;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The port to where accounts live (Keycloak's realm). Every method is safe to repeat. */
interface AccountDirectory {

	/** The account with exactly this username, with its realm roles and attributes. */
	Optional<DirectoryAccount> find(String username);

	/**
	 * Creates the account, enabled, with a temporary password and the password change required at
	 * first login, in one call (so it never exists without its password).
	 * @throws UsernameTakenException if the username exists (someone created it in between)
	 */
	DirectoryAccount create(NewAccount account, String temporaryPassword);

	/** Adds the realm role (no-op if the account has it). */
	void grantRealmRole(String accountId, String role);

	void setEnabled(String accountId, boolean enabled);

	/** An account as the directory holds it. */
	record DirectoryAccount(String id, String username, boolean enabled, Set<String> realmRoles,
			Map<String, String> attributes) {

		@Nullable String attribute(String name) {
			return this.attributes.get(name);
		}

	}

	/** What an account is created with; {@code unitCode} only for unit managers. */
	record NewAccount(String username, String firstName, String lastName, @Nullable String email, String role,
			@Nullable String unitCode) {
	}

	/** The username is already taken. */
	final class UsernameTakenException extends RuntimeException {

		UsernameTakenException(String username) {
			super("Username taken: " + username);
		}

	}

	/** The directory could not be reached or refused the call for a reason other than the request. */
	final class DirectoryUnavailableException extends RuntimeException {

		DirectoryUnavailableException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
