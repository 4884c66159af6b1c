package vn.cchc.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.cchc.local.LocalStack;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Headless Chromium (the apt package) driven through the real Keycloak login page. */
final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	final WebDriver driver;

	final WebDriverWait wait;

	private Browser(WebDriver driver) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
	}

	/** Opens a browser, or skips the test where Chromium is not installed. */
	static Browser open() {
		assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,900", "--lang=vi-VN");
		ChromeDriverService.Builder service = new ChromeDriverService.Builder();
		if (Files.isExecutable(CHROMEDRIVER)) {
			service.usingDriverExecutable(CHROMEDRIVER.toFile());
		}
		return new Browser(new ChromeDriver(service.build(), options));
	}

	/** Signs in from the UI's login button through Keycloak's own page; back on the UI afterwards. */
	void login(LocalStack stack, String username) {
		this.driver.get(stack.gatewayUrl() + "/");
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("login"))).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(QuizFlow.PASSWORD);
		this.driver.findElement(By.id("kc-login")).click();
		this.wait.until(ExpectedConditions.urlContains(stack.gatewayUrl()));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
	}

	/** Saves a screenshot and the page source next to the stack's logs, for a failed test. */
	void screenshot(LocalStack stack, String name) {
		try {
			Path target = stack.dataDir().resolve("logs/" + name + ".png");
			Files.write(target, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			Files.writeString(stack.dataDir().resolve("logs/" + name + ".html"), this.driver.getPageSource());
			System.out.println("Browser state at failure: " + target + " (url " + this.driver.getCurrentUrl() + ")");
		}
		catch (Exception ex) {
			System.out.println("No screenshot: " + ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
