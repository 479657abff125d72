package org.everyoneserves.refreshers.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.everyoneserves.testing.Api;
import org.everyoneserves.testing.Browser;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.ServerClock;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A marketing specialist without the app does the day's refreshers on the web, then pauses them for a holiday; another
 * signs out the phone she lost from her account page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RefreshersFlowIT {

    @RegisterExtension
    static Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.marker(RefreshersFlowIT.class);
    }

    @Test
    void answerTheDaysItemsThenPauseForAHoliday() {
        browser.open("/login.xhtml");
        browser.driver().manage().deleteAllCookies();
        browser.signIn(Web.demo("oscar.eriksen"), Web.DEMO_PASSWORD);
        assertTrue(browser.text("refreshersCard").contains("0 of"), browser.text("refreshersCard"));
        browser.clickAndWait("refreshersLink");
        browser.assertAccessible("refreshers");
        browser.screenshot("refreshers-today");
        List<WebElement> items = browser.driver().findElements(By.cssSelector("div.refresher"));
        assertTrue(items.size() >= 3, "a set of 3 to 5 items");

        browser.clickAndWait(By.cssSelector("div.refresher input[type=submit]"));
        assertTrue(browser.driver().findElement(By.cssSelector("div.refresher .field-error")).getText().contains("Choose an answer first"),
                "nothing picked: said next to the item");

        for (int answered = 0; answered < items.size(); answered++) {
            WebElement form = browser.driver().findElements(By.cssSelector("div.refresher")).stream()
                    .filter(f -> !f.findElements(By.cssSelector("input[type=submit]")).isEmpty()).findFirst().orElseThrow();
            List<WebElement> selects = form.findElements(By.tagName("select"));
            if (selects.isEmpty()) {
                form.findElement(By.cssSelector("input[type=radio], input[type=checkbox]")).click();
            } else {
                for (int i = 0; i < selects.size(); i++) {
                    new org.openqa.selenium.support.ui.Select(selects.get(i)).selectByValue(String.valueOf(i + 1));
                }
            }
            browser.clickAndWait(By.xpath("(//div[contains(@class,'refresher')][.//input[@type='submit']])[1]//input[@type='submit']"));
            assertTrue(browser.find("messages").getText().matches("(?s).*(Right!|Not quite).*"), () -> "messages: '"
                    + browser.find("messages").getText() + "', next to the items: " + browser.driver().findElements(By.cssSelector(".field-error"))
                    .stream().map(WebElement::getText).toList() + ", at " + browser.driver().getCurrentUrl());
        }
        assertEquals(items.size() + "/" + items.size(), browser.text("doneToday"));
        assertTrue(browser.text("allDone").contains("All done for today"));
        assertEquals("1", browser.text("streak"), "the first completed day starts a streak");
        assertTrue(browser.driver().findElements(By.cssSelector(".result--right, .result--wrong")).size() == items.size());
        browser.assertAccessible("refreshers-done");
        browser.screenshot("refreshers-done");

        browser.type("settings:pausedUntil", "");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('settings:pausedUntil').value = arguments[0]", new ServerClock().today().plusDays(200).toString());
        browser.clickAndWait("settings:save");
        assertTrue(browser.driver().getPageSource().contains("at most 92 days"), "too long a pause is refused next to the field");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('settings:pausedUntil').value = arguments[0]", new ServerClock().today().plusDays(14).toString());
        browser.clickAndWait("settings:save");
        assertTrue(browser.text("paused").contains("paused until"), browser.text("paused"));
        assertEquals("1", browser.text("streak"), "the pause keeps the streak");
        browser.clickAndWait("settings:resume");
        assertTrue(browser.driver().findElements(By.id("paused")).isEmpty());

        assertEquals(0, browser.sidewaysOnAPhone("/learner/refreshers.xhtml", "refreshers-phone"), "nothing runs off a phone's screen");
    }

    @Test
    void thePhoneSignedInToTheAppIsListedOnTheAccountPageAndCanBeSignedOut() {
        Api phone = Api.signedIn(Web.demo("maya.patel"));
        browser.open("/login.xhtml");
        browser.driver().manage().deleteAllCookies();
        browser.signIn(Web.demo("maya.patel"), Web.DEMO_PASSWORD);
        browser.open("/account/index.xhtml");
        assertTrue(browser.text("deviceList").contains("Test phone"), browser.text("deviceList"));
        browser.assertAccessible("account-devices");
        browser.screenshot("account-devices");
        browser.clickAndWait(By.xpath("//table[@id='deviceList']//tr[contains(., 'Test phone')]//input[@type='submit']"));
        assertTrue(browser.find("messages").getText().contains("Test phone is signed out"), browser.find("messages").getText());
        assertTrue(browser.driver().findElements(By.id("deviceList")).isEmpty());
        assertEquals(401, phone.get("/me").statusCode(), "the app is signed out at once");
    }
}
