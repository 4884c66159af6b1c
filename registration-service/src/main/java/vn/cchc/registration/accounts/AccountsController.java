package vn.cchc.registration.accounts;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.cchc.platform.web.Caller;
import vn.cchc.platform.web.Roles;
import vn.cchc.platform.web.Problems;
import vn.cchc.registration.accounts.AccountRequests.AccountState;
import vn.cchc.registration.accounts.AccountRequests.AccountsResponse;
import vn.cchc.registration.accounts.ProvisioningAccounts.AccountsIncompleteException;

/** Staff accounts in Keycloak, for organisers and administrators. */
@RestController
@RequestMapping("/api/registration/accounts")
class AccountsController {

	private final ProvisioningAccounts accounts;

	AccountsController(ProvisioningAccounts accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/unit-managers")
	AccountsResponse createUnitManagers(@Roles({ "organizer", "admin" }) Caller caller, @RequestBody AccountRequests.UnitManagersRequest request) {
		return new AccountsResponse(this.accounts.createUnitManagers(caller, request));
	}

	@PostMapping("/staff")
	AccountsResponse createStaff(@Roles({ "organizer", "admin" }) Caller caller, @RequestBody AccountRequests.StaffRequest request) {
		return new AccountsResponse(this.accounts.createStaff(caller, request));
	}

	@PostMapping("/{username}/disable")
	AccountState disable(Caller caller, @PathVariable String username) {
		return this.accounts.setEnabled(caller, username, false);
	}

	@PostMapping("/{username}/enable")
	AccountState enable(Caller caller, @PathVariable String username) {
		return this.accounts.setEnabled(caller, username, true);
	}

	/** A batch stopped part-way: say which accounts were handled (with their one-time passwords). */
	@ExceptionHandler(AccountsIncompleteException.class)
	ResponseEntity<ProblemDetail> incomplete(AccountsIncompleteException ex) {
		ProblemDetail problem = Problems.of(ex.status(), ex.code(), Problems.title(ex.status().value()), ex.detail());
		problem.setProperty("accounts", ex.accounts());
		return ResponseEntity.status(ex.status()).body(problem);
	}

}
