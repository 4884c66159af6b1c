package vn.cchc.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import vn.cchc.local.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An organiser sets up two real plans from the organiser page: template, units imported from the
 * real roster file of ../shared/data, dates the plan left open, publish; then the public rules page
 * and the other services show the contest.
 */
@ExtendWith({ LocalStackExtension.class, BrowserExtension.class })
class OrganizerContestSetupBrowserTest {

	static final Path DATA = Path.of(System.getProperty("cchc.e2e.project-dir", ".."))
		.toAbsolutePath()
		.normalize()
		.resolveSibling("shared")
		.resolve("data");

	static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
		.withZone(ZoneOffset.ofHours(7));

	/** Creates a draft from a template with the roster file; returns the draft's id. */
	static String createDraft(LocalStack stack, Browser browser, String template, String rosterFile) {
		browser.driver.get(stack.gatewayUrl() + "/#/ban-to-chuc");
		new Select(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("template"))))
			.selectByValue(template);
		browser.driver.findElement(By.id("units-file")).sendKeys(DATA.resolve(rosterFile).toString());
		browser.driver.findElement(By.cssSelector("#create-contest button[type=submit]")).click();
		WebElement editor = browser.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form#edit-contest[data-status=draft]")));
		return editor.getAttribute("data-contest-id");
	}

	static void setValue(Browser browser, String id, String value) {
		((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];",
				browser.driver.findElement(By.id(id)), value);
	}

	static String value(Browser browser, String id) {
		return browser.driver.findElement(By.id(id)).getAttribute("value");
	}

	static void publish(Browser browser) {
		browser.driver.findElement(By.id("publish-contest")).click();
		browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contest-editor"),
				"Đã công bố cuộc thi"));
	}

	@Test
	void bongSonIsSetUpFromItsTemplateWithTheWardsRoster(LocalStack stack, Browser browser) {
		QuizFlow flow = new QuizFlow(stack);
		try {
			browser.login(stack, "organizer");
			String id = createDraft(stack, browser, "bong-son-2024", "bong-son-2024-units.csv");
			assertThat(value(browser, "prize-0-amount")).isEqualTo("600000");
			assertThat(value(browser, "prize-3-count")).isEqualTo("3");
			assertThat(value(browser, "round-0-questions")).isEqualTo("20");
			Instant opens = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
			setValue(browser, "round-0-opens", LOCAL_INPUT.format(opens));
			setValue(browser, "round-0-closes", LOCAL_INPUT.format(opens.plus(20, ChronoUnit.DAYS)));
			publish(browser);

			JsonNode contest = flow.api().get("/api/registration/contests/" + id, null).json();
			assertThat(contest.path("status").asString()).isEqualTo("published");
			assertThat(contest.path("units")).hasSize(15);
			assertThat(contest.path("rounds").get(0).path("opensAt").asString()).isEqualTo(opens.toString());
			// The other services learnt it from the contest-published event.
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(flow.api().get("/api/submission/contests/" + id, flow.token("organizer")).status())
					.isEqualTo(200));

			browser.driver.get(stack.gatewayUrl() + "/#/cuoc-thi?id=" + id);
			WebElement prizes = browser.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.prizes")));
			assertThat(prizes.getText()).contains("600.000 ₫", "500.000 ₫", "400.000 ₫", "300.000 ₫", "700.000 ₫",
					"Giấy khen của Chủ tịch UBND phường Bồng Sơn");
			assertThat(browser.driver.findElement(By.cssSelector("article.contest-rules")).getText())
				.contains("Người dân", "15 đơn vị tham gia");
		}
		catch (RuntimeException | AssertionError ex) {
			browser.screenshot(stack, "organizer-bong-son-failure");
			throw ex;
		}
	}

	@Test
	void konRayNeedsItsStageDateThenPublishesTheTeamRulesAndTakesAnAdjustment(LocalStack stack, Browser browser) {
		QuizFlow flow = new QuizFlow(stack);
		try {
			browser.login(stack, "organizer");
			String id = createDraft(stack, browser, "kon-ray-2023", "kon-ray-2023-units.csv");
			assertThat(value(browser, "team-members")).isEqualTo("12");
			assertThat(value(browser, "team-invited")).isEqualTo("4");

			// The plan leaves the stage date to a later notice: publishing without it is refused.
			browser.driver.findElement(By.id("publish-contest")).click();
			WebElement refused = browser.wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector("#edit-contest .editor-result .alert-error")));
			assertThat(refused.getText()).contains("chưa có thời gian");
			assertThat(flow.api().get("/api/registration/contests/" + id, flow.token("organizer")).json()
				.path("status").asString()).isEqualTo("draft");

			Instant stage = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
			setValue(browser, "round-0-opens", LOCAL_INPUT.format(stage));
			setValue(browser, "round-0-closes", LOCAL_INPUT.format(stage.plus(6, ChronoUnit.HOURS)));
			publish(browser);
			WebElement rules = browser.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#contest-editor article.contest-rules")));
			assertThat(rules.getText()).contains("Giới thiệu về đội: tối đa 3 phút",
					"Trình diễn tiểu phẩm: tối đa 20 phút", "Trả lời câu hỏi: tối đa 3 phút (2 phút hội ý)",
					"tối đa 12 thành viên", "mời thêm tối đa 4 người");

			// An adjustment after publication: the first prize gets an amount; version 2 goes out.
			browser.wait.until(ExpectedConditions
				.elementToBeClickable(By.cssSelector("li[data-setup-id='" + id + "'] button.edit-contest"))).click();
			browser.wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector("form#edit-contest[data-status=published]")));
			WebElement amount = browser.driver.findElement(By.id("prize-0-amount"));
			amount.clear();
			amount.sendKeys("5000000");
			browser.driver.findElement(By.id("save-contest")).click();
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contest-editor"),
					"Đã lưu điều chỉnh (lần 1)"));
			JsonNode contest = flow.api().get("/api/registration/contests/" + id, null).json();
			assertThat(contest.path("version").asInt()).isEqualTo(2);
			assertThat(contest.path("prizes").get(0).path("amountVnd").asLong()).isEqualTo(5_000_000L);
			assertThat(contest.path("units")).hasSize(7);
		}
		catch (RuntimeException | AssertionError ex) {
			browser.screenshot(stack, "organizer-kon-ray-failure");
			throw ex;
		}
	}

}
