package vn.cchc.registration.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.cchc.platform.web.ApiException;
import vn.cchc.registration.accounts.AccountDirectory.DirectoryUnavailableException;
import vn.cchc.registration.accounts.AccountDirectory.NewAccount;
import vn.cchc.registration.accounts.AccountRequests.StaffInput;
import vn.cchc.registration.accounts.AccountRequests.StaffRequest;
import vn.cchc.registration.accounts.AccountRequests.UnitInput;
import vn.cchc.registration.accounts.AccountRequests.UnitManagersRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountRequestsTest {

	@Test
	void a_unit_managers_username_is_the_unit_code_in_lower_case() {
		List<NewAccount> accounts = AccountRequests.unitManagers(new UnitManagersRequest(
				List.of(new UnitInput("BS-KP1", "Khu phố 1"), new UnitInput(" P.BongSon_02 ", "Phường Bồng Sơn"))));

		assertThat(accounts).extracting(NewAccount::username).containsExactly("bs-kp1", "p.bongson_02");
		assertThat(accounts.getFirst()).isEqualTo(
				new NewAccount("bs-kp1", "Quản lý", "Khu phố 1", null, "unit-manager", "BS-KP1"));
	}

	@Test
	void unit_codes_that_cannot_be_usernames_are_refused() {
		for (String code : List.of("", "BS KP1", "Khu-phố-1", "-BS", "A", "BS/KP1", "x".repeat(51))) {
			assertRefused(() -> AccountRequests.unitManagers(new UnitManagersRequest(List.of(new UnitInput(code, "Khu phố")))),
					400, "accounts.unit-code-invalid");
		}
		assertRefused(() -> AccountRequests.unitManagers(new UnitManagersRequest(List.of(new UnitInput("BS-KP1", " ")))),
				400, "accounts.unit-name-invalid");
	}

	@Test
	void a_unit_listed_twice_is_refused_even_in_another_case() {
		assertRefused(() -> AccountRequests.unitManagers(new UnitManagersRequest(
				List.of(new UnitInput("BS-KP1", "Khu phố 1"), new UnitInput("bs-kp1", "Khu phố 1")))), 400,
				"accounts.duplicate");
	}

	@Test
	void empty_and_oversized_batches_are_refused() {
		assertRefused(() -> AccountRequests.unitManagers(new UnitManagersRequest(List.of())), 400, "accounts.empty");
		assertRefused(() -> AccountRequests.unitManagers(new UnitManagersRequest(null)), 400, "accounts.empty");
		assertRefused(() -> AccountRequests.unitManagers(null), 400, "accounts.empty");
		assertRefused(() -> AccountRequests.staff(new StaffRequest(List.of())), 400, "accounts.empty");
		List<UnitInput> many = new ArrayList<>();
		for (int i = 0; i <= AccountRequests.MAX_PER_REQUEST; i++) {
			many.add(new UnitInput("KP-" + i, "Khu phố " + i));
		}
		assertRefused(() -> AccountRequests.unitManagers(new UnitManagersRequest(many)), 400, "accounts.too-many");
		assertThat(AccountRequests.unitManagers(new UnitManagersRequest(many.subList(0, AccountRequests.MAX_PER_REQUEST))))
			.hasSize(AccountRequests.MAX_PER_REQUEST);
	}

	@Test
	void staff_accounts_split_a_vietnamese_name_into_given_and_family_names() {
		List<NewAccount> accounts = AccountRequests.staff(new StaffRequest(
				List.of(new StaffInput("gk.nguyenvanan", "  Nguyễn   Văn An ", "an@example.org", "judge"),
						new StaffInput("thuky01", "Trần Thị Bình", null, "secretary"))));

		assertThat(accounts).containsExactly(
				new NewAccount("gk.nguyenvanan", "An", "Nguyễn Văn", "an@example.org", "judge", null),
				new NewAccount("thuky01", "Bình", "Trần Thị", null, "secretary", null));
	}

	@Test
	void bad_usernames_unknown_roles_and_bad_emails_are_refused() {
		for (String username : List.of("", "ab", "GiamKhao", "giám-khảo", "gk 1", "gk-", ".gk", "gk@1", "g".repeat(51))) {
			assertRefused(() -> AccountRequests.staff(new StaffRequest(List.of(new StaffInput(username, "An", null, "judge")))),
					400, "accounts.username-invalid");
		}
		for (String role : List.of("organizer", "admin", "unit-manager", "citizen", "JUDGE", "")) {
			assertRefused(() -> AccountRequests.staff(new StaffRequest(List.of(new StaffInput("gk01", "An", null, role)))),
					400, "accounts.role-unknown");
		}
		assertRefused(() -> AccountRequests.staff(new StaffRequest(List.of(new StaffInput("gk01", "An", "an@", "judge")))),
				400, "accounts.email-invalid");
		assertRefused(() -> AccountRequests.staff(new StaffRequest(List.of(new StaffInput("gk01", " ", null, "judge")))),
				400, "accounts.full-name-invalid");
		assertRefused(() -> AccountRequests.staff(new StaffRequest(
				List.of(new StaffInput("gk01", "An", null, "judge"), new StaffInput("gk01", "Bình", null, "secretary")))),
				400, "accounts.duplicate");
	}

	@Test
	void temporary_passwords_are_long_random_and_unambiguous() {
		ProvisioningAccounts provisioning = new ProvisioningAccounts(new AccountsConfiguration.UnconfiguredDirectory());
		Set<String> passwords = new java.util.HashSet<>();
		for (int i = 0; i < 100; i++) {
			passwords.add(provisioning.temporaryPassword());
		}
		assertThat(passwords).hasSize(100).allMatch(p -> p.matches("[A-HJ-NP-Za-km-z2-9]{16}"));
	}

	@Test
	void the_admin_client_works_on_this_classpath_and_reports_an_unreachable_keycloak_as_unavailable() {
		KeycloakAccountDirectory directory = new KeycloakAccountDirectory(
				new KeycloakAdminProperties("http://127.0.0.1:9", "cchc", "cchc-registration", "secret"));
		try {
			assertThatThrownBy(() -> directory.find("bs-kp1")).isInstanceOf(DirectoryUnavailableException.class);
		}
		finally {
			directory.destroy();
		}
	}

	@Test
	void the_secret_never_appears_in_the_settings_text() {
		assertThat(new KeycloakAdminProperties("http://kc", "cchc", "cchc-registration", "s3cr3t").toString())
			.doesNotContain("s3cr3t");
	}

	private static void assertRefused(Runnable call, int status, String code) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, ex -> {
			assertThat(ex.status().value()).isEqualTo(status);
			assertThat(ex.code()).isEqualTo(code);
		});
	}

}
