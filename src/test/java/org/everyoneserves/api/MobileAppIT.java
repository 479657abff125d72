package org.everyoneserves.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.everyoneserves.testing.Api;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The mobile app at /app/ in a phone-sized Chromium: it installs (manifest, service worker), a software engineer
 * answers the day's refreshers and a quiz on a train with no network, and when the network returns each answer
 * reaches the server exactly once, even the one whose answer was lost on the way; a phone signed out from the
 * account page is signed out of the app. The people are demo learners no other test uses.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MobileAppIT {

    private static final String OFFLINE_LEARNER = "ben.carter";
    private static final String SIGNED_OUT_LEARNER = "zoe.martin";
    private static final String QUIZ = "everyone-serves-quiz";

    @RegisterExtension
    static Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.marker(MobileAppIT.class);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    private ChromeDriver chrome() {
        return (ChromeDriver) browser.driver();
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }

    private WebDriverWait waiting(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Opens the app on a phone-sized window, recording any Content-Security-Policy violation from the start. */
    private void openApp(String base) {
        chrome().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.cspViolations = []; document.addEventListener('securitypolicyviolation', e => "
                        + "window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
                        + "window.appErrors = []; window.addEventListener('error', e => window.appErrors.push(String(e.message)));"
                        + "window.addEventListener('unhandledrejection', e => window.appErrors.push(String(e.reason && e.reason.stack || e.reason)));"));
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.driver().get(base + "/app/");
    }

    private void signInToApp(String person) {
        browser.find("email").sendKeys(Web.demo(person));
        browser.find("password").sendKeys(Web.DEMO_PASSWORD);
        browser.find("signin").click();
        waiting(20).until(d -> !d.findElements(By.id("streak")).isEmpty());
    }

    private void go(String hash, String heading) {
        script("location.hash = arguments[0]", hash);
        waiting(15).until(d -> d.findElement(By.id("page-title")).getText().contains(heading));
    }

    private void assertNoCspViolations() {
        assertEquals(List.of(), script("return window.cspViolations"), "the app runs under the pages' strict CSP");
    }

    private void assertFitsAPhone(String page) {
        Number overflow = (Number) script("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow.longValue() <= 0, page + ": nothing runs off a 390 px screen: " + overflow);
    }

    private void network(boolean online) {
        chrome().executeCdpCommand("Network.enable", Map.of());
        chrome().executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void theAppInstallsFromTheBrowser() throws Exception {
        openApp(Web.BASE);
        browser.find("email");
        String manifestHref = (String) script("return document.querySelector('link[rel=manifest]').href");
        Web web = new Web();
        HttpResponse<String> manifestResponse = web.get(URI.create(manifestHref).getPath());
        assertEquals(200, manifestResponse.statusCode());
        assertEquals("application/manifest+json", manifestResponse.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        JsonObject manifest = (JsonObject) Api.parse(manifestResponse.body());
        assertEquals("Everyone Serves", manifest.getString("name"));
        assertEquals("standalone", manifest.getString("display"));
        assertEquals("./#/today", manifest.getString("start_url"));
        assertTrue(manifest.getString("theme_color").matches("#[0-9a-f]{6}"));
        for (var icon : manifest.getJsonArray("icons").getValuesAs(JsonObject.class)) {
            HttpResponse<byte[]> png = web.getBytes("/app/" + icon.getString("src"));
            assertEquals(200, png.statusCode(), icon.getString("src"));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertEquals(icon.getString("sizes"), image.getWidth() + "x" + image.getHeight(), icon.getString("src"));
        }
        assertTrue(manifest.getJsonArray("icons").getValuesAs(JsonObject.class).stream().anyMatch(i -> "512x512".equals(i.getString("sizes"))));

        waiting(20).until(d -> Boolean.TRUE.equals(script("return navigator.serviceWorker.controller !== null")));
        assertEquals("activated", script("return navigator.serviceWorker.controller.state"));
        assertTrue(((String) script("return navigator.serviceWorker.controller.scriptURL")).endsWith("/app/sw.js"));
        Object shell = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[0]; caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))"
                        + ".then(lists => done(lists.flat().map(r => new URL(r.url).pathname)))");
        assertTrue(((List<?>) shell).contains("/app/js/main.js"), "the app's files are kept for offline starts: " + shell);
        assertEquals("Sign in", browser.text("page-title"));
        browser.assertAccessible("app-sign-in");
        assertNoCspViolations();
        browser.screenshot("app-sign-in");

        browser.find("signin").click();
        assertEquals("Enter your e-mail and password.", browser.text("signin-error"), "said next to the form, not by the server");
        browser.find("language").click();
        waiting(5).until(d -> "Anmelden".equals(d.findElement(By.id("page-title")).getText()));
        assertEquals("de", script("return document.documentElement.lang"));
        browser.screenshot("app-sign-in-de");
        browser.find("language").click();
        waiting(5).until(d -> "Sign in".equals(d.findElement(By.id("page-title")).getText()));
    }

    @Test
    void refreshersAndAQuizAnsweredOfflineReachTheServerExactlyOnce() throws Exception {
        int target = URI.create(Web.BASE).getPort();
        try (SwitchableProxy proxy = new SwitchableProxy(target)) {
            String base = "http://localhost:" + proxy.port();
            openApp(base);
            signInToApp(OFFLINE_LEARNER);
            waiting(20).until(d -> Boolean.TRUE.equals(script("return navigator.serviceWorker.controller !== null")));
            browser.assertAccessible("app-today");
            browser.screenshot("app-today");
            int items = browser.driver().findElements(By.cssSelector("article.refresher")).size();
            assertTrue(items >= 3, "a set of 3 to 5 refreshers: " + items);

            go("#/plan", "My plan");
            browser.assertAccessible("app-plan");
            assertFitsAPhone("plan");
            browser.screenshot("app-plan");
            go("#/module/everyone-serves", "Everyone serves");
            go("#/quiz/" + QUIZ, "Everyone serves: check your understanding");
            assertTrue(browser.text("attempts-left").startsWith("2 of 3"), browser.text("attempts-left"));
            browser.find("start").click();
            waiting(15).until(d -> !d.findElements(By.id("submit")).isEmpty());
            String attemptId = ((String) script("return location.hash")).replace("#/attempt/", "");

            proxy.mode(SwitchableProxy.Mode.OFF);
            network(false);
            waiting(5).until(d -> d.findElement(By.id("connection")).isDisplayed());

            answerEveryQuestion(By.cssSelector("form.attempt fieldset.question"));
            browser.assertAccessible("app-quiz-offline");
            assertFitsAPhone("quiz");
            browser.screenshot("app-quiz-offline");
            click(browser.find("submit"));
            waiting(10).until(d -> d.findElement(By.id("main")).getText().contains("Your answers wait to be sent"));

            go("#/today", "Today's refreshers");
            click(browser.find("check-" + firstCardId()));
            for (int answered = 0; answered < items; answered++) {
                WebElement item = browser.driver().findElements(By.cssSelector("article.refresher")).stream()
                        .filter(a -> !a.findElements(By.cssSelector("button[id^=check-]")).isEmpty()).findFirst().orElseThrow();
                if (answered == 0) {
                    assertEquals("Choose an answer first.", item.findElement(By.cssSelector(".field-error")).getText(),
                            "nothing picked: said next to the question");
                }
                answer(item.findElement(By.cssSelector("fieldset.question")));
                String id = item.getDomAttribute("id").replace("refresher-", "");
                click(item.findElement(By.id("check-" + id)));
                try {
                    waiting(10).until(d -> !d.findElements(By.id("pending-" + id)).isEmpty());
                } catch (org.openqa.selenium.TimeoutException e) {
                    throw new AssertionError("answer " + id + " not kept; online " + script("return navigator.onLine")
                            + ", script errors: " + script("return window.appErrors"), e);
                }
            }
            assertEquals(items + "/" + items, browser.text("done-today"));
            int queued = Integer.parseInt(browser.text("waiting").replaceAll("\\D.*", ""));
            assertTrue(queued >= items + 2, "the quiz's answers (one save, or two when Background Sync tried the first), its submission "
                    + "and each refresher: " + browser.text("waiting"));
            browser.screenshot("app-today-offline");

            go("#/module/everyone-serves", "Everyone serves");
            assertTrue(browser.driver().findElement(By.cssSelector(".module-text")).getText().length() > 1000,
                    "a module opened before reads offline");
            browser.driver().manage().window().setSize(new Dimension(320, 700));
            assertFitsAPhone("module at 320 px");
            browser.driver().manage().window().setSize(new Dimension(390, 844));

            go("#/sync", "Sync and account");
            assertEquals(queued, browser.driver().findElements(By.cssSelector("#waiting-list li")).size());
            browser.assertAccessible("app-sync-offline");
            browser.screenshot("app-sync-offline");

            proxy.mode(SwitchableProxy.Mode.LOSE_NEXT_ANSWER);
            network(true);
            assertTrue(proxy.awaitLostAnswer(60), "the app sent its first write when the connection returned");
            proxy.mode(SwitchableProxy.Mode.ON);
            network(false);
            network(true);
            waiting(60).until(d -> d.findElements(By.cssSelector("#waiting-list li")).isEmpty()
                    && d.findElement(By.id("in-step")).getText().startsWith("Last in step"));
            assertNoCspViolations();

            Api api = Api.signedIn(Web.demo(OFFLINE_LEARNER));
            JsonObject today = Api.json(api.get("/refreshers/today"));
            assertEquals(items, today.getInt("answered"), "every refresher answered offline reached the server");
            long person = ((Number) Database.value("select id from person where email = ?", Web.demo(OFFLINE_LEARNER))).longValue();
            assertEquals(items, ((Number) Database.value("select count(*) from refresher_answer where person_id = ? and day = ?",
                    person, java.sql.Date.valueOf(today.getString("day")))).intValue(), "each answer once");
            assertEquals(1, ((Number) Database.value("select count(*) from quiz_attempt where person_id = ? and quiz_code = ? and number = 3",
                    person, QUIZ)).intValue());
            assertEquals(3, ((Number) Database.value("select count(*) from quiz_attempt where person_id = ? and quiz_code = ? and submitted_at is not null",
                    person, QUIZ)).intValue(), "the attempt submitted once, with its answers");
            JsonObject result = Api.json(api.get("/attempts/" + attemptId + "/result"));
            assertEquals(result.getInt("total"), result.getJsonArray("questions").getValuesAs(JsonObject.class).stream()
                    .filter(q -> q.getBoolean("answered")).count(), "every answer given offline was scored");
            assertEquals(1, proxy.lost().size(), "one answer was lost on the way: " + proxy.lost());

            go("#/result/" + attemptId, "Everyone serves");
            assertTrue(browser.text("score").contains(result.getInt("correct") + " of " + result.getInt("total")), browser.text("score"));
            go("#/today", "Today's refreshers");
            waiting(15).until(d -> d.findElements(By.cssSelector("[id^=outcome-]")).size() == items);
            browser.assertAccessible("app-today-done");
            browser.screenshot("app-today-done");
            go("#/shadowing", "Shadowing");
            browser.assertAccessible("app-shadowing");
            browser.screenshot("app-shadowing");
            go("#/notifications", "Notifications");
            browser.assertAccessible("app-notifications");
        } finally {
            network(true);
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private String firstCardId() {
        return browser.driver().findElement(By.cssSelector("article.refresher")).getDomAttribute("id").replace("refresher-", "");
    }

    private void answerEveryQuestion(By questions) {
        for (WebElement question : browser.driver().findElements(questions)) {
            answer(question);
        }
    }

    private void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Picks the first choice, or puts an ordering question's items in the order shown. */
    private void answer(WebElement question) {
        List<WebElement> selects = question.findElements(By.tagName("select"));
        if (selects.isEmpty()) {
            click(question.findElement(By.cssSelector("input")));
        } else {
            for (int i = 0; i < selects.size(); i++) {
                script("arguments[0].scrollIntoView({block: 'center'})", selects.get(i));
                new Select(selects.get(i)).selectByValue(String.valueOf(i + 1));
            }
        }
    }

    @Test
    void aPhoneSignedOutFromTheAccountPageIsSignedOutOfTheApp() {
        openApp(Web.BASE);
        browser.driver().manage().deleteAllCookies();
        signInToApp(SIGNED_OUT_LEARNER);
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.signIn(Web.demo(SIGNED_OUT_LEARNER), Web.DEMO_PASSWORD);
        browser.open("/account/index.xhtml");
        assertTrue(browser.text("deviceList").contains("Everyone Serves app (Chrome, Linux)"), browser.text("deviceList"));
        browser.clickAndWait(By.xpath("//table[@id='deviceList']//tr[contains(., 'Everyone Serves app')]//input[@type='submit']"));
        assertTrue(browser.find("messages").getText().contains("is signed out"), browser.find("messages").getText());

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.driver().get(Web.BASE + "/app/");
        waiting(20).until(d -> !d.findElements(By.id("email")).isEmpty());
        assertTrue(browser.driver().findElement(By.cssSelector("main .notice")).getText().contains("This device was signed out"),
                "the app says why it asks for the password again");
        assertEquals(Boolean.FALSE, ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[0]; const r = indexedDB.open('everyone-serves-app');"
                        + "r.onsuccess = () => { const g = r.result.transaction('kv').objectStore('kv').get('auth'); g.onsuccess = () => done(g.result !== undefined); };"),
                "no token is kept after the sign-out");
        browser.screenshot("app-signed-out");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }
}
