package vn.cchc.registration.accounts;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import vn.cchc.platform.web.ApiException;
import vn.cchc.platform.web.Caller;
import vn.cchc.registration.accounts.AccountDirectory.DirectoryAccount;
import vn.cchc.registration.accounts.AccountDirectory.DirectoryUnavailableException;
import vn.cchc.registration.accounts.AccountDirectory.NewAccount;
import vn.cchc.registration.accounts.AccountDirectory.UsernameTakenException;
import vn.cchc.registration.accounts.AccountRequests.AccountResult;
import vn.cchc.registration.accounts.AccountRequests.AccountState;

/**
 * Creating staff accounts in bulk, and disabling and enabling them. Each account is created in one
 * directory call carrying its temporary password and required password change, then given its
 * realm role; an account that exists is answered as {@code existing} (its role repaired if a
 * previous run stopped before granting it), so sending the same batch again completes it.
 */
@Service
class ProvisioningAccounts {

	/** Marks accounts this service created, so it never takes over or disables anyone else's. */
	static final String MANAGED_ATTRIBUTE = "cchcAccount";

	static final String UNIT_CODE_ATTRIBUTE = "unitCode";

	private static final Logger log = LoggerFactory.getLogger(ProvisioningAccounts.class);

	/** No 0/O, 1/l/I: the password is read off a screen or paper once. */
	private static final char[] PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
		.toCharArray();

	private static final int PASSWORD_LENGTH = 16;

	private final AccountDirectory directory;

	private final SecureRandom random = new SecureRandom();

	ProvisioningAccounts(AccountDirectory directory) {
		this.directory = directory;
	}

	List<AccountResult> createUnitManagers(Caller caller, AccountRequests.UnitManagersRequest request) {
		caller.require("organizer", "admin");
		return createAll(caller, AccountRequests.unitManagers(request));
	}

	List<AccountResult> createStaff(Caller caller, AccountRequests.StaffRequest request) {
		caller.require("organizer", "admin");
		return createAll(caller, AccountRequests.staff(request));
	}

	AccountState setEnabled(Caller caller, String username, boolean enabled) {
		caller.require("organizer", "admin");
		String name = username.trim().toLowerCase(Locale.ROOT);
		if (!AccountRequests.validUsername(name)) {
			throw notFound(username);
		}
		DirectoryAccount account = call(() -> this.directory.find(name))
			.filter(a -> a.attribute(MANAGED_ATTRIBUTE) != null)
			.orElseThrow(() -> notFound(username));
		if (account.enabled() != enabled) {
			call(() -> {
				this.directory.setEnabled(account.id(), enabled);
				return null;
			});
			log.info("Account {} {} by {}", account.username(), enabled ? "enabled" : "disabled", caller.username());
		}
		return new AccountState(account.username(), enabled);
	}

	private List<AccountResult> createAll(Caller caller, List<NewAccount> accounts) {
		List<AccountResult> done = new ArrayList<>();
		for (NewAccount account : accounts) {
			try {
				done.add(createOne(account));
			}
			catch (CreatedWithoutRoleException ex) {
				// The account exists with its password: hand the password over now; a retry grants the role.
				done.add(ex.result);
				throw incomplete(caller, account, done, accounts.size(), ex.getCause());
			}
			catch (DirectoryUnavailableException ex) {
				if (done.isEmpty()) {
					log.warn("Account batch by {} stopped at its first account {}: {}", caller.username(),
							account.username(), ex.getMessage());
					throw unavailable();
				}
				throw incomplete(caller, account, done, accounts.size(), ex);
			}
			catch (UsernameTakenException ex) {
				throw new AccountsIncompleteException(HttpStatus.CONFLICT, "accounts.username-taken", "Tên đăng nhập «"
						+ account.username()
						+ "» đã được dùng cho một tài khoản khác (không do ban tổ chức tạo với vai trò này). Đã xử lý "
						+ done.size() + "/" + accounts.size()
						+ " tài khoản (xem danh sách kèm theo). Hãy đổi tên đăng nhập hoặc bỏ tài khoản này rồi gửi lại.",
						done);
			}
		}
		log.info("Account batch by {}: {} accounts, {} created", caller.username(), done.size(),
				done.stream().filter(r -> r.status().equals(AccountResult.CREATED)).count());
		return List.copyOf(done);
	}

