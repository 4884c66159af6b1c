package vn.cchc.e2e;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import vn.cchc.local.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo unit manager (Khu phố 1) registers the unit's team from the unit page. */
@ExtendWith({ LocalStackExtension.class, BrowserExtension.class })
class UnitTeamBrowserTest {

	@Test
	void theUnitManagerRegistersTheTeamWithAnInvitedGuest(LocalStack stack, Browser browser) {
		QuizFlow flow = new QuizFlow(stack);
		String organizer = flow.token("organizer");
		ObjectNode body = QuizFlow.contestBody("Hội thi đội thi khu phố", 5);
		((ObjectNode) body.get("rounds").get(0)).put("opensAt",
				Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
		String contestId = flow.api().post("/api/registration/contests", organizer, body).json().path("id").asString();
		assertThat(flow.api().post("/api/registration/contests/" + contestId + "/publish", organizer, "{}").status())
			.isEqualTo(200);
		try {
			browser.login(stack, "unit-manager");
			browser.driver.get(stack.gatewayUrl() + "/#/don-vi");
			By card = By.cssSelector("article[data-contest-id='" + contestId + "']");
			WebElement form = browser.wait
				.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(card, By.cssSelector("form.team-form")))
				.getFirst();
			form.findElement(By.name("captain")).sendKeys("Lê Văn Cường");
			form.findElement(By.name("members"))
				.sendKeys("Lê Văn Cường\nNguyễn Thị Mai\nTrần Quốc Bảo (khách mời)");
			form.findElement(By.cssSelector("button[type=submit]")).click();
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(card, "Đã lưu đội thi."));

			JsonNode team = flow.api().get("/api/registration/contests/" + contestId + "/teams", null).json().get(0);
			assertThat(team.path("unitCode").asString()).isEqualTo("BS-KP1");
			assertThat(team.path("captain").path("fullName").asString()).isEqualTo("Lê Văn Cường");
			assertThat(team.path("members")).hasSize(3);
			assertThat(team.path("members").get(2).path("fullName").asString()).isEqualTo("Trần Quốc Bảo");
			assertThat(team.path("members").get(2).path("invited").asBoolean()).isTrue();
		}
		catch (RuntimeException | AssertionError ex) {
			browser.screenshot(stack, "unit-team-failure");
			throw ex;
		}
	}

}
