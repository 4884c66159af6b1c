package vn.cchc.e2e;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import vn.cchc.local.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Home Affairs dashboard moves while a citizen takes the quiz: enrolled, in progress, then
 * submitted, pushed through the gateway as Server-Sent Events, and the stream stays open through
 * a quiet spell longer than the gateway's response timeout (10 s).
 */
@ExtendWith({ LocalStackExtension.class, BrowserExtension.class })
class DashboardLiveBrowserTest {

	@Test
	void theDashboardMovesWhileACitizenTakesTheQuiz(LocalStack stack, Browser browser) throws Exception {
		QuizFlow flow = new QuizFlow(stack);
		QuizFlow.Contest contest = flow.publishedQuizContest(flow.token("organizer"), "Hội thi thử bảng theo dõi", 5);
		String citizen = flow.token("citizen2");
		List<String> events = new CopyOnWriteArrayList<>();
		HttpResponse<InputStream> stream = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create(stack.gatewayUrl() + "/api/awards/contests/" + contest.id() + "/dashboard/stream"))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		Thread.ofVirtual().start(() -> {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.startsWith("data:")) {
						events.add(line.substring(5));
					}
				}
			}
			catch (Exception ex) {
				// closed with the test
			}
		});
		try {
			browser.driver.get(stack.gatewayUrl() + "/#/theo-doi?cuoc-thi=" + contest.id());
			browser.wait.until(ExpectedConditions.textToBe(By.id("dashboard-submitted"), "0"));
			assertThat(browser.driver.findElement(By.id("dashboard-live")).getText()).startsWith("Cập nhật trực tiếp");

			flow.enrol(citizen, contest, "Võ Thị Hoa", "BS-KP2");
			browser.wait.until(ExpectedConditions.textToBe(By.id("dashboard-enrolled"), "1"));
			int seen = events.size();
			// A quiet spell longer than the gateway's response timeout: the heartbeats keep the stream open.
			await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(13)).until(() -> true);

			JsonNode attempt = flow.startAttempt(citizen, contest);
			browser.wait.until(ExpectedConditions.textToBe(By.id("dashboard-in-progress"), "1"));
			await().atMost(Duration.ofSeconds(10)).until(() -> events.size() > seen);

			flow.answerAll(citizen, attempt);
			flow.submit(citizen, attempt);
			long submitted = System.nanoTime();
			browser.wait.until(ExpectedConditions.textToBe(By.id("dashboard-submitted"), "1"));
			long millis = (System.nanoTime() - submitted) / 1_000_000;
			System.out.println("Dashboard showed the submission " + millis + " ms after the quiz answered");
			assertThat(millis).as("submission → dashboard through quiz outbox, Kafka, awards, gateway, browser")
				.isLessThan(5000);
			assertThat(browser.driver.findElement(By.id("dashboard-in-progress")).getText()).isEqualTo("0");
			assertThat(browser.driver
				.findElement(By.cssSelector("#dashboard-units tr[data-unit='BS-KP2'] td[data-field='submitted']"))
				.getText()).isEqualTo("1");
			assertThat(browser.driver.findElement(By.id("dashboard-all-correct")).getText())
				.as("no prediction question: nothing to hide").matches("\\d+");
			assertThat(events.getLast()).contains("\"submitted\":1");
		}
		catch (RuntimeException | AssertionError ex) {
			browser.screenshot(stack, "dashboard-live-failure");
			throw ex;
		}
	}

}
