package org.everyoneserves.people.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.everyoneserves.testing.Browser;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The demo admin at work in headless Chromium: people, a CSV import with mistakes, the organisation, the content. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminPagesIT {

    @RegisterExtension
    static Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.marker(AdminPagesIT.class);
    }

    @BeforeEach
    void signIn() {
        browser.signIn(Web.demo("alex.morgan"), Web.DEMO_PASSWORD);
    }

    @AfterEach
    void signOut() {
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void searchingFindsThePersonAndTheirPageShowsTheirDetails() {
        browser.open("/admin/people.xhtml?q=weber");
        assertEquals(1, browser.driver().findElements(By.cssSelector("#people tbody tr")).size());
        browser.screenshot("admin-people-search");
        browser.driver().findElement(By.linkText("Weber, Daniel")).click();
        assertEquals("daniel.weber@brightwater.example", browser.find("person:email").getAttribute("value"));
        browser.screenshot("admin-person");
    }

    @Test
    void aTakenEmailIsAMessageNextToTheFieldAndAFixedFormSaves() {
        fillNewPerson(Web.demo("daniel.weber"), "Customer Support Agent");
        browser.clickAndWait("person:save");
        WebElement emailField = browser.find("person:email").findElement(By.xpath("./ancestor::div[contains(@class,'field')][1]"));
        assertTrue(emailField.getText().contains("Someone already has the e-mail " + Web.demo("daniel.weber")), emailField.getText());
        assertEquals("Robin", browser.find("person:firstName").getAttribute("value"), "what was typed is kept");
        browser.screenshot("admin-person-taken-email");

        String email = "robin." + UUID.randomUUID().toString().substring(0, 8) + "@brightwater.example";
        browser.type("person:email", email);
        browser.clickAndWait("person:save");
        browser.open("/admin/people.xhtml?q=" + email);
        assertEquals(1, browser.driver().findElements(By.cssSelector("#people tbody tr")).size(), "the person was created");
    }

    /** The new-person form filled in for someone in Customer Support, with a job role or none. */
    private static void fillNewPerson(String email, String jobRole) {
        browser.open("/admin/person.xhtml");
        browser.type("person:firstName", "Robin");
        browser.type("person:lastName", "Example");
        browser.type("person:email", email);
        new Select(browser.find("person:department")).selectByVisibleText("Customer Support");
        if (jobRole != null) {
            new Select(browser.find("person:jobRole")).selectByVisibleText(jobRole);
        }
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2026-12-01'", browser.find("person:startDate"));
    }

    @Test
    void theAssignFormSaysWhatIsMissingNextToEachFieldAndAssignsAnItemOnce() {
        String email = "robin." + UUID.randomUUID().toString().substring(0, 8) + "@brightwater.example";
        fillNewPerson(email, null);
        browser.clickAndWait("person:save");

        browser.open("/admin/assign.xhtml");
        browser.driver().findElement(By.xpath("//label[normalize-space()='Everyone in a department']")).click();
        browser.clickAndWait("assign:assignButton");
        assertEquals("Choose what to assign.", fieldError("assign:item"));
        assertEquals("Choose a department.", fieldError("assign:department"));
        assertTrue(browser.driver().findElements(By.xpath(fieldErrorXPath("assign:jobRole"))).isEmpty(), "a job role is not needed");
        browser.screenshot("admin-assign-missing");

        Select item = new Select(browser.find("assign:item"));
        item.selectByIndex(1);
        String chosen = item.getFirstSelectedOption().getText();
        browser.driver().findElement(By.xpath("//label[normalize-space()='One person (by e-mail)']")).click();
        browser.type("assign:email", "nobody.here@brightwater.example");
        browser.clickAndWait("assign:assignButton");
        assertEquals("Nobody has the e-mail nobody.here@brightwater.example.", fieldError("assign:email"));
        assertEquals(chosen, new Select(browser.find("assign:item")).getFirstSelectedOption().getText(), "the chosen item is kept");

        browser.type("assign:email", email);
        browser.clickAndWait("assign:assignButton");
        assertTrue(browser.text("messages").contains("Assigned to one person."), browser.text("messages"));
        browser.clickAndWait("assign:assignButton");
        assertTrue(browser.text("messages").contains("Assigned to nobody new (everyone already has it open)."), browser.text("messages"));
    }

    private static String fieldErrorXPath(String inputId) {
        return "//*[@id='" + inputId + "']/following-sibling::*[contains(@class,'field-error')]";
    }

    private static String fieldError(String inputId) {
        return browser.driver().findElement(By.xpath(fieldErrorXPath(inputId))).getText();
    }

    @Test
    void anImportWithMistakesShowsEveryLineAndCannotBeApplied() throws IOException {
        Path csv = Files.createTempFile("people", ".csv");
        Files.writeString(csv, """
                email,first_name,last_name,department,job_role,manager_email,start_date
                kim.import@brightwater.example,Kim,Import,Customer Support,Customer Support Agent,ruth.adeyemi@brightwater.example,2026-13-01
                not-an-address,Lee,Import,Customer Support,Customer Support Agent,,2026-12-01
                """);
        browser.open("/admin/import.xhtml");
        browser.find("upload:file").sendKeys(csv.toAbsolutePath().toString());
        browser.clickAndWait("upload:preview");
        assertEquals("2", browser.text("countError"));
        assertTrue(browser.text("importRows").contains("not-an-address is not an e-mail address."), browser.text("importRows"));
        assertTrue(browser.text("cannotApply").length() > 0);
        assertTrue(browser.driver().findElements(By.id("apply:applyButton")).isEmpty(), "no apply button while there are errors");
        browser.screenshot("admin-import-errors");
        Files.delete(csv);
    }

    @Test
    void theReportsShowTheDemoCompanysYearAndTheThemesItsShadowing() {
        browser.open("/admin/reports.xhtml");
        assertTrue(browser.text("departments").contains("Customer Support"), browser.text("departments"));
        assertTrue(browser.text("jobRoles").contains("Customer Support Agent"));
        assertTrue(browser.driver().findElements(By.cssSelector("#trend tbody tr")).size() == 12, "a year of months");
        assertTrue(browser.driver().findElements(By.cssSelector("#lowestPass tbody tr")).size() > 0, "the demo's quiz attempts are counted");
        browser.assertAccessible("admin-reports");
        browser.screenshot("admin-reports");
        browser.open("/admin/themes.xhtml");
        assertTrue(browser.text("frictionTable").contains("Hand-offs between teams"));
        browser.assertAccessible("admin-themes");
        browser.screenshot("admin-themes");
    }

    @Test
    void theOrganisationPageListsDepartmentsAndRoles() {
        browser.open("/admin/organisation.xhtml");
        String page = browser.driver().findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Finance and Collections"), page);
        assertTrue(page.contains("Accounts Receivable and Collections Specialist"), page);
        browser.screenshot("admin-organisation");
    }

    @Test
    void everyAdministrationPageFitsAPhone() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        browser.open("/admin/organisation.xhtml");   // a long name in the lists and in the person page's job role choice
        browser.type("newJobRole:name", "Regional customer experience and service quality improvement coordinator " + suffix);
        browser.type("newJobRole:code", "long-role-" + suffix);
        browser.clickAndWait("newJobRole:add");
        assertTrue(browser.text("jobRoles").contains("coordinator " + suffix), browser.text("messages"));
        browser.open("/admin/index.xhtml");
        List<String> pages = browser.driver().findElements(By.cssSelector("main a[href^='/admin/']")).stream()
                .map(link -> link.getAttribute("href").replaceFirst("^https?://[^/]+", "")).distinct().toList();
        assertTrue(pages.size() >= 8, "the administration home links its pages: " + pages);
        java.util.Map<String, Long> sideways = new java.util.LinkedHashMap<>();
        for (String page : pages) {
            sideways.put(page, browser.sidewaysOnAPhone(page, "phone" + page.replace('/', '-').replace(".xhtml", "")));
        }
        browser.open("/admin/people.xhtml?q=weber");
        String person = browser.driver().findElement(By.linkText("Weber, Daniel")).getAttribute("href").replaceFirst("^https?://[^/]+", "");
        sideways.put(person, browser.sidewaysOnAPhone(person, "phone-admin-person"));
        assertTrue(sideways.values().stream().allMatch(pixels -> pixels == 0), "pixels sticking out sideways on a 375 px phone: " + sideways);
    }

    @Test
    void theContentPageShowsTheCatalogAndAnUpToDateCheck() {
        browser.open("/admin/content.xhtml");
        assertTrue(Integer.parseInt(browser.text("count-MODULE")) >= 12);
        assertEquals("27", browser.text("count-CURRICULUM"));
        browser.clickAndWait("check:checkButton");
        if (!browser.driver().findElements(By.id("apply:importButton")).isEmpty()) {
            // another test published an upload into the folder, or imported its own copy of the content: bring the
            // catalog in step through the page, as an admin would
            assertFalse(browser.driver().findElements(By.id("changes")).isEmpty(), "the check lists what importing would change");
            browser.clickAndWait("apply:importButton");
            browser.clickAndWait("check:checkButton");
        }
        assertTrue(browser.text("upToDate").startsWith("Everything is up to date"), browser.text("upToDate"));
        new Select(browser.find("filter:kind")).selectByVisibleText("curricula");
        browser.clickAndWait("filter:show");
        assertEquals(27, browser.driver().findElements(By.cssSelector("#catalog tbody tr")).size(), "a curriculum per job role and the default one");
        browser.screenshot("admin-content");

        assertEquals(0, browser.sidewaysOnAPhone("/admin/content.xhtml", "admin-content-375px"), "nothing sticks out sideways on a 375 px phone");
    }
}
