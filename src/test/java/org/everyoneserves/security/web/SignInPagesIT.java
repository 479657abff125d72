package org.everyoneserves.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.everyoneserves.testing.Browser;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.NewPerson;
import org.everyoneserves.testing.RemotePeople;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** Each role signs in with a demo account in headless Chromium and lands on a home page made for them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInPagesIT {

    @RegisterExtension
    static Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withPeople(SignInPagesIT.class);
    }

    @AfterEach
    void signOut() {
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void anAdminLandsOnTheAdministrationPage() {
        browser.signIn(Web.demo("alex.morgan"), Web.DEMO_PASSWORD);
        assertTrue(browser.driver().getCurrentUrl().endsWith("/admin/index.xhtml"), browser.driver().getCurrentUrl());
        assertEquals("Administration", browser.driver().findElement(By.tagName("h1")).getText());
        assertTrue(Integer.parseInt(browser.text("activePeople")) >= 53, "the demo organisation's 53 people, and any other tests add: " + browser.text("activePeople"));
        browser.screenshot("admin-home");
        browser.clickAndWait("signOut:signOutButton");
        assertTrue(browser.driver().getPageSource().contains("You have signed out."));
        browser.open("/admin/index.xhtml");
        assertTrue(browser.driver().getCurrentUrl().contains("/login.xhtml"), "signed out, the admin page asks for sign-in again");
    }

    @Test
    void aManagerSeesTheirWholeReportingLine() {
        browser.signIn(Web.demo("daniel.weber"), Web.DEMO_PASSWORD);
        assertTrue(browser.driver().getCurrentUrl().endsWith("/manager/index.xhtml"));
        assertEquals(6, browser.driver().findElements(By.cssSelector("#team tbody tr")).size(), "Ruth and the five agents who report to her");
        assertTrue(browser.driver().getPageSource().contains("Noah Fischer"));
        browser.screenshot("manager-team");
    }

    @Test
    void aNewHireSeesTheirOwnHomeWithTheirFirstDays() {
        browser.signIn(Web.demo("noah.fischer"), Web.DEMO_PASSWORD);
        assertTrue(browser.driver().getCurrentUrl().endsWith("/learner/index.xhtml"));
        assertEquals("Welcome, Noah", browser.driver().findElement(By.tagName("h1")).getText());
        // the demo company gives Noah a start date two days before the day it was created: day 3 then, one more each
        // day after (the suite's server can have created it before midnight)
        assertTrue(browser.text("welcome").matches("(?s).*This is day ([3-9]|\\d\\d) of your first three months.*"), browser.text("welcome"));
        assertEquals("Customer Support Agent", browser.text("jobRole"));
        browser.screenshot("learner-home");
        assertEquals(0, browser.sidewaysOnAPhone("/learner/index.xhtml", "learner-home-375px"), "nothing sticks out sideways on a 375 px phone");
    }

    @Test
    void aWrongPasswordIsAMessageNextToTheFormAndNoSession() {
        String someone = new RemotePeople(SignInPagesIT.class).create(NewPerson.named("wrong").department("customer-support")
                .role("support-agent")).email();
        browser.signIn(someone, "not-the-password");
        assertTrue(browser.driver().getCurrentUrl().contains("/login.xhtml"));
        assertTrue(browser.driver().getPageSource().contains("That e-mail and password do not match an active account."));
        browser.open("/learner/index.xhtml");
        assertTrue(browser.driver().getCurrentUrl().contains("/login.xhtml"));
    }

    @Test
    void aGermanSpeakingManagerGetsGermanPages() {
        browser.signIn(Web.demo("hannah.becker"), Web.DEMO_PASSWORD);
        assertEquals("de", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.driver().getPageSource().contains("Abmelden"), "the sign-out button is German");
        browser.screenshot("manager-team-german");
    }

    @Test
    void aLearnerWhoOpensAnAdminPageGetsNotFound() {
        browser.signIn(Web.demo("noah.fischer"), Web.DEMO_PASSWORD);
        browser.open("/admin/people.xhtml");
        assertEquals("Page not found", browser.driver().findElement(By.tagName("h1")).getText());
        browser.screenshot("not-found");
    }
}