	private static AccountsIncompleteException incomplete(Caller caller, NewAccount account, List<AccountResult> done,
			int total, Throwable cause) {
		log.warn("Account batch by {} stopped at {} after {} of {}: {}", caller.username(), account.username(),
				done.size(), total, cause.getMessage());
		return new AccountsIncompleteException(HttpStatus.SERVICE_UNAVAILABLE, "accounts.incomplete",
				"Hệ thống tài khoản (Keycloak) gặp lỗi khi xử lý tài khoản «" + account.username() + "»: đã xử lý "
						+ done.size() + "/" + total
						+ " tài khoản (xem danh sách kèm theo; hãy lưu lại mật khẩu tạm của các tài khoản vừa tạo). Gửi lại đúng yêu cầu này để hoàn tất; các tài khoản đã có sẽ không bị tạo lại.",
				done);
	}

	private AccountResult createOne(NewAccount account) {
		Optional<DirectoryAccount> existing = this.directory.find(account.username());
		if (existing.isPresent()) {
			return existing(existing.get(), account);
		}
		String password = temporaryPassword();
		DirectoryAccount created;
		try {
			created = this.directory.create(account, password);
		}
		catch (UsernameTakenException ex) {
			// Created concurrently (a double click, a retry racing the first request): answer as existing.
			return existing(this.directory.find(account.username()).orElseThrow(() -> ex), account);
		}
		AccountResult result = new AccountResult(account.username(), account.role(), account.unitCode(),
				AccountResult.CREATED, password);
		try {
			this.directory.grantRealmRole(created.id(), account.role());
		}
		catch (DirectoryUnavailableException ex) {
			throw new CreatedWithoutRoleException(result, ex);
		}
		return result;
	}

	/** Created (with its one-time password) but the role grant failed. */
	private static final class CreatedWithoutRoleException extends RuntimeException {

		private final transient AccountResult result;

		CreatedWithoutRoleException(AccountResult result, DirectoryUnavailableException cause) {
			super(cause.getMessage(), cause);
			this.result = result;
		}

	}

	/** An account with this username exists: ours with this role (repair the role grant) or refused. */
	private AccountResult existing(DirectoryAccount found, NewAccount wanted) {
		boolean ours = wanted.role().equals(found.attribute(MANAGED_ATTRIBUTE))
				&& Objects.equals(wanted.unitCode(), found.attribute(UNIT_CODE_ATTRIBUTE));
		if (!ours) {
			throw new UsernameTakenException(wanted.username());
		}
		if (!found.realmRoles().contains(wanted.role())) {
			this.directory.grantRealmRole(found.id(), wanted.role());
		}
		return new AccountResult(found.username(), wanted.role(), wanted.unitCode(), AccountResult.EXISTING, null);
	}

	String temporaryPassword() {
		char[] chars = new char[PASSWORD_LENGTH];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = PASSWORD_ALPHABET[this.random.nextInt(PASSWORD_ALPHABET.length)];
		}
		return new String(chars);
	}

	private static <T> T call(Supplier<T> operation) {
		try {
			return operation.get();
		}
		catch (DirectoryUnavailableException ex) {
			log.warn("Keycloak Admin API unavailable: {}", ex.getMessage());
			throw unavailable();
		}
	}

	static ApiException unavailable() {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "accounts.unavailable",
				"Chức năng quản lý tài khoản tạm thời không sẵn sàng (chưa kết nối được hệ thống tài khoản Keycloak). Vui lòng thử lại sau hoặc liên hệ quản trị hệ thống.");
	}

	private static ApiException notFound(String username) {
		return ApiException.notFound("accounts.not-found",
				"Không tìm thấy tài khoản «" + username + "» trong các tài khoản do ban tổ chức tạo.");
	}

	/** A batch stopped part-way: the problem lists the accounts handled before it (passwords included, once). */
	static final class AccountsIncompleteException extends ApiException {

		private final transient List<AccountResult> accounts;

		AccountsIncompleteException(HttpStatus status, String code, String detail, List<AccountResult> accounts) {
			super(status, code, detail);
			this.accounts = List.copyOf(accounts);
		}

		List<AccountResult> accounts() {
			return this.accounts;
		}

	}

}
