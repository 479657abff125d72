package org.everyoneserves.privacy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The personal-data pages in headless Chromium: a learner sees their sign-ins (and a wrong password typed for their
 * account) on the account page, asks for their data there and downloads the ZIP once it is made in the background; an admin erases a person only with a reason and their e-mail typed again,
 * and the retention form refuses a period out of range next to its field. Both pages pass axe.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrivacyPagesIT {

    @RegisterExtension
    static Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withPeople(PrivacyPagesIT.class);
    }

    @AfterEach
    void signOut() {
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void aLearnerDownloadsEverythingHeldAboutThem() {
        RemotePeople.Made learner = new RemotePeople(PrivacyPagesIT.class).create(NewPerson.named("dana").department("finance").role("accountant"));
        browser.signIn(learner.email(), "not-the-password-at-all");
        browser.signIn(learner.email(), Web.DEMO_PASSWORD);
        browser.open("/account/index.xhtml");
        List<String> signIns = browser.driver().findElements(By.cssSelector("#signInList tbody tr")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList();
        assertEquals(2, signIns.size(), "their sign-in and the wrong password before it: " + signIns);
        assertTrue(signIns.get(0).contains("Signed in") && signIns.get(0).contains("Pages, password") && signIns.get(0).contains("127.0.0.1")
                && signIns.get(0).contains("Chrome · Linux"), signIns.get(0));
        assertTrue(signIns.get(1).contains("Wrong password"), signIns.get(1));
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('signInList').scrollIntoView()");
        browser.screenshot("account-sign-ins");
        browser.assertAccessible("account");
        browser.driver().findElement(By.id("dataLink")).click();
        assertTrue(browser.text("noExports").contains("not asked"), browser.text("noExports"));
        browser.assertAccessible("account-data");
        browser.clickAndWait("data:request");
        assertTrue(browser.text("messages").contains("being prepared"), browser.text("messages"));

        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> {
            browser.open("/account/data.xhtml");
            return !d.findElements(By.cssSelector("#exportList a.download")).isEmpty();
        });
        browser.screenshot("account-data-ready");
        browser.assertAccessible("account-data-ready");
        String href = browser.driver().findElement(By.cssSelector("#exportList a.download")).getAttribute("href");
        Map<String, Object> download = fetch(href);
        assertEquals(200L, download.get("status"));
        assertEquals("application/zip", download.get("type"));
        assertEquals("PK", download.get("magic"), "a ZIP file");

        browser.driver().manage().deleteAllCookies();
        browser.signIn(Web.demo("alex.morgan"), Web.DEMO_PASSWORD);
        assertEquals(404L, fetch(href).get("status"), "only the one who asked downloads it");
    }

    @Test
    void anAdminErasesOnlyWithAReasonAndTheEmailTypedAgain() {
        RemotePeople.Made leaver = new RemotePeople(PrivacyPagesIT.class).create(NewPerson.named("lee").department("finance").role("accountant"));
        browser.signIn(Web.demo("alex.morgan"), Web.DEMO_PASSWORD);
        browser.open("/admin/privacy.xhtml");
        browser.assertAccessible("admin-privacy");
        browser.type("request:email", "nobody.here@brightwater.example");
        browser.clickAndWait("request:find");
        assertEquals("Nobody with this e-mail (or already erased).", fieldError("request:email"));

        browser.type("request:email", leaver.email());
        browser.clickAndWait("request:find");
        assertTrue(browser.text("foundPerson").contains(leaver.name()), browser.text("foundPerson"));
        browser.type("erase:reason", "Left the company and asked for erasure.");
        browser.type("erase:confirmation", "someone.else@brightwater.example");
        browser.clickAndWait("erase:eraseButton");
        assertEquals("Type the person's e-mail exactly to confirm the erasure.", fieldError("erase:confirmation"));
        assertEquals("Left the company and asked for erasure.", browser.find("erase:reason").getAttribute("value"), "what was typed is kept");
        browser.screenshot("admin-privacy-confirm");
        browser.assertAccessible("admin-privacy-found");

        browser.type("erase:confirmation", leaver.email());
        browser.clickAndWait("erase:eraseButton");
        assertTrue(browser.text("messages").contains("Erased person #" + leaver.id()), browser.text("messages"));
        browser.open("/admin/person.xhtml?id=" + leaver.id());
        assertEquals("erased-" + leaver.id() + "@erased.invalid", browser.find("person:email").getAttribute("value"));
        assertTrue(browser.text("inactiveBadge").length() > 0, "erased people are inactive");

        browser.open("/admin/privacy.xhtml");
        List<org.openqa.selenium.WebElement> days = browser.driver().findElements(By.cssSelector("#retention input[type=number]"));
        assertEquals(6, days.size(), "one period per kind of data");
        assertTrue(browser.driver().findElement(By.id("retention")).getText().contains("Sign-in events"), "sign-in events have their period");
        String id = days.get(0).getAttribute("id");
        browser.type(id, "0");
        browser.clickAndWait("retention:save");
        assertEquals("Enter a number of days from 1 to 36500.", fieldError(id));
        browser.screenshot("admin-privacy-retention-error");

        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> {
            browser.open("/admin/privacy.xhtml");
            return !d.findElements(By.cssSelector("#runs tbody tr")).isEmpty();
        });
        String run = browser.driver().findElement(By.cssSelector("#runs tbody tr")).getText();
        assertTrue(run.contains("Sign-in events: sign-ins, refused attempts, sign-outs: ") && run.contains("Notifications: "),
                "the day's run says in words what each kind removed: " + run);
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('runs').scrollIntoView()");
        browser.screenshot("admin-privacy-runs");
    }

    /** Fetches the address in the signed-in browser: status, content type and the first two bytes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetch(String href) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({status: r.status, type: r.headers.get('Content-Type'),"
                        + " magic: new TextDecoder().decode(new Uint8Array(b).slice(0, 2)), size: b.byteLength})));", href);
    }

    private static String fieldError(String inputId) {
        return browser.driver().findElement(By.xpath("//*[@id='" + inputId + "']/following-sibling::*[contains(@class,'field-error')]")).getText();
    }
}
