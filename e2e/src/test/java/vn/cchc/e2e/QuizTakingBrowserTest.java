package vn.cchc.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import vn.cchc.local.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen takes a whole quiz on the phone-sized page: countdown from the server's time, progress,
 * a "saved" mark per answer, a dropped connection that the page rides out by retrying, a reload
 * in the middle that resumes the same attempt, then the submit and the result page.
 */
@ExtendWith({ LocalStackExtension.class, BrowserExtension.class })
class QuizTakingBrowserTest {

	static final int QUESTIONS = 5;

	@Test
	void aCitizenTakesAWholeQuizThroughADroppedConnectionAndAReloadAndSeesTheResult(LocalStack stack, Browser browser) {
		QuizFlow flow = new QuizFlow(stack);
		QuizFlow.Contest contest = flow.publishedQuizContest(flow.token("organizer"), "Hội thi thử giao diện làm bài",
				QUESTIONS);
		String citizen = flow.token("citizen");
		flow.enrol(citizen, contest, "Nguyễn Thị Thử", "BS-KP1");
		// Started through the API once the quiz-service knows the enrolment; the page's "start"
		// then resumes this same attempt, as a second device would.
		String attemptId = flow.startAttempt(citizen, contest).path("attemptId").asString();
		try {
			browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
			browser.login(stack, "citizen");
			browser.driver.get(stack.gatewayUrl() + "/#/thi-sinh");
			By start = By.cssSelector("li[data-round-id='" + contest.roundId() + "'] button.start-attempt");
			browser.wait.until(ExpectedConditions.elementToBeClickable(start)).click();
			browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quiz")));

			String timer = browser.driver.findElement(By.id("quiz-timer")).getText();
			assertThat(timer).as("countdown from the server's deadline").matches("1[45]:[0-5][0-9]");
			assertThat(progress(browser)).isEqualTo("Đã lưu 0/" + QUESTIONS + " câu trả lời");
			List<WebElement> questions = browser.driver.findElements(By.cssSelector("fieldset.question"));
			assertThat(questions).hasSize(QUESTIONS);
			assertThat(questions.get(0).findElement(By.tagName("legend")).getText()).startsWith("Câu 1/" + QUESTIONS);

			for (int i = 0; i < 3; i++) {
				choose(browser, i, i % 2);
			}
			browser.wait.until(d -> progress(browser).equals("Đã lưu 3/" + QUESTIONS + " câu trả lời"));

			// The connection drops while the fourth answer is chosen: the page says so and retries.
			ChromeDriver chrome = (ChromeDriver) browser.driver;
			ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
			offline.setOffline(true);
			chrome.setNetworkConditions(offline);
			clickOption(browser, 3, 1);
			browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quiz-connection")));
			assertThat(browser.driver.findElement(By.id("quiz-connection")).getText()).startsWith("Mất kết nối, đang thử lại…");
			assertThat(state(browser, 3)).isNotEqualTo("✓ Đã lưu");
			chrome.deleteNetworkConditions();
			browser.wait.withTimeout(Duration.ofSeconds(45)).until(d -> "✓ Đã lưu".equals(state(browser, 3)));
			browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("quiz-connection")));

			// A reload in the middle resumes the same attempt with the answers saved so far.
			browser.driver.navigate().refresh();
			browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quiz")));
			browser.wait.until(d -> progress(browser).equals("Đã lưu 4/" + QUESTIONS + " câu trả lời"));
			assertThat(state(browser, 0)).isEqualTo("✓ Đã lưu");
			assertThat(browser.driver.findElements(By.cssSelector("fieldset.question input:checked"))).hasSize(4);
			choose(browser, 4, 2);
			browser.wait.until(d -> progress(browser).equals("Đã lưu " + QUESTIONS + "/" + QUESTIONS + " câu trả lời"));

			JsonNode before = flow.api().get("/api/quiz/attempts/" + attemptId, citizen).json();
			assertThat(before.path("status").asString()).isEqualTo("active");
			assertThat(before.path("answers").size()).as("every answer marked saved is on the server").isEqualTo(QUESTIONS);
			for (WebElement checked : browser.driver.findElements(By.cssSelector("fieldset.question input:checked"))) {
				String questionId = checked.findElement(By.xpath("ancestor::fieldset")).getAttribute("data-question-id");
				assertThat(before.path("answers").path(questionId).asString()).isEqualTo(checked.getAttribute("value"));
			}

			browser.driver.findElement(By.id("submit-quiz")).click();
			WebElement score = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quiz-score")));
			JsonNode after = flow.api().get("/api/quiz/attempts/" + attemptId, citizen).json();
			assertThat(after.path("status").asString()).isEqualTo("submitted");
			assertThat(score.getText())
				.isEqualTo("Bạn trả lời đúng " + after.path("correctCount").asInt() + "/" + QUESTIONS + " câu.");
			assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("focus moves to the result")
				.isEqualTo("quiz-result-title");
		}
		catch (RuntimeException | AssertionError ex) {
			browser.screenshot(stack, "quiz-taking-failure");
			throw ex;
		}
	}

	/** Clicks an option of question {@code index} and waits for its "saved" mark; returns the question id. */
	private static String choose(Browser browser, int index, int option) {
		String questionId = clickOption(browser, index, option);
		browser.wait.until(d -> "✓ Đã lưu".equals(state(browser, index)));
		return questionId;
	}

	private static String clickOption(Browser browser, int index, int option) {
		WebElement question = browser.driver.findElements(By.cssSelector("fieldset.question")).get(index);
		question.findElements(By.cssSelector(".option label")).get(option).click();
		return question.getAttribute("data-question-id");
	}

	private static String state(Browser browser, int index) {
		return browser.driver.findElement(By.id("q" + index + "-state")).getText();
	}

	private static String progress(Browser browser) {
		return browser.driver.findElement(By.id("quiz-progress")).getText();
	}

}
