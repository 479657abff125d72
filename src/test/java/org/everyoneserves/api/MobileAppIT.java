package org.everyoneserves.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.everyoneserves.testing.Api;
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
 * reaches the server exactly once, even the one whose answer was lost on the way, and one another device answered is
 * refused in words; a module opened before reads offline with its picture after a restart of the app; a phone signed
 * out from the account page is signed out of the app. A finance clerk made by the test books, moves and reflects on a
 * shadowing session in the app (the reflection written offline), sees the server's refusals in words, and goes
 * through every screen in German. The demo learners are ones no other test uses; each browser-side test runs on an
 * origin of its own (a proxy port), so the app starts with nothing stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MobileAppIT {

    private static final String OFFLINE_LEARNER = "ben.carter";
    private static final String SIGNED_OUT_LEARNER = "zoe.martin";
    private static final String QUIZ = "everyone-serves-quiz";
    private static final String FINANCE_QUIZ = "invoices-and-collections-calls-quiz";
    private static final String FINANCE_GUIDE = "shadowing-finance";
    private static final RemotePeople PEOPLE = new RemotePeople(MobileAppIT.class);

    @RegisterExtension
    static Browser browser = new Browser();

    @RegisterExtension
    final ServerClock clock = new ServerClock();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withPeople(MobileAppIT.class);
    }

    /** A new accounts-receivable clerk in finance (owes the finance module, its quiz and shadowing at the support desk). */
    private RemotePeople.Made clerk() {
        RemotePeople.Made manager = PEOPLE.create(NewPerson.named("manager").department("finance").role("people-manager"));
        return PEOPLE.create(NewPerson.named("clerk").department("finance").role("accounts-receivable").startedOn(clock.today())
                .manager(manager.email()));
    }

    /** A new support agent, who may host finance shadows, with slots of {@code seats} seats starting in so many days; their ids. */
    private static List<Long> slots(int seats, int... inDays) {
        long host = PEOPLE.create(NewPerson.named("host").department("customer-support").role("support-agent")).id();
        return Database.slots(host, "App test room " + UUID.randomUUID(), seats, inDays);
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
        signInToAppAs(Web.demo(person));
    }

    private void signInToAppAs(String email) {
        browser.find("email").sendKeys(email);
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
        assertTrue(overflow.longValue() <= 0, page + ": nothing runs off a " + script("return window.innerWidth") + " px screen: " + overflow);
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
            waiting(15).until(d -> pictureShown());
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
            Api otherDevice = Api.signedIn(Web.demo(OFFLINE_LEARNER));
            JsonObject set = Api.json(otherDevice.get("/refreshers/today"));
            JsonObject first = set.getJsonArray("items").getJsonObject(0);
            assertEquals(200, otherDevice.post("/refreshers/answers", refresherAnswer(set.getString("day"), first)).statusCode(),
                    "another device answers one of them first");
            int queued = Integer.parseInt(browser.text("waiting").replaceAll("\\D.*", ""));
            assertTrue(queued >= items + 2, "the quiz's answers (one save, or two when Background Sync tried the first), its submission "
                    + "and each refresher: " + browser.text("waiting"));
            browser.screenshot("app-today-offline");

            // the app starts again with no network and no HTTP cache: what shows comes from the service worker's caches
            chrome().executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            browser.driver().navigate().refresh();
            waiting(20).until(d -> !d.findElements(By.id("done-today")).isEmpty());
            assertEquals("rgb(11, 110, 79)", script("return getComputedStyle(document.querySelector('.bar')).backgroundColor"),
                    "the colours shared with the pages (tokens.css) are in the shell cache");
            go("#/module/everyone-serves", "Everyone serves");
            assertTrue(browser.driver().findElement(By.cssSelector(".module-text")).getText().length() > 1000,
                    "a module opened before reads offline");
            waiting(15).until(d -> pictureShown());
            assertTrue(browser.driver().findElement(By.cssSelector(".module-text img")).getDomAttribute("alt").startsWith("One order meets four teams"));
            chrome().executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
            script("document.querySelector('.module-text img').scrollIntoView({block: 'center'})");
            browser.screenshot("app-module-offline");
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
            assertTrue(browser.text("refused-list").contains("You already answered this question today (on another device?)."),
                    "the answer another device gave first is refused in words: " + browser.text("refused-list"));
            assertEquals(1, browser.driver().findElements(By.cssSelector("#refused-list li")).size(), browser.text("refused-list"));

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
            assertEquals(items - 1, ((Number) script("return [...document.querySelectorAll('article.refresher')].filter(a => a.querySelector('input:checked')"
                    + " || [...a.querySelectorAll('select')].some(s => s.value)).length")).intValue(),
                    "each answer given here shows next to its outcome, but not next to the outcome of the answer another device gave first");
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

    private boolean pictureShown() {
        return Boolean.TRUE.equals(script("const picture = document.querySelector('.module-text img');"
                + " return picture !== null && picture.complete && picture.naturalWidth > 0"));
    }

    /** The first choice, false, or the order shown, as a refresher answer for {@code day}. */
    private static String refresherAnswer(String day, JsonObject item) {
        String kind = item.getString("kind");
        List<Integer> indexes = item.getJsonArray("options").getValuesAs(JsonObject.class).stream().map(o -> o.getInt("index")).toList();
        String answer = kind.equals("TRUE_FALSE") ? "\"value\":false"
                : kind.equals("ORDERING") ? "\"choices\":" + indexes : "\"choices\":[" + indexes.get(0) + "]";
        return "{\"day\":\"" + day + "\",\"cardId\":" + item.getJsonNumber("cardId") + "," + answer + "}";
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
    void aShadowBooksAndMovesASeatAndReflectsOfflineInTheApp() throws Exception {
        List<Long> slots = slots(3, 20, 21);
        RemotePeople.Made shadow = clerk();
        String picker = "slot-" + FINANCE_GUIDE;
        try (SwitchableProxy proxy = new SwitchableProxy(URI.create(Web.BASE).getPort())) {
            openApp("http://localhost:" + proxy.port());
            signInToAppAs(shadow.email());
            go("#/shadowing", "Shadowing");
            waiting(15).until(d -> !d.findElements(By.id(picker + "-" + slots.get(0))).isEmpty());
            browser.assertAccessible("app-shadowing-book");
            assertFitsAPhone("shadowing");
            browser.screenshot("app-shadowing-book");
            click(browser.find("book-" + FINANCE_GUIDE));
            assertEquals("Choose a time first.", browser.text(picker + "-error"), "nothing picked: said next to the times");

            click(browser.find(picker + "-" + slots.get(0)));
            click(browser.find("book-" + FINANCE_GUIDE));
            waiting(15).until(d -> !d.findElements(By.id("move-" + FINANCE_GUIDE)).isEmpty());
            long booking = ((Number) Database.value("select id from shadowing_booking where person_id = ?", shadow.id())).longValue();
            assertEquals(slots.get(0), ((Number) Database.value("select slot_id from shadowing_booking where id = ?", booking)).longValue());
            assertTrue(browser.text("booking-" + booking).startsWith("Booked: "), browser.text("booking-" + booking));
            assertTrue(browser.driver().findElements(By.id(picker + "-" + slots.get(0))).isEmpty(), "my own time is not offered to move to");

            click(browser.find(picker + "-" + slots.get(1)));
            click(browser.find("move-" + FINANCE_GUIDE));
            waiting(15).until(d -> !d.findElements(By.id(picker + "-" + slots.get(0))).isEmpty());
            assertEquals(slots.get(1), ((Number) Database.value("select slot_id from shadowing_booking where id = ?", booking)).longValue(),
                    "moved to the second time");
            assertEquals(1L, ((Number) Database.value("select count(*) from shadowing_booking where person_id = ?", shadow.id())).longValue());
            assertEquals(List.of(0L, 1L), List.of(
                    ((Number) Database.value("select booked from shadowing_slot where id = ?", slots.get(0))).longValue(),
                    ((Number) Database.value("select booked from shadowing_slot where id = ?", slots.get(1))).longValue()),
                    "the seat of the first time is free again");

            clock.aheadBy(Duration.ofDays(21).plusHours(1));
            go("#/sync", "Sync and account");
            go("#/shadowing", "Shadowing");
            waiting(20).until(d -> !d.findElements(By.cssSelector("a[href='#/reflect/" + booking + "']")).isEmpty());
            browser.screenshot("app-shadowing-after");

            proxy.mode(SwitchableProxy.Mode.OFF);
            network(false);
            waiting(5).until(d -> d.findElement(By.id("connection")).isDisplayed());
            click(browser.driver().findElement(By.cssSelector("a[href='#/reflect/" + booking + "']")));
            waiting(15).until(d -> d.findElement(By.id("page-title")).getText().equals("Reflection"));
            assertEquals("page-title", script("return document.activeElement.id"), "the new screen's heading has the focus");
            click(browser.find("send-reflection"));
            assertEquals("Answer this question.", browser.text("answer-0-error"), "said next to the empty answer");
            assertEquals("answer-0", script("return document.activeElement.id"), "and the first empty answer has the focus");
            int questions = browser.driver().findElements(By.cssSelector("textarea[id^=answer-]")).size();
            assertTrue(questions >= 2, "the guide's questions: " + questions);
            for (int i = 0; i < questions; i++) {
                browser.find("answer-" + i).sendKeys("What I saw, part " + (i + 1) + ".");
            }
            browser.find("takeaway").sendKeys("Promise a time and keep it.");
            click(browser.find("friction-WAITING"));
            browser.assertAccessible("app-reflection-offline");
            assertFitsAPhone("reflection");
            browser.screenshot("app-reflection-offline");
            click(browser.find("send-reflection"));
            waiting(10).until(d -> !d.findElements(By.id("reflection-waiting-" + booking)).isEmpty());
            assertEquals(0L, ((Number) Database.value("select count(*) from shadowing_reflection where booking_id = ?", booking)).longValue());

            proxy.mode(SwitchableProxy.Mode.ON);
            network(true);
            waiting(60).until(d -> d.findElement(By.id("main")).getText().contains("Your reflection has reached the server."));
            assertEquals(1L, ((Number) Database.value("select count(*) from shadowing_reflection where booking_id = ?", booking)).longValue(),
                    "the reflection written offline reached the server once");
            assertEquals("Promise a time and keep it.", Database.value("select takeaway from shadowing_reflection where booking_id = ?", booking));
            assertEquals("WAITING", Database.value("select f.friction from reflection_friction f join shadowing_reflection r"
                    + " on r.id = f.reflection_id where r.booking_id = ?", booking));
            assertTrue(browser.driver().findElements(By.cssSelector("a[href='#/reflect/" + booking + "']")).isEmpty());
            assertNoCspViolations();
        } finally {
            network(true);
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void whenTheServerRefusesTheAppSaysWhy() throws Exception {
        RemotePeople.Made learner = clerk();
        try (SwitchableProxy proxy = new SwitchableProxy(URI.create(Web.BASE).getPort())) {
            openApp("http://localhost:" + proxy.port());
            browser.driver().manage().window().setSize(new Dimension(430, 932));
            signInToAppAs(learner.email());
            go("#/quiz/" + FINANCE_QUIZ, "Invoices and collections calls");
            browser.find("start").click();
            waiting(15).until(d -> !d.findElements(By.id("submit")).isEmpty());
            String attemptId = ((String) script("return location.hash")).replace("#/attempt/", "");

            proxy.mode(SwitchableProxy.Mode.OFF);
            network(false);
            answerEveryQuestion(By.cssSelector("form.attempt fieldset.question"));
            click(browser.find("submit"));
            waiting(10).until(d -> d.findElement(By.id("main")).getText().contains("Your answers wait to be sent"));
            Api otherDevice = Api.signedIn(learner.email());
            assertEquals(200, otherDevice.post("/attempts/" + attemptId + "/submit", "{\"answers\":[]}").statusCode(),
                    "another device submits the attempt first");

            proxy.mode(SwitchableProxy.Mode.ON);
            network(true);
            waiting(60).until(d -> d.findElement(By.id("main")).getText()
                    .contains("This attempt was already submitted (on another device?). Nothing was changed."));
            assertTrue(browser.text("score").startsWith("Not passed: 0 of "), "the result the server has: " + browser.text("score"));
            browser.assertAccessible("app-refused");
            browser.screenshot("app-refused");
            go("#/sync", "Sync and account");
            assertTrue(browser.text("refused-list").contains("already submitted"), browser.text("refused-list"));
            assertTrue(browser.text("refused-list").contains("Not sent, because the change before it was refused."),
                    "the submission queued after the refused answers was not sent: " + browser.text("refused-list"));
            assertEquals(1L, ((Number) Database.value("select count(*) from quiz_attempt where person_id = ? and quiz_code = ?",
                    learner.id(), FINANCE_QUIZ)).longValue());

            go("#/quiz/" + FINANCE_QUIZ, "Invoices and collections calls");
            assertEquals("1 of 3 attempts used", browser.text("attempts-left"));
            for (int i = 0; i < 2; i++) {
                long other = Api.json(otherDevice.post("/attempts", "{\"quizCode\":\"" + FINANCE_QUIZ + "\"}")).getJsonNumber("id").longValue();
                assertEquals(200, otherDevice.post("/attempts/" + other + "/submit", "{\"answers\":[]}").statusCode());
            }
            browser.find("start").click();
            waiting(15).until(d -> !d.findElement(By.id("start-error")).getText().isEmpty());
            assertEquals("All attempts at this quiz are used.", browser.text("start-error"), "the other device used the last attempts");
            assertEquals(3L, ((Number) Database.value("select count(*) from quiz_attempt where person_id = ? and quiz_code = ?",
                    learner.id(), FINANCE_QUIZ)).longValue());
        } finally {
            network(true);
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }

    /** The English words of the app that its German does not share (static texts and the fixed parts of templates). */
    private static List<String> englishOnlyWords() throws Exception {
        String source = Files.readString(Path.of("src/main/webapp/app/js/i18n.js"));
        String[] bundles = source.split("const de = \\{");
        List<String> german = texts(bundles[1]);
        return texts(bundles[0]).stream().filter(text -> !german.contains(text)).toList();
    }

    private static List<String> texts(String bundle) {
        List<String> texts = new ArrayList<>();
        Matcher entry = Pattern.compile("^ {4}'[\\w.]+': (?:[^=\\n]*=> )?(['`\"])((?:[^\\\\\\n]|\\\\.)*?)\\1,$", Pattern.MULTILINE).matcher(bundle);
        while (entry.find()) {
            for (String part : entry.group(2).replace("\\'", "'").split("\\$\\{[^}]*}")) {
                if (part.trim().contains(" ") && part.trim().length() >= 8) {
                    texts.add(part.trim());
                }
            }
        }
        return texts;
    }

    /** The app's own words on screen (not the training content, which has one language), none of them English-only. */
    private void assertGerman(String screen, List<String> english) {
        assertEquals("de", script("return document.documentElement.lang"), screen);
        String words = (String) script("const copy = document.body.cloneNode(true);"
                + " copy.querySelectorAll('.module-text, form.attempt .question legend, form.attempt .question label, .refresher legend,"
                + " .refresher label, .question__situation, .card__title, .list__link, .list__heading, .list__item > p:not(.list__meta),"
                + " .form .field > label[for^=answer-], .form label[for=takeaway], #language').forEach(e => e.remove());"
                + " return copy.innerText + ' ' + [...copy.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label')).join(' ')");
        List<String> found = english.stream().filter(words::contains).toList();
        assertEquals(List.of(), found, screen + " shows English: " + words);
        assertEquals("English", browser.text("language"), screen);
        assertFitsAPhone(screen + " in German");
    }

    @Test
    void everyScreenOfTheAppIsInGerman() throws Exception {
        List<String> english = englishOnlyWords();
        assertTrue(english.size() > 100, "the English texts were read from i18n.js: " + english.size());
        List<Long> slots = slots(3, 20);
        RemotePeople.Made learner = clerk();
        try (SwitchableProxy proxy = new SwitchableProxy(URI.create(Web.BASE).getPort())) {
            openApp("http://localhost:" + proxy.port());
            browser.driver().manage().window().setSize(new Dimension(320, 640));
            browser.find("language").click();
            waiting(5).until(d -> "Anmelden".equals(d.findElement(By.id("page-title")).getText()));
            browser.find("signin").click();
            assertEquals("Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.", browser.text("signin-error"));
            assertGerman("sign-in", english);
            signInToAppAs(learner.email());
            assertEquals("Auffrischung für heute", browser.text("page-title"));
            assertEquals(List.of("Heute", "Plan", "Hospitieren", "Postfach", "Abgleich"),
                    browser.driver().findElements(By.cssSelector("#nav .tab")).stream().map(WebElement::getText).toList());
            assertGerman("today", english);

            go("#/plan", "Mein Plan");
            assertTrue(browser.text("plan-summary").matches("\\d+ von \\d+ Pflichtpunkten erledigt\\."), browser.text("plan-summary"));
            assertGerman("plan", english);
            browser.screenshot("app-plan-de");
            go("#/module/invoices-and-collections-calls", "Invoices and collections calls");
            assertGerman("module", english);
            go("#/quiz/" + FINANCE_QUIZ, "Invoices and collections calls");
            assertEquals("0 von 3 Versuchen genutzt", browser.text("attempts-left"));
            assertGerman("quiz", english);
            browser.find("start").click();
            waiting(15).until(d -> !d.findElements(By.id("submit")).isEmpty());
            assertGerman("attempt", english);
            browser.assertAccessible("app-attempt-de");
            browser.screenshot("app-attempt-de");
            click(browser.find("submit"));
            waiting(5).until(d -> !d.findElement(By.id("submit-error")).getText().isEmpty());
            assertTrue(browser.text("submit-error").endsWith("keine Antwort. Nochmals abgeben, um so zu senden."), browser.text("submit-error"));
            click(browser.find("submit"));
            waiting(30).until(d -> !d.findElements(By.id("score")).isEmpty());
            assertTrue(browser.text("score").startsWith("Nicht bestanden: 0 von "), browser.text("score"));
            assertGerman("result", english);

            go("#/shadowing", "Hospitieren");
            waiting(15).until(d -> !d.findElements(By.id("slot-" + FINANCE_GUIDE + "-" + slots.get(0))).isEmpty());
            assertGerman("shadowing", english);
            click(browser.find("slot-" + FINANCE_GUIDE + "-" + slots.get(0)));
            click(browser.find("book-" + FINANCE_GUIDE));
            waiting(15).until(d -> !d.findElements(By.id("move-" + FINANCE_GUIDE)).isEmpty());
            long booking = ((Number) Database.value("select id from shadowing_booking where person_id = ?", learner.id())).longValue();
            assertTrue(browser.text("booking-" + booking).startsWith("Gebucht: "), browser.text("booking-" + booking));
            assertGerman("shadowing booked", english);
            browser.screenshot("app-shadowing-de");
            clock.aheadBy(Duration.ofDays(20).plusHours(1));
            go("#/sync", "Abgleich und Konto");
            go("#/shadowing", "Hospitieren");
            waiting(20).until(d -> !d.findElements(By.cssSelector("a[href='#/reflect/" + booking + "']")).isEmpty());
            click(browser.driver().findElement(By.cssSelector("a[href='#/reflect/" + booking + "']")));
            waiting(15).until(d -> d.findElement(By.id("page-title")).getText().equals("Reflexion"));
            click(browser.find("send-reflection"));
            assertEquals("Beantworten Sie diese Frage.", browser.text("answer-0-error"));
            assertGerman("reflection", english);
            browser.assertAccessible("app-reflection-de");

            go("#/notifications", "Nachrichten");
            assertGerman("notifications", english);
            go("#/sync", "Abgleich und Konto");
            assertTrue(browser.text("in-step").startsWith("Zuletzt mit dem Server abgeglichen"), browser.text("in-step"));
            assertGerman("sync", english);
            browser.screenshot("app-sync-de");
            click(browser.find("sign-out"));
            waiting(15).until(d -> !d.findElements(By.id("email")).isEmpty());
            assertEquals("Sie sind abgemeldet.", browser.driver().findElement(By.cssSelector("main .notice")).getText());
            assertGerman("signed out", english);
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
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
