package vn.cchc.e2e;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import vn.cchc.local.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organiser takes a contest's results from provisional to published on the results page:
 * finalise, draft the award decision, approve, publish; the public standings then show the
 * official prize and the certificate is a PDF anyone can download.
 */
@ExtendWith({ LocalStackExtension.class, BrowserExtension.class })
class AwardsResultsBrowserTest {

	@Test
	void theOrganiserPublishesTheAwardDecisionFromTheResultsPage(LocalStack stack, Browser browser) {
		QuizFlow flow = new QuizFlow(stack);
		String organizer = flow.token("organizer");
		ObjectNode body = QuizFlow.contestBody("Hội thi thử trang kết quả", 5);
		body.putArray("prizes")
			.addObject()
			.put("name", "Giải Nhất")
			.put("count", 1)
			.put("amountVnd", 600_000)
			.put("scope", "individual")
			.put("ranking", "score")
			.put("rankedBy", "điểm cao nhất, thời gian nhanh nhất")
			.put("side", false)
			.put("perBlock", false)
			.put("awardForm", "Giấy khen")
			.put("issuer", "Chủ tịch UBND phường Bồng Sơn");
		Api.Answer created = flow.api().post("/api/registration/contests", organizer, body);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		String contestId = created.json().path("id").asString();
		QuizFlow.Contest contest = new QuizFlow.Contest(contestId,
				created.json().path("rounds").get(0).path("roundId").asString());
		assertThat(flow.api().post("/api/registration/contests/" + contestId + "/publish", organizer, "{}").status())
			.isEqualTo(200);
		String citizen = flow.token("citizen");
		flow.enrol(citizen, contest, "Nguyễn Thị Ánh Tuyết", "BS-KP1");
		JsonNode attempt = flow.startAttempt(citizen, contest);
		flow.answerAll(citizen, attempt);
		flow.submit(citizen, attempt);
		flow.awaitStandingRows(contest, attempt.path("attemptId").asString(), Duration.ofSeconds(30));
		try {
			browser.login(stack, "organizer");
			browser.driver.get(stack.gatewayUrl() + "/#/ket-qua?cuoc-thi=" + contestId);
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("provisional-awards"),
					"Nguyễn Thị Ánh Tuyết"));
			browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("finalise"))).click();
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results-status"), "Đã chốt"));

			WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-form")));
			form.findElement(By.name("number")).sendKeys("125/QĐ-UBND");
			((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = '2024-08-05'",
					form.findElement(By.name("date")));
			form.findElement(By.name("issuer")).sendKeys("Ủy ban nhân dân phường Bồng Sơn");
			form.findElement(By.name("signer")).sendKeys("Nguyễn Văn Hùng");
			form.findElement(By.name("place")).sendKeys("Bồng Sơn");
			form.findElement(By.cssSelector("button[type=submit]")).click();
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results-status"), "dự thảo"));
			browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("approve"))).click();
			browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("publish"))).click();
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results-status"), "Đã công bố"));
			assertThat(browser.driver.findElement(By.cssSelector("ul.documents")).getText())
				.contains("Giấy khen: Nguyễn Thị Ánh Tuyết — Giải Nhất");

			Api.Answer official = flow.api().get("/api/awards/contests/" + contestId + "/results", null);
			assertThat(official.status()).isEqualTo(200);
			assertThat(official.json().path("decision").path("number").asString()).isEqualTo("125/QĐ-UBND");
			Api.Answer certificate = flow.api().get("/api/awards/contests/" + contestId + "/results/certificates/1", null);
			assertThat(certificate.status()).isEqualTo(200);
			assertThat(certificate.contentType()).startsWith("application/pdf");

			browser.driver.get(stack.gatewayUrl() + "/#/bang-xep-hang?cuoc-thi=" + contestId);
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("official-awards"),
					"Nguyễn Thị Ánh Tuyết"));
		}
		catch (RuntimeException | AssertionError ex) {
			browser.screenshot(stack, "awards-results-failure");
			throw ex;
		}
	}

}
