package vn.cchc.registration.accounts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import org.springframework.beans.factory.DisposableBean;

/**
 * The directory on Keycloak's Admin API through the official admin client, authenticated as the
 * {@code cchc-registration} service account (client credentials; the client fetches and renews
 * its token on first use, so the service starts while Keycloak is still starting).
 */
class KeycloakAccountDirectory implements AccountDirectory, DisposableBean {

	private final Keycloak keycloak;

	private final String realm;

	KeycloakAccountDirectory(KeycloakAdminProperties properties) {
		this.realm = properties.realm();
		this.keycloak = KeycloakBuilder.builder()
			.serverUrl(properties.serverUrl())
			.realm(properties.realm())
			.grantType(OAuth2Constants.CLIENT_CREDENTIALS)
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.build();
	}

	private RealmResource realm() {
		return this.keycloak.realm(this.realm);
	}

	@Override
	public Optional<DirectoryAccount> find(String username) {
		return guarded("find " + username, () -> {
			List<UserRepresentation> found = realm().users().searchByUsername(username, true);
			Optional<UserRepresentation> user = found.stream()
				.filter(u -> username.equalsIgnoreCase(u.getUsername()))
				.findFirst();
			if (user.isEmpty()) {
				return Optional.<DirectoryAccount>empty();
			}
			Set<String> roles = new HashSet<>();
			realm().users().get(user.get().getId()).roles().realmLevel().listAll().forEach(r -> roles.add(r.getName()));
			return Optional.of(toAccount(user.get(), roles));
		});
	}

	@Override
	public DirectoryAccount create(NewAccount account, String temporaryPassword) {
		CredentialRepresentation password = new CredentialRepresentation();
		password.setType(CredentialRepresentation.PASSWORD);
		password.setValue(temporaryPassword);
		password.setTemporary(true);
		UserRepresentation user = new UserRepresentation();
		user.setUsername(account.username());
		user.setEnabled(true);
		user.setFirstName(account.firstName());
		user.setLastName(account.lastName());
		if (account.email() != null) {
			user.setEmail(account.email());
		}
		Map<String, List<String>> attributes = new HashMap<>();
		attributes.put(ProvisioningAccounts.MANAGED_ATTRIBUTE, List.of(account.role()));
		if (account.unitCode() != null) {
			attributes.put(ProvisioningAccounts.UNIT_CODE_ATTRIBUTE, List.of(account.unitCode()));
		}
		attributes.put("locale", List.of("vi"));
		user.setAttributes(attributes);
		user.setCredentials(List.of(password));
		user.setRequiredActions(List.of("UPDATE_PASSWORD"));
		return guarded("create " + account.username(), () -> {
			try (Response response = realm().users().create(user)) {
				if (response.getStatus() == 409) {
					throw new UsernameTakenException(account.username());
				}
				if (response.getStatus() != 201) {
					throw new DirectoryUnavailableException("Keycloak refused to create " + account.username() + ": HTTP "
							+ response.getStatus() + " " + body(response), null);
				}
				String id = CreatedResponseUtil.getCreatedId(response);
				return new DirectoryAccount(id, account.username(), true, Set.of(), Map.of());
			}
		});
	}

	@Override
	public void grantRealmRole(String accountId, String role) {
		guarded("grant " + role, () -> {
			// The roles the service account may map and the user lacks; looking a role up by name
			// (GET /roles/{name}) would need view-realm, which the client deliberately does not have.
			RoleScopeResource mappings = realm().users().get(accountId).roles().realmLevel();
			List<RoleRepresentation> available = mappings.listAvailable()
				.stream()
				.filter(r -> role.equals(r.getName()))
				.toList();
			if (!available.isEmpty()) {
				mappings.add(available);
			}
			else if (mappings.listAll().stream().noneMatch(r -> role.equals(r.getName()))) {
				throw new DirectoryUnavailableException("Realm role " + role + " cannot be mapped by the service account",
						null);
			}
			return null;
		});
	}

	@Override
	public void setEnabled(String accountId, boolean enabled) {
		guarded("enable " + accountId, () -> {
			UserResource user = realm().users().get(accountId);
			UserRepresentation representation = user.toRepresentation();
			representation.setEnabled(enabled);
			user.update(representation);
			return null;
		});
	}

	@Override
	public void destroy() {
		this.keycloak.close();
	}

	/** Keycloak's error text (field and message; it never echoes a password), for the log. */
	private static String body(Response response) {
		try {
			String body = response.readEntity(String.class);
			return body == null ? "" : body.substring(0, Math.min(body.length(), 500));
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	private static DirectoryAccount toAccount(UserRepresentation user, Set<String> roles) {
		Map<String, String> attributes = new HashMap<>();
		if (user.getAttributes() != null) {
			user.getAttributes().forEach((name, values) -> {
				if (values != null && !values.isEmpty()) {
					attributes.put(name, values.getFirst());
				}
			});
		}
		return new DirectoryAccount(user.getId(), user.getUsername(), Boolean.TRUE.equals(user.isEnabled()),
				Set.copyOf(roles), Map.copyOf(attributes));
	}

	/** Connection failures, authentication failures and 5xx become "directory unavailable". */
	private static <T> T guarded(String what, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (UsernameTakenException | DirectoryUnavailableException ex) {
			throw ex;
		}
		catch (WebApplicationException ex) {
			throw new DirectoryUnavailableException(
					"Keycloak Admin API " + what + ": HTTP " + ex.getResponse().getStatus() + " " + body(ex.getResponse()),
					ex);
		}
		catch (ProcessingException | IllegalStateException ex) {
			throw new DirectoryUnavailableException("Keycloak Admin API " + what + ": " + ex.getMessage(), ex);
		}
	}

}
