package vn.cchc.registration.accounts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;
import vn.cchc.registration.accounts.AccountRequests.AccountResult;
import vn.cchc.registration.accounts.AccountRequests.StaffInput;
import vn.cchc.registration.accounts.AccountRequests.StaffRequest;
import vn.cchc.registration.accounts.AccountRequests.UnitInput;
import vn.cchc.registration.accounts.AccountRequests.UnitManagersRequest;
import vn.cchc.registration.accounts.ProvisioningAccounts.AccountsIncompleteException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use case against an in-memory directory that can be told to fail, as Keycloak may. */
class ProvisioningAccountsTest {

	static final Caller ORGANIZER = new Caller("org-1", "organizer", "Ban tổ chức", Set.of("organizer"));

	static final UnitManagersRequest THREE_UNITS = new UnitManagersRequest(List.of(new UnitInput("BS-KP1", "Khu phố 1"),
			new UnitInput("BS-KP2", "Khu phố 2"), new UnitInput("BS-KP3", "Khu phố 3")));

	final FakeDirectory directory = new FakeDirectory();

	final ProvisioningAccounts accounts = new ProvisioningAccounts(this.directory);

	@Test
	void creating_the_same_batch_again_answers_existing_without_passwords() {
		List<AccountResult> first = this.accounts.createUnitManagers(ORGANIZER, THREE_UNITS);
		assertThat(first).extracting(AccountResult::status).containsOnly("created");
		assertThat(first).allSatisfy(r -> assertThat(r.temporaryPassword()).hasSize(16));
		assertThat(this.directory.passwords).hasSize(3);
		assertThat(this.directory.users.get("bs-kp1").realmRoles()).containsExactly("unit-manager");
		assertThat(this.directory.users.get("bs-kp1").attributes()).containsEntry("unitCode", "BS-KP1");

		List<AccountResult> second = this.accounts.createUnitManagers(ORGANIZER, THREE_UNITS);
		assertThat(second).extracting(AccountResult::status).containsOnly("existing");
		assertThat(second).extracting(AccountResult::temporaryPassword).containsOnlyNulls();
		assertThat(this.directory.passwords).hasSize(3);
	}

	@Test
	void a_failure_in_the_middle_reports_what_was_created_and_a_retry_completes_the_batch() {
		this.directory.failCreateOf = "bs-kp2";
		assertThatThrownBy(() -> this.accounts.createUnitManagers(ORGANIZER, THREE_UNITS))
			.isInstanceOfSatisfying(AccountsIncompleteException.class, ex -> {
				assertThat(ex.status().value()).isEqualTo(503);
				assertThat(ex.code()).isEqualTo("accounts.incomplete");
				assertThat(ex.accounts()).extracting(AccountResult::username).containsExactly("bs-kp1");
				assertThat(ex.accounts().getFirst().temporaryPassword()).isNotBlank();
			});

		this.directory.failCreateOf = null;
		assertThat(this.accounts.createUnitManagers(ORGANIZER, THREE_UNITS)).extracting(AccountResult::status)
			.containsExactly("existing", "created", "created");
	}

	@Test
	void an_account_created_before_its_role_grant_failed_keeps_its_password_and_gets_the_role_on_retry() {
		this.directory.failGrant = true;
		assertThatThrownBy(() -> this.accounts.createUnitManagers(ORGANIZER, THREE_UNITS))
			.isInstanceOfSatisfying(AccountsIncompleteException.class, ex -> assertThat(ex.accounts()).singleElement()
				.satisfies(r -> assertThat(r.temporaryPassword()).isNotBlank()));
		assertThat(this.directory.users.get("bs-kp1").realmRoles()).isEmpty();

		this.directory.failGrant = false;
		assertThat(this.accounts.createUnitManagers(ORGANIZER, THREE_UNITS)).extracting(AccountResult::status)
			.containsExactly("existing", "created", "created");
		assertThat(this.directory.users.get("bs-kp1").realmRoles()).containsExactly("unit-manager");
	}

