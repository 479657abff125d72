package org.everyoneserves.quizzes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.everyoneserves.content.ContentLoader;
import org.everyoneserves.content.Question;
import org.everyoneserves.content.files.QuizFile;
import org.everyoneserves.testing.Browser;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A new hire's first days (a support agent of the test's own, two days in) in headless Chromium: the plan shows what is due, reading a module counts, a failed
 * quiz says what to review, a passed one counts, and the plan shows it all.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LearnerFlowIT {

    static final String QUIZ = "serving-colleagues-quiz";

    @RegisterExtension
    static Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withPeople(LearnerFlowIT.class);
    }

    @Test
    void aNewHireReadsAModuleFailsThenPassesItsQuizAndSeesThePlanUpdate() {
        QuizFile quiz = ContentLoader.load(Path.of("content")).quiz(QUIZ).orElseThrow();
        String hire = new RemotePeople(LearnerFlowIT.class).create(NewPerson.named("noah").department("customer-support")
                .role("support-agent").startedOn(new ServerClock().today().minusDays(2))).email();
        browser.signIn(hire, Web.DEMO_PASSWORD);
        String before = browser.text("progressDone");
        assertTrue(browser.text("toDo").contains("Serving colleagues"), browser.text("toDo"));
        browser.screenshot("learner-plan");
        browser.assertAccessible("learner-plan");

        browser.driver().findElement(By.linkText("Serving colleagues, partners and suppliers")).click();
        assertTrue(browser.find("moduleBody").getText().length() > 2000, "the module's text is shown");
        assertTrue(browser.driver().findElements(By.cssSelector("#moduleBody script")).isEmpty());
        browser.screenshot("learner-module");
        browser.assertAccessible("learner-module");
        browser.clickAndWait("read:markRead");
        assertTrue(browser.driver().getCurrentUrl().contains("/learner/quiz.xhtml?id=" + QUIZ), "on to the module's quiz");
        assertTrue(browser.text("attemptsLeft").contains("3 attempts left"), browser.text("attemptsLeft"));
        browser.screenshot("learner-quiz");
        browser.assertAccessible("learner-quiz");

        browser.clickAndWait("start:startButton");
        answerAll(quiz, false);
        browser.screenshot("learner-attempt");
        browser.assertAccessible("learner-attempt");
        browser.clickAndWait("attempt:submit");
        assertEquals("Not passed yet", browser.text("verdict"));
        assertEquals("0 %", browser.text("score"));
        assertFalse(browser.text("review").isBlank(), "what to review");
        browser.screenshot("learner-result-failed");
        browser.assertAccessible("learner-result-failed");

        browser.clickAndWait("next:retry");
        answerAll(quiz, true);
        browser.clickAndWait("attempt:save");
        browser.driver().navigate().refresh();
        browser.clickAndWait("attempt:submit");
        assertEquals("Passed", browser.text("verdict"), "answers saved before a reload were kept");
        assertEquals("100 %", browser.text("score"));
        browser.screenshot("learner-result-passed");
        browser.assertAccessible("learner-result-passed");

        browser.open("/learner/index.xhtml");
        String after = browser.text("progressDone");
        assertEquals(Integer.parseInt(before.split(" / ")[0]) + 2, Integer.parseInt(after.split(" / ")[0]), before + " -> " + after);
        assertTrue(browser.text("done").contains("Serving colleagues: check your understanding"), browser.text("done"));
        assertFalse(browser.text("toDo").contains("Serving colleagues"), "no longer to do");
        browser.screenshot("learner-plan-after");
        browser.assertAccessible("learner-plan-after");
    }

    /** Answers every question on the attempt page, rightly or wrongly, by the texts the page shows. */
    static void answerAll(QuizFile quiz, boolean right) {
        List<WebElement> fieldsets = browser.driver().findElements(By.cssSelector("fieldset.question"));
        for (WebElement fieldset : fieldsets) {
            String id = fieldset.getAttribute("id").substring(2);
            Question q = quiz.questions().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            switch (q.kind()) {
                case TRUE_FALSE -> click(fieldset, (right == q.answer()) ? "True" : "False");
                case ORDERING -> {
                    List<WebElement> items = fieldset.findElements(By.cssSelector(".ordering__item"));
                    for (WebElement item : items) {
                        String text = item.findElement(By.tagName("span")).getText().strip();
                        int place = placeOf(q.items(), text);
                        new Select(item.findElement(By.tagName("select"))).selectByVisibleText(String.valueOf(right ? place : items.size() + 1 - place));
                    }
                }
                default -> {
                    boolean picked = false;
                    for (Question.Choice c : q.choices()) {
                        if (c.correct() == right && (q.kind() == Question.Kind.MULTIPLE || !picked)) {
                            click(fieldset, c.text());
                            picked = true;
                        }
                    }
                }
            }
        }
    }

    /** The right place (1-based) of an ordering item, matched as the browser shows it (whitespace collapsed). */
    static int placeOf(List<String> items, String shown) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).strip().replaceAll("\\s+", " ").equals(shown.replaceAll("\\s+", " "))) {
                return i + 1;
            }
        }
        throw new AssertionError("no item '" + shown + "' in " + items);
    }

    static void click(WebElement fieldset, String label) {
        for (WebElement l : fieldset.findElements(By.tagName("label"))) {
            if (l.getText().strip().equals(label.strip().replaceAll("\\s+", " "))) {
                l.click();
                return;
            }
        }
        throw new AssertionError("no choice '" + label + "' in " + fieldset.getText());
    }
}
