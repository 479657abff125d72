package org.everyoneserves.progress.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.everyoneserves.testing.Browser;
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

/** The demo admin opens the item analysis from the reports: the demo's year of attempts shows every flag, accessibly. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ItemAnalysisPageIT {

    @RegisterExtension
    static Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.marker(ItemAnalysisPageIT.class);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void theDemoHistoryShowsEveryFlagWithTheQuestionsText() {
        browser.signIn(Web.demo("alex.morgan"), Web.DEMO_PASSWORD);
        browser.open("/admin/reports.xhtml");
        browser.clickAndWait("itemAnalysis");
        assertTrue(browser.driver().getTitle().contains("Item analysis"), browser.driver().getTitle());
        List<String> flags = browser.driver().findElements(By.cssSelector("table.items .badge")).stream().map(e -> e.getText()).toList();
        for (String flag : List.of("Too easy", "Too hard", "Negative discrimination", "Distractor nobody picks")) {
            assertTrue(flags.contains(flag), flag + " is shown at least once: " + flags.stream().distinct().toList());
        }
        assertTrue(browser.driver().findElement(By.cssSelector("table.items tbody th")).getText().length() > 20, "rows show the question's text");
        browser.assertAccessible("admin-items");
        browser.screenshot("admin-items");
    }
}
