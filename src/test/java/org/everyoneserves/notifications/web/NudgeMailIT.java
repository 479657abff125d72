package org.everyoneserves.notifications.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.everyoneserves.testing.Browser;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.MailServer;
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

/**
 * A manager sends a reminder with a note from the team pages; it arrives by e-mail through WildFly's mail session at
 * a real SMTP server, and the person sees it in the application. Both are the test's own: a support lead and a new
 * agent two days in who reports to them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NudgeMailIT {

    static final String NOTE = "Noah, please read the foundation module before your first late shift.";

    @RegisterExtension
    static Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withPeople(NudgeMailIT.class);
    }

    @Test
    void aReminderFromTheManagerArrivesByEmailAndInTheApplication() throws Exception {
        RemotePeople people = new RemotePeople(NudgeMailIT.class);
        RemotePeople.Made manager = people.create(NewPerson.named("daniel").department("customer-support").role("support-lead"));
        RemotePeople.Made hire = people.create(NewPerson.named("noah").department("customer-support").role("support-agent")
                .startedOn(new ServerClock().today().minusDays(2)).manager(manager.email()));
        browser.signIn(manager.email(), Web.DEMO_PASSWORD);
        browser.open("/manager/index.xhtml");
        browser.assertAccessible("manager-team");
        browser.screenshot("manager-team-overview");
        browser.clickAndWait("matrixLink");
        assertEquals(1, browser.driver().findElements(By.cssSelector("#matrix tbody tr")).size(), "the lead's one report, by item");
        browser.assertAccessible("manager-matrix");
        browser.screenshot("manager-matrix");
        assertEquals(0, browser.sidewaysOnAPhone("/manager/matrix.xhtml", "manager-matrix-375px"),
                "nothing sticks out sideways on a 375 px phone: the table scrolls inside its frame");
        browser.open("/manager/index.xhtml");
        browser.clickAndWait(By.linkText(hire.name()));
        assertTrue(browser.text("toDo").contains("Everyone serves"), "the drill-down shows Noah's plan");
        assertEquals(0, browser.sidewaysOnAPhone(browser.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", ""), "manager-person-375px"),
                "nothing sticks out sideways on a 375 px phone: a long e-mail address wraps");
        browser.type("nudge:note", NOTE);
        browser.assertAccessible("manager-person");
        browser.clickAndWait("nudge:send");
        assertTrue(browser.text("messages").contains("Reminder sent to " + hire.name() + "."), browser.text("messages"));
        browser.signOut();

        String subject = "A reminder from " + manager.name();
        MimeMessage mail = MailServer.await(hire.email(), m -> MailServer.subject(m).equals(subject), Duration.ofSeconds(30));
        String body = String.valueOf(mail.getContent());
        assertTrue(body.contains("Hello Noah") && body.contains(NOTE), body);
        assertTrue(body.contains("/learner/index.xhtml"), "a link to the plan: " + body);

        browser.signIn(hire.email(), Web.DEMO_PASSWORD);
        assertTrue(browser.text("notificationsLink").contains("new"), browser.text("notificationsLink"));
        browser.clickAndWait("notificationsLink");
        String list = browser.text("notifications");
        assertTrue(list.contains(subject) && list.contains(NOTE) && list.contains("Also sent by e-mail"), list);
        browser.assertAccessible("learner-notifications");
        browser.screenshot("learner-notifications");
        browser.open("/learner/index.xhtml");
        assertTrue(browser.text("notificationsLink").contains("new"), "opening the list (a GET) changes nothing");
        browser.open("/learner/notifications.xhtml");
        browser.clickAndWait("read:markAllRead");
        assertTrue(browser.text("messages").contains("marked as read"), browser.text("messages"));
        assertEquals("Notifications", browser.text("notificationsLink"), "marked read with the button (a POST), so no longer new");
    }
}
