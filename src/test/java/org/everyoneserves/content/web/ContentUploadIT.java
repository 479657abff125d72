package org.everyoneserves.content.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.everyoneserves.testing.Browser;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/** The demo admin uploads question banks exported from Moodle on the content page: checked, previewed, published. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContentUploadIT {

    static final Path FIXTURES = Path.of("src/test/resources/moodle");

    @RegisterExtension
    static Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.marker(ContentUploadIT.class);
    }

    @BeforeEach
    void signIn() {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(Web.demo("alex.morgan"), Web.DEMO_PASSWORD);
        browser.open("/admin/content.xhtml");
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    /** A copy of a fixture under a name of this run, so that its quiz id is new. */
    static Path copy(String fixture, String name) throws IOException {
        Path file = Files.createTempDirectory("upload").resolve(name);
        Files.copy(FIXTURES.resolve(fixture), file);
        return file;
    }

    void upload(Path file, String module) {
        browser.find("upload:file").sendKeys(file.toAbsolutePath().toString());
        if (module != null) {
            new Select(browser.find("upload:module")).selectByValue(module);
        }
        browser.clickAndWait("upload:checkUpload");
    }

    void showInScreenshot(String id) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", browser.find(id));
    }

    String body() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    String fieldText(String id) {
        return browser.find(id).findElement(By.xpath("./ancestor::div[contains(@class,'field')][1]")).getText();
    }

    @Test
    void aMoodleXmlExportIsPreviewedQuestionByQuestionThenPublished() throws IOException {
        String id = "brought-over-" + UUID.randomUUID().toString().substring(0, 8);
        upload(copy("service-basics.xml", id + ".xml"), "everyone-serves");
        String preview = browser.text("uploadPreview");
        assertTrue(browser.text("uploadQuiz").contains(id), browser.text("uploadQuiz"));
        assertTrue(browser.text("uploadQuiz").contains("Service basics"), "the title from the category");
        assertEquals(3, browser.driver().findElements(By.cssSelector("#uploadQuestions > li")).size());
        assertTrue(preview.contains("How many jobs does every employee have?"), preview);
        assertTrue(browser.text("uploadQuestion-two-jobs").contains("Key: Two"), browser.text("uploadQuestion-two-jobs"));
        assertTrue(browser.text("uploadQuestion-two-jobs").contains("Serving customers is part of everyone's work."), "feedback per answer");
        assertTrue(browser.text("uploadQuestion-only-support").contains("Key: False"));
        assertTrue(browser.text("uploadWarnings").contains("question 'only-support' has no explanation"), browser.text("uploadWarnings"));
        assertTrue(browser.text("uploadWarnings").contains("a picture in the question's HTML is left out"));
        browser.assertAccessible("admin-content-upload-preview");
        showInScreenshot("uploadPreview");
        browser.screenshot("admin-content-upload-preview");

        browser.clickAndWait("publish:publishButton");
        assertTrue(body().contains("Published \"Service basics\": 1 new"), body());
        browser.open("/admin/content.xhtml");
        assertTrue(body().contains(id), "the quiz is in the catalog");

        upload(copy("service-basics.xml", id + ".xml"), "everyone-serves");
        browser.clickAndWait("publish:publishButton");
        assertTrue(body().contains("Published \"Service basics\": 0 new, 0 changed."), "the same file again changes nothing: " + body());
    }

    @Test
    void badFilesGetMessagesNextToTheFieldsAndErrorsByLine() throws IOException {
        Path notes = Files.createTempFile("notes", ".docx");
        Files.writeString(notes, "not a quiz");
        upload(notes, null);
        assertTrue(fieldText("upload:module").contains("Choose the module the quiz belongs to."), fieldText("upload:module"));

        upload(notes, "everyone-serves");
        assertTrue(fieldText("upload:file").contains("Upload a GIFT file (.gift or .txt) or a Moodle XML file (.xml), not " + notes.getFileName()),
                fieldText("upload:file"));

        upload(copy("xxe.xml", "leak.xml"), "everyone-serves");
        assertTrue(browser.text("uploadErrors").contains("upload/leak.xml:2:1 the file declares a document type"), browser.text("uploadErrors"));
        assertTrue(browser.driver().findElements(By.id("publish:publishButton")).isEmpty(), "nothing to publish");

        upload(copy("service-basics.gift", "bank-" + UUID.randomUUID().toString().substring(0, 8) + ".gift"), "everyone-serves");
        assertTrue(browser.text("uploadErrors").contains(":26:1 short-answer questions (only '=' answers) are not supported"),
                browser.text("uploadErrors"));
        assertTrue(browser.text("uploadQuestions").contains("Only the support desk serves customers."), "the rest is shown all the same");
        assertTrue(browser.driver().findElements(By.id("publish:publishButton")).isEmpty());
        browser.assertAccessible("admin-content-upload-errors");
        showInScreenshot("uploadPreview");
        browser.screenshot("admin-content-upload-errors");
    }
}
