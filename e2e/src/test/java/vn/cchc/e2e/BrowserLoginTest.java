package vn.cchc.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.cchc.local.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A person signs in through the real Keycloak login page (authorization code + PKCE from the web
 * UI served by the gateway), sees their role's page, and signs out.
 */
@ExtendWith(LocalStackExtension.class)
class BrowserLoginTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private WebDriver driver;

	private WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,900", "--lang=vi-VN");
		ChromeDriverService.Builder service = new ChromeDriverService.Builder();
		if (Files.isExecutable(CHROMEDRIVER)) {
			service.usingDriverExecutable(CHROMEDRIVER.toFile());
		}
		this.driver = new ChromeDriver(service.build(), options);
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(30));
	}

	@AfterEach
	void closeBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void organizerSignsInSeesTheOrganizerPageAndSignsOut(LocalStack stack) throws Exception {
		try {
			this.driver.get(stack.gatewayUrl() + "/");
			this.wait.until(ExpectedConditions.elementToBeClickable(By.id("login"))).click();

			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("organizer");
			this.driver.findElement(By.id("password")).sendKeys(QuizFlow.PASSWORD);
			this.driver.findElement(By.id("kc-login")).click();

			this.wait.until(ExpectedConditions.urlContains(stack.gatewayUrl()));
			WebElement userName = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
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
			screenshot(stack);
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

	private void screenshot(LocalStack stack) {
		try {
			Path target = stack.dataDir().resolve("logs/browser-login-failure.png");
			Files.write(target, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			Files.writeString(stack.dataDir().resolve("logs/browser-login-failure.html"), this.driver.getPageSource());
			System.out.println("Browser state at failure: " + target + " (url " + this.driver.getCurrentUrl() + ")");
		}
		catch (Exception ex) {
			System.out.println("No screenshot: " + ex);
		}
	}

}
