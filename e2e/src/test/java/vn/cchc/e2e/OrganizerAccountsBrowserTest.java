package vn.cchc.e2e;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.cchc.local.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/** The organiser creates the units' manager accounts from the organiser page; passwords shown once. */
@ExtendWith({ LocalStackExtension.class, BrowserExtension.class })
class OrganizerAccountsBrowserTest {

	@Test
	void theOrganiserCreatesOneAccountPerUnitAndSeesEachTemporaryPasswordOnce(LocalStack stack, Browser browser) {
		QuizFlow flow = new QuizFlow(stack);
		String organizer = flow.token("organizer");
		String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		ObjectNode body = QuizFlow.contestBody("Hội thi tài khoản đơn vị " + suffix, 5);
		ArrayNode units = body.putArray("units");
		units.addObject().put("code", "KR-" + suffix + "A").put("name", "Xã Đắk Kôi").put("group", "xa").put("headcount", 20);
		units.addObject().put("code", "KR-" + suffix + "B").put("name", "Xã Đắk Pne").put("group", "xa").put("headcount", 15);
		String contestId = flow.api().post("/api/registration/contests", organizer, body).json().path("id").asString();
		assertThat(flow.api().post("/api/registration/contests/" + contestId + "/publish", organizer, "{}").status())
			.isEqualTo(200);
		try {
			browser.login(stack, "organizer");
			browser.driver.get(stack.gatewayUrl() + "/#/ban-to-chuc");
			By card = By.cssSelector("article[data-contest-id='" + contestId + "']");
			browser.wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(card, By.tagName("button")))
				.getFirst()
				.click();
			browser.wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(card, By.cssSelector("table.accounts")));
			List<WebElement> rows = browser.driver.findElements(By.cssSelector("article[data-contest-id='" + contestId
					+ "'] table.accounts tbody tr"));
			assertThat(rows).extracting(r -> r.getAttribute("data-username"))
				.containsExactly("kr-" + suffix.toLowerCase() + "a", "kr-" + suffix.toLowerCase() + "b");
			for (WebElement row : rows) {
				assertThat(row.getText()).contains("Mới tạo");
				assertThat(row.findElement(By.cssSelector("td.secret")).getText()).hasSizeGreaterThanOrEqualTo(12);
			}

			// A second click finds the accounts existing: no password is shown again.
			browser.driver.findElement(card).findElement(By.tagName("button")).click();
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(card, "Đã có"));
			assertThat(browser.driver.findElement(card).findElements(By.cssSelector("td.secret")))
				.allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("—"));
		}
		catch (RuntimeException | AssertionError ex) {
			browser.screenshot(stack, "organizer-accounts-failure");
			throw ex;
		}
	}

}
