package org.everyoneserves.notifications.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.everyoneserves.testing.Browser;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.MailServer;
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

/**
 * A manager sends a reminder with a note from the team pages; it arrives by e-mail through WildFly's mail session at
 * a real SMTP server, and the person sees it in the application.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NudgeMailIT {

    static final String NOTE = "Noah, please read the foundation module before your first late shift.";

    @RegisterExtension
    static Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.marker(NudgeMailIT.class);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void aReminderFromTheManagerArrivesByEmailAndInTheApplication() throws Exception {
        browser.signIn(Web.demo("daniel.weber"), Web.DEMO_PASSWORD);
        browser.open("/manager/index.xhtml");
        browser.assertAccessible("manager-team");
        browser.screenshot("manager-team-overview");
        browser.clickAndWait("matrixLink");
        assertEquals(6, browser.driver().findElements(By.cssSelector("#matrix tbody tr")).size(), "Daniel's six people by item");
        browser.assertAccessible("manager-matrix");
        browser.screenshot("manager-matrix");
        browser.open("/manager/index.xhtml");
        browser.clickAndWait(By.linkText("Noah Fischer"));
        assertTrue(browser.text("toDo").contains("Everyone serves"), "the drill-down shows Noah's plan");
        browser.type("nudge:note", NOTE);
        browser.assertAccessible("manager-person");
        browser.clickAndWait("nudge:send");
        assertTrue(browser.text("messages").contains("Reminder sent to Noah Fischer."), browser.text("messages"));
        browser.signOut();

        MimeMessage mail = MailServer.await(Web.demo("noah.fischer"), m -> subject(m).equals("A reminder from Daniel Weber"), Duration.ofSeconds(30));
        String body = String.valueOf(mail.getContent());
        assertTrue(body.contains("Hello Noah") && body.contains(NOTE), body);
        assertTrue(body.contains("/learner/index.xhtml"), "a link to the plan: " + body);

        browser.signIn(Web.demo("noah.fischer"), Web.DEMO_PASSWORD);
        assertTrue(browser.text("notificationsLink").contains("new"), browser.text("notificationsLink"));
        browser.clickAndWait("notificationsLink");
        String list = browser.text("notifications");
        assertTrue(list.contains("A reminder from Daniel Weber") && list.contains(NOTE) && list.contains("Also sent by e-mail"), list);
        browser.assertAccessible("learner-notifications");
        browser.screenshot("learner-notifications");
        browser.open("/learner/index.xhtml");
        assertEquals("Notifications", browser.text("notificationsLink"), "seen, so no longer new");
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
