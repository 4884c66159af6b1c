package vn.cchc.e2e;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import vn.cchc.local.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen enrols from the contest page: the phone and citizen-ID fields are checked as they
 * type, a wrong value keeps the form from being sent, a right one enrols them.
 */
@ExtendWith({ LocalStackExtension.class, BrowserExtension.class })
class CitizenEnrolmentBrowserTest {

	@Test
	void aCitizenEnrolsWithInlineValidationOfPhoneAndCitizenId(LocalStack stack, Browser browser) {
		QuizFlow flow = new QuizFlow(stack);
		QuizFlow.Contest contest = flow.publishedQuizContest(flow.token("organizer"), "Hội thi thử giao diện đăng ký", 5);
		String citizen = flow.token("citizen2");
		try {
			browser.login(stack, "citizen2");
			browser.driver.get(stack.gatewayUrl() + "/#/thi-sinh");
			By card = By.cssSelector("article[data-contest-id='" + contest.id() + "']");
			WebElement form = browser.wait
				.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(card, By.cssSelector("form.enrol-form")))
				.getFirst();
			new Select(form.findElement(By.name("unitCode"))).selectByValue("BS-KP2");
			WebElement citizenId = form.findElement(By.name("citizenId"));
			citizenId.sendKeys("0791");
			WebElement error = form.findElement(By.id(citizenId.getAttribute("id") + "-error"));
			assertThat(error.getText()).isEqualTo("Số CCCD phải gồm đúng 12 chữ số.");
			assertThat(citizenId.getAttribute("aria-invalid")).isEqualTo("true");

			form.findElement(By.cssSelector("button[type=submit]")).click();
			assertThat(flow.api().get("/api/registration/contests/" + contest.id() + "/enrolments/me", citizen)
				.status()).as("nothing is sent while a field is wrong").isEqualTo(404);

			citizenId.clear();
			String id = "0792" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
			citizenId.sendKeys(id);
			assertThat(error.getText()).isEmpty();
			form.findElement(By.name("phone")).sendKeys("0912000111");
			form.findElement(By.cssSelector("button[type=submit]")).click();
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(card, "Đăng ký dự thi thành công."));

			var enrolment = flow.api().get("/api/registration/contests/" + contest.id() + "/enrolments/me", citizen);
			assertThat(enrolment.status()).isEqualTo(200);
			assertThat(enrolment.json().path("unitCode").asString()).isEqualTo("BS-KP2");
		}
		catch (RuntimeException | AssertionError ex) {
			browser.screenshot(stack, "citizen-enrolment-failure");
			throw ex;
		}
	}

}
