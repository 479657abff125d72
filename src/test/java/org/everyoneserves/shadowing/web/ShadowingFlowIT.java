package org.everyoneserves.shadowing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.everyoneserves.testing.Browser;
import org.everyoneserves.testing.Database;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * An engineer of the demo company books a seat with a support agent, moves it, goes, reflects and raises an idea
 * for Customer Support; the host confirms; Customer Support's manager accepts the idea; the engineer reads the answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShadowingFlowIT {

    static final String GUIDE_PAGE = "/learner/shadowing.xhtml?id=shadowing-engineering";
    static final String SHADOW = "elena.popescu";
    static final String IDEA = "A status page link in the phone queue message";

    @RegisterExtension
    static Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.marker(ShadowingFlowIT.class);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void fromBookingToReflectionToTheIdeasAnswer() {
        browser.signIn(Web.demo(SHADOW), Web.DEMO_PASSWORD);
        browser.open(GUIDE_PAGE);
        assertTrue(browser.text("watchFor").length() > 100, "what to watch for");
        assertTrue(browser.text("hosts").contains("Customer Support Agent"), browser.text("hosts"));
        browser.assertAccessible("shadowing-guide");
        browser.clickAndWait(By.xpath("//table[@id='slotTable']//tr[contains(., 'Lukas Schmidt')]//input[@type='submit']"));
        assertEquals("Booked", browser.text("bookingStatus"));
        assertTrue(browser.text("bookingHost").startsWith("Lukas Schmidt"), browser.text("bookingHost"));
        assertTrue(browser.find("calendarLink").getAttribute("href").contains("/learner/shadowing.ics?booking="));
        browser.screenshot("shadowing-booked");

        browser.clickAndWait(By.xpath("//table[@id='slotTable']//tr[contains(., 'Aisha Khan')]//input[@type='submit']"));
        assertTrue(browser.text("bookingHost").startsWith("Aisha Khan"), "moved: " + browser.text("bookingHost"));
        assertTrue(browser.driver().findElements(By.xpath("//table[@id='slotTable']//tr[contains(., 'Lukas Schmidt')]")).size() == 1,
                "Lukas's seat is free again");
        browser.open("/learner/index.xhtml");
        assertTrue(browser.text("nextSession").contains("Aisha Khan"), "the reminder on the home page: " + browser.text("nextSession"));

        int started = Database.update("update shadowing_slot set starts_at = now(3) - interval 1 hour where id = (select b.slot_id from"
                + " shadowing_booking b join person p on p.id = b.person_id where p.email = ? and b.status = 'BOOKED'"
                + " and b.guide_code = 'shadowing-engineering')", Web.demo(SHADOW));
        assertEquals(1, started, "the session took place");
        browser.open(GUIDE_PAGE);
        browser.clickAndWait("reflection:submitReflection");
        assertEquals("Answer question 1.", fieldError("reflection:answers:0:answer"), "the error is next to the empty answer");
        List<String> answers = List.of(
                "Aisha reads the customer's last contacts before answering, so nobody has to repeat the story.",
                "Three callers could not log in during the maintenance window and nobody had told support it was on.",
                "Put the status page link into the phone queue message during maintenance.",
                "Send support our maintenance calendar a week ahead.");
        for (int i = 0; i < answers.size(); i++) {
            browser.type("reflection:answers:" + i + ":answer", answers.get(i));
        }
        browser.type("reflection:takeaway", "I will announce maintenance windows to support before they start.");
        browser.driver().findElement(By.xpath("//label[contains(., 'Customers contacting us again')]")).click();
        browser.driver().findElement(By.xpath("//label[contains(., 'Hand-offs between teams')]")).click();
        browser.type("reflection:ideaTitle", IDEA);
        browser.type("reflection:ideaDescription", "During maintenance callers wait in the queue to hear what a status page would tell them.");
        new org.openqa.selenium.support.ui.Select(browser.find("reflection:ideaDepartment")).selectByVisibleText("Customer Support");
        browser.assertAccessible("shadowing-reflection");
        browser.screenshot("shadowing-reflection");
        browser.clickAndWait("reflection:submitReflection");
        assertTrue(browser.text("awaitingHost").contains("as soon as your host confirms"), browser.text("awaitingHost"));
        browser.signOut();

        browser.signIn(Web.demo("aisha.khan"), Web.DEMO_PASSWORD);
        browser.open("/learner/hosting.xhtml");
        browser.assertAccessible("shadowing-hosting");
        WebElement guest = browser.driver().findElement(By.xpath("//li[contains(@class,'guest')][contains(., 'Elena Popescu')]"));
        assertTrue(guest.getText().contains("Read the reflection"), "the host may read the reflection");
        browser.screenshot("shadowing-hosting");
        browser.clickAndWait(By.xpath("//li[contains(@class,'guest')][contains(., 'Elena Popescu')]//input[@value='Came']"));
        assertTrue(browser.driver().findElement(By.xpath("//li[contains(@class,'guest')][contains(., 'Elena Popescu')]")).getText()
                .contains("Attended"));
        browser.signOut();

        browser.signIn(Web.demo("daniel.weber"), Web.DEMO_PASSWORD);
        browser.open("/manager/ideas.xhtml");
        browser.assertAccessible("manager-ideas");
        String card = "//article[contains(@class,'idea-card')][.//h2[normalize-space()='" + IDEA + "']]";
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.xpath(card + "//select"))).selectByVisibleText("Accepted");
        browser.driver().findElement(By.xpath(card + "//textarea")).sendKeys("We add the link to the queue message from next week.");
        browser.screenshot("manager-ideas");
        browser.clickAndWait(By.xpath(card + "//input[@type='submit']"));
        browser.open("/manager/shadowing.xhtml");
        browser.assertAccessible("manager-shadowing");
        browser.signOut();

        browser.signIn(Web.demo(SHADOW), Web.DEMO_PASSWORD);
        browser.open("/learner/ideas.xhtml");
        String mine = browser.text("myIdeas");
        assertTrue(mine.contains(IDEA) && mine.contains("Accepted") && mine.contains("We add the link to the queue message from next week."), mine);
        browser.assertAccessible("learner-ideas");
        browser.screenshot("learner-ideas");
        browser.open(GUIDE_PAGE);
        assertTrue(browser.text("history").contains("Attended"), "the session counts and is in the history");
        assertFalse(browser.driver().getPageSource().contains("id=\"reflection\""), "no second reflection");
        browser.open("/learner/index.xhtml");
        assertTrue(browser.text("done").toLowerCase(Locale.ROOT).contains("shadow"), browser.text("done"));
    }

    @Test
    void aSlotWithoutATimeOrInThePastIsRefusedNextToTheField() {
        browser.signIn(Web.demo("aisha.khan"), Web.DEMO_PASSWORD);
        browser.open("/learner/hosting.xhtml");
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("arguments[0].value = ''", browser.find("publish:time"));
        browser.clickAndWait("publish:publishButton");
        assertEquals("Give a start time such as 09:30.", fieldError("publish:time"));

        js.executeScript("arguments[0].value = '09:30'", browser.find("publish:time"));
        js.executeScript("arguments[0].value = '2020-01-06'", browser.find("publish:day"));
        browser.clickAndWait("publish:publishButton");
        assertEquals("Choose a time in the future.", fieldError("publish:day"), "the service's refusal is next to the day");
        assertEquals("09:30", browser.find("publish:time").getAttribute("value"), "the time typed is kept");
        browser.signOut();
    }

    static String fieldError(String inputId) {
        return browser.driver().findElement(By.xpath("//*[@id='" + inputId + "']/following-sibling::*[contains(@class,'field-error')]")).getText();
    }
}
