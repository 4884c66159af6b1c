package vn.cchc.registration.accounts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import vn.cchc.platform.web.ApiException;

/**
 * The accounts API's requests and answers, and the rules a request must meet before anything is
 * written to Keycloak: a refused request creates no account.
 */
final class AccountRequests {

	/** More than this in one request is refused: a province has a few hundred units. */
	static final int MAX_PER_REQUEST = 500;

	static final String UNIT_MANAGER = "unit-manager";

	static final Set<String> STAFF_ROLES = Set.of("judge", "secretary");

	/** Lower case ASCII, digits, dot, dash, underscore; starts and ends with a letter or digit. */
	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,48}[a-z0-9]");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	private AccountRequests() {
	}

	record UnitInput(@Nullable String code, @Nullable String name) {
	}

	record UnitManagersRequest(@Nullable List<UnitInput> units) {
	}

	record StaffInput(@Nullable String username, @Nullable String fullName, @Nullable String email,
			@Nullable String role) {
	}

	record StaffRequest(@Nullable List<StaffInput> accounts) {
	}

	/** One account of a batch; the temporary password only when it was created by this request. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AccountResult(String username, String role, @Nullable String unitCode, String status,
			@Nullable String temporaryPassword) {

		static final String CREATED = "created";

		static final String EXISTING = "existing";

	}

	record AccountsResponse(List<AccountResult> accounts) {
	}

	record AccountState(String username, boolean enabled) {
	}

	/** The unit manager's username: the unit code in lower case ({@code BS-KP1} → {@code bs-kp1}). */
	static String unitManagerUsername(String unitCode) {
		return unitCode.trim().toLowerCase(Locale.ROOT);
	}

	static boolean validUsername(@Nullable String username) {
		return username != null && USERNAME.matcher(username).matches();
	}

	/** The accounts a unit-manager request asks for, or a 400 problem naming the first fault. */
	static List<AccountDirectory.NewAccount> unitManagers(@Nullable UnitManagersRequest request) {
		List<UnitInput> units = request == null ? null : request.units();
		requireSize(units == null ? 0 : units.size(), "units", "đơn vị");
		List<AccountDirectory.NewAccount> accounts = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < units.size(); i++) {
			UnitInput unit = units.get(i);
			String code = unit == null || unit.code() == null ? "" : unit.code().trim();
			// Unit codes as contests use them (BS-KP1, P.BONGSON_01): the username is the code in lower case.
			if (!validUsername(unitManagerUsername(code))) {
				throw ApiException.badRequest("accounts.unit-code-invalid", "Mã đơn vị thứ " + (i + 1) + " («" + code
						+ "») không hợp lệ: chỉ gồm 3–50 ký tự gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới; bắt đầu và kết thúc bằng chữ hoặc số.");
			}
			String name = unit.name() == null ? "" : unit.name().trim();
			if (name.isEmpty() || name.length() > 200) {
				throw ApiException.badRequest("accounts.unit-name-invalid",
						"Tên đơn vị «" + code + "» không được để trống và tối đa 200 ký tự.");
			}
			String username = unitManagerUsername(code);
			if (!seen.add(username)) {
				throw ApiException.badRequest("accounts.duplicate",
						"Đơn vị «" + code + "» xuất hiện nhiều lần trong danh sách.");
			}
			accounts.add(new AccountDirectory.NewAccount(username, "Quản lý", name, null, UNIT_MANAGER, code));
		}
		return List.copyOf(accounts);
	}

	/** The accounts a judge/secretary request asks for, or a 400 problem naming the first fault. */
	static List<AccountDirectory.NewAccount> staff(@Nullable StaffRequest request) {
		List<StaffInput> inputs = request == null ? null : request.accounts();
		requireSize(inputs == null ? 0 : inputs.size(), "accounts", "tài khoản");
		List<AccountDirectory.NewAccount> accounts = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < inputs.size(); i++) {
			StaffInput input = inputs.get(i);
			String username = input == null || input.username() == null ? "" : input.username().trim();
			if (!validUsername(username)) {
				throw ApiException.badRequest("accounts.username-invalid", "Tên đăng nhập thứ " + (i + 1) + " («"
						+ username
						+ "») không hợp lệ: 3–50 ký tự gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới; bắt đầu và kết thúc bằng chữ hoặc số.");
			}
			String role = input.role() == null ? "" : input.role().trim();
			if (!STAFF_ROLES.contains(role)) {
				throw ApiException.badRequest("accounts.role-unknown", "Vai trò «" + role + "» của tài khoản «"
						+ username + "» không hợp lệ: chỉ tạo được tài khoản giám khảo (judge) hoặc thư ký (secretary).");
			}
			String fullName = input.fullName() == null ? "" : input.fullName().trim().replaceAll("\\s+", " ");
			if (fullName.isEmpty() || fullName.length() > 200) {
				throw ApiException.badRequest("accounts.full-name-invalid",
						"Họ và tên của tài khoản «" + username + "» không được để trống và tối đa 200 ký tự.");
			}
			String email = input.email() == null || input.email().isBlank() ? null : input.email().trim();
			if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
				throw ApiException.badRequest("accounts.email-invalid",
						"Email «" + email + "» của tài khoản «" + username + "» không hợp lệ.");
			}
			if (!seen.add(username)) {
				throw ApiException.badRequest("accounts.duplicate",
						"Tên đăng nhập «" + username + "» xuất hiện nhiều lần trong danh sách.");
			}
			String[] names = splitVietnameseName(fullName);
			accounts.add(new AccountDirectory.NewAccount(username, names[0], names[1], email, role, null));
		}
		return List.copyOf(accounts);
	}

	/**
	 * Vietnamese names are family name, middle names, given name: "Nguyễn Văn An" → first name
	 * "An", last name "Nguyễn Văn" (Keycloak's {@code name} claim is then "An Nguyễn Văn" as for
	 * the demo accounts). A single word is both.
	 */
	static String[] splitVietnameseName(String fullName) {
		int space = fullName.lastIndexOf(' ');
		if (space < 0) {
			return new String[] { fullName, fullName };
		}
		return new String[] { fullName.substring(space + 1), fullName.substring(0, space) };
	}

	private static void requireSize(int size, String field, String noun) {
		if (size == 0) {
			throw ApiException.badRequest("accounts.empty",
					"Danh sách " + noun + " («" + field + "») trống: cần ít nhất một " + noun + ".");
		}
		if (size > MAX_PER_REQUEST) {
			throw ApiException.badRequest("accounts.too-many", "Mỗi lần chỉ tạo được tối đa " + MAX_PER_REQUEST + " "
					+ noun + " (đã gửi " + size + "). Vui lòng chia danh sách thành nhiều lần.");
		}
	}

}