	@Test
	void keycloak_down_before_anything_was_created_is_plainly_unavailable() {
		this.directory.down = true;
		assertThatThrownBy(() -> this.accounts.createUnitManagers(ORGANIZER, THREE_UNITS))
			.isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.code()).isEqualTo("accounts.unavailable"))
			.isNotInstanceOf(AccountsIncompleteException.class);
	}

	@Test
	void a_username_taken_by_someone_else_is_never_taken_over() {
		this.directory.users.put("bs-kp2", new AccountDirectory.DirectoryAccount("citizen-id", "bs-kp2", true,
				new HashSet<>(Set.of("citizen")), Map.of()));
		assertThatThrownBy(() -> this.accounts.createUnitManagers(ORGANIZER, THREE_UNITS))
			.isInstanceOfSatisfying(AccountsIncompleteException.class, ex -> {
				assertThat(ex.status().value()).isEqualTo(409);
				assertThat(ex.code()).isEqualTo("accounts.username-taken");
				assertThat(ex.accounts()).extracting(AccountResult::username).containsExactly("bs-kp1");
			});
		assertThat(this.directory.users.get("bs-kp2").realmRoles()).containsExactly("citizen");
	}

	@Test
	void staff_accounts_get_their_role_and_only_managed_accounts_can_be_disabled() {
		List<AccountResult> created = this.accounts.createStaff(ORGANIZER,
				new StaffRequest(List.of(new StaffInput("gk01", "Nguyễn Văn An", null, "judge"))));
		assertThat(created).singleElement().satisfies(r -> {
			assertThat(r.role()).isEqualTo("judge");
			assertThat(r.unitCode()).isNull();
		});
		assertThat(this.accounts.setEnabled(ORGANIZER, "GK01", false).enabled()).isFalse();
		assertThat(this.directory.users.get("gk01").enabled()).isFalse();
		assertThat(this.accounts.setEnabled(ORGANIZER, "gk01", true).enabled()).isTrue();

		this.directory.users.put("admin", new AccountDirectory.DirectoryAccount("admin-id", "admin", true,
				new HashSet<>(Set.of("admin")), Map.of()));
		assertThatThrownBy(() -> this.accounts.setEnabled(ORGANIZER, "admin", false))
			.isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.code()).isEqualTo("accounts.not-found"));
		assertThatThrownBy(() -> this.accounts.setEnabled(
				new Caller("u-1", "citizen", "Dân", Set.of("citizen")), "gk01", false))
			.isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.code()).isEqualTo("auth.forbidden"));
	}

	static final class FakeDirectory implements AccountDirectory {

		final Map<String, DirectoryAccount> users = new LinkedHashMap<>();

		final Map<String, String> passwords = new HashMap<>();

		String failCreateOf;

		boolean failGrant;

		boolean down;

		@Override
		public Optional<DirectoryAccount> find(String username) {
			failIfDown();
			return Optional.ofNullable(this.users.get(username));
		}

		@Override
		public DirectoryAccount create(NewAccount account, String temporaryPassword) {
			failIfDown();
			if (account.username().equals(this.failCreateOf)) {
				throw new DirectoryUnavailableException("HTTP 500", null);
			}
			if (this.users.containsKey(account.username())) {
				throw new UsernameTakenException(account.username());
			}
			Map<String, String> attributes = new HashMap<>();
			attributes.put(ProvisioningAccounts.MANAGED_ATTRIBUTE, account.role());
			if (account.unitCode() != null) {
				attributes.put(ProvisioningAccounts.UNIT_CODE_ATTRIBUTE, account.unitCode());
			}
			DirectoryAccount created = new DirectoryAccount("id-" + account.username(), account.username(), true,
					new HashSet<>(), Map.copyOf(attributes));
			this.users.put(account.username(), created);
			this.passwords.put(account.username(), temporaryPassword);
			return created;
		}

		@Override
		public void grantRealmRole(String accountId, String role) {
			failIfDown();
			if (this.failGrant) {
				throw new DirectoryUnavailableException("HTTP 403", null);
			}
			byId(accountId).realmRoles().add(role);
		}

		@Override
		public void setEnabled(String accountId, boolean enabled) {
			failIfDown();
			DirectoryAccount account = byId(accountId);
			this.users.put(account.username(), new DirectoryAccount(account.id(), account.username(), enabled,
					account.realmRoles(), account.attributes()));
		}

		private DirectoryAccount byId(String id) {
			return this.users.values().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
		}

		private void failIfDown() {
			if (this.down) {
				throw new DirectoryUnavailableException("connection refused", null);
			}
		}

	}

}
