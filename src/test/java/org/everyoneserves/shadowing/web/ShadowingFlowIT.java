package org.everyoneserves.shadowing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.everyoneserves.testing.Browser;
import org.everyoneserves.testing.Database;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.NewPerson;
import org.everyoneserves.testing.RemotePeople;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A new engineer books a seat with a new support agent, moves it to another agent, goes (the server's clock moves past
 * the session's start), reflects and raises an idea for Customer Support; the host confirms; Customer Support's
 * manager in the demo company accepts the idea; the engineer reads the answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShadowingFlowIT {

    static final String GUIDE_PAGE = "/learner/shadowing.xhtml?id=shadowing-engineering";
    static final String IDEA = "A status page link in the phone queue message";
    static final RemotePeople PEOPLE = new RemotePeople(ShadowingFlowIT.class);

    @RegisterExtension
    static Browser browser = new Browser();

    @RegisterExtension
    final ServerClock clock = new ServerClock();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withPeople(ShadowingFlowIT.class);
    }

    /** A new support agent with one seat in a session starting in so many days. */
    static RemotePeople.Made host(String name, int inDays) {
        RemotePeople.Made host = PEOPLE.create(NewPerson.named(name).department("customer-support").role("support-agent"));
        Database.slots(host.id(), "Support desk " + UUID.randomUUID(), 1, inDays);
        return host;
    }

    @Test
    void fromBookingToReflectionToTheIdeasAnswer() {
        RemotePeople.Made lukas = host("lukas", 1);
        RemotePeople.Made aisha = host("aisha", 2);
        RemotePeople.Made manager = PEOPLE.create(NewPerson.named("mei").department("engineering").role("people-manager"));
        RemotePeople.Made shadow = PEOPLE.create(NewPerson.named("elena").department("engineering").role("software-engineer")
                .startedOn(clock.today()).manager(manager.email()));
        browser.signIn(shadow.email(), Web.DEMO_PASSWORD);
        browser.open(GUIDE_PAGE);
        assertTrue(browser.text("watchFor").length() > 100, "what to watch for");
        assertTrue(browser.text("hosts").contains("Customer Support Agent"), browser.text("hosts"));
        browser.assertAccessible("shadowing-guide");
        browser.clickAndWait(By.xpath("//table[@id='slotTable']//tr[contains(., '" + lukas.name() + "')]//input[@type='submit']"));
        assertEquals("Booked", browser.text("bookingStatus"));
        assertTrue(browser.text("bookingHost").startsWith(lukas.name()), browser.text("bookingHost"));
        assertTrue(browser.find("calendarLink").getAttribute("href").contains("/learner/shadowing.ics?booking="));
        browser.screenshot("shadowing-booked");

        browser.clickAndWait(By.xpath("//table[@id='slotTable']//tr[contains(., '" + aisha.name() + "')]//input[@type='submit']"));
        assertTrue(browser.text("bookingHost").startsWith(aisha.name()), "moved: " + browser.text("bookingHost"));
        assertTrue(browser.driver().findElements(By.xpath("//table[@id='slotTable']//tr[contains(., '" + lukas.name() + "')]")).size() == 1,
                "Lukas's seat is free again");
        browser.open("/learner/index.xhtml");
        assertTrue(browser.text("nextSession").contains(aisha.name()), "the reminder on the home page: " + browser.text("nextSession"));

        clock.aheadBy(Duration.ofDays(2).plusHours(1));
        browser.signIn(shadow.email(), Web.DEMO_PASSWORD);   // two days on, the session has passed its 12-hour lifetime
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

        browser.signIn(aisha.email(), Web.DEMO_PASSWORD);
        browser.open("/learner/hosting.xhtml");
        browser.assertAccessible("shadowing-hosting");
        WebElement guest = browser.driver().findElement(By.xpath("//li[contains(@class,'guest')][contains(., '" + shadow.name() + "')]"));
        assertTrue(guest.getText().contains("Read the reflection"), "the host may read the reflection");
        browser.screenshot("shadowing-hosting");
        browser.clickAndWait(By.xpath("//li[contains(@class,'guest')][contains(., '" + shadow.name() + "')]//input[@value='Came']"));
        assertTrue(browser.driver().findElement(By.xpath("//li[contains(@class,'guest')][contains(., '" + shadow.name() + "')]")).getText()
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

        browser.signIn(shadow.email(), Web.DEMO_PASSWORD);
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
