package vn.cchc.e2e;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.cchc.local.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in through the real Keycloak login page (authorization code + PKCE from the web
 * UI served by the gateway), sees their role's page, and signs out.
 */
@ExtendWith(LocalStackExtension.class)
class BrowserLoginTest {

	private Browser browser;

	private WebDriver driver;

	private WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.open();
		this.driver = this.browser.driver;
		this.wait = this.browser.wait;
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void organizerSignsInSeesTheOrganizerPageAndSignsOut(LocalStack stack) throws Exception {
		try {
			this.browser.login(stack, "organizer");
			WebElement userName = this.driver.findElement(By.id("user-name"));
			this.wait.until(driver -> !userName.getText().isBlank());
			assertThat(userName.getText()).contains("Hoa");

			this.driver.get(stack.gatewayUrl() + "/#/ban-to-chuc");
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-title"), "Ban tổ chức"));
			assertThat(this.driver.findElement(By.id("page-title")).getText()).contains("Ban tổ chức");

			this.wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
			this.wait.until(driver -> confirmKeycloakLogoutIfAsked()
					|| !driver.findElements(By.id("login")).isEmpty() && driver.findElement(By.id("login")).isDisplayed());
			assertThat(this.driver.findElement(By.id("login")).isDisplayed()).isTrue();
		}
		catch (RuntimeException | AssertionError ex) {
			this.browser.screenshot(stack, "browser-login-failure");
			throw ex;
		}
	}

	/** Keycloak asks "log out?" when the logout request carries no id_token_hint; answer yes. */
	private boolean confirmKeycloakLogoutIfAsked() {
		var confirm = this.driver.findElements(By.id("kc-logout"));
		if (!confirm.isEmpty() && confirm.getFirst().isDisplayed()) {
			confirm.getFirst().click();
		}
		return false;
	}

}
