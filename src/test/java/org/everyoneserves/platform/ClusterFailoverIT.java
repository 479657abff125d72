package org.everyoneserves.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.everyoneserves.content.ContentLoader;
import org.everyoneserves.content.files.QuizFile;
import org.everyoneserves.dev.LocalCluster;
import org.everyoneserves.testing.Api;
import org.everyoneserves.testing.Browser;
import org.everyoneserves.testing.Web;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * Two nodes of the provisioned server behind HAProxy, on a database of their own, started together as a fresh
 * installation would be: a node is killed under a learner's quiz, under API clients writing with Idempotency-Keys,
 * and both are restarted one after the other under steady load. Nobody notices more than a slower answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final Duration START = Duration.ofMinutes(10);
    private static LocalCluster cluster;
    private static Path content;
    private static String dbUrl;

    @RegisterExtension
    static Browser browser = new Browser(() -> cluster.url().toString());

    @BeforeAll
    static void startCluster() throws Exception {
        String itDb = System.getProperty("app.db.url");
        dbUrl = itDb.substring(0, itDb.lastIndexOf('/') + 1) + "everyoneserves_cluster";
        try (Connection connection = DriverManager.getConnection(itDb);
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists everyoneserves_cluster");
            statement.execute("create database everyoneserves_cluster character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        int offset = Integer.getInteger("it.cluster.port.offset", 2000);
        content = Path.of("target/cluster-it-content").toAbsolutePath();
        deleteRecursively(content);
        LocalCluster.copyRecursively(Path.of("content"), content);
        cluster = new LocalCluster(Path.of("").toAbsolutePath(), Path.of("target/cluster-it").toAbsolutePath(), dbUrl,
                8000 + offset, new int[] {offset, offset + 100}, false, Map.of()).content(content);
        long t0 = System.nanoTime();
        cluster.start(START);
        System.out.printf("[cluster] two nodes and HAProxy ready in %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void twoNodesStartingTogetherOnAnEmptyDatabaseMigrateAndImportOnceAndReportTheirHealth() throws SQLException {
        assertEquals(0L, value("select count(*) from flyway_schema_history where success = 0"), "no failed migration");
        assertEquals(1L, value("select count(*) from person where email = ?", Web.demo("noah.fischer")), "the demo company once");
        assertEquals(value("select count(*) from content_item"), value("select count(*) from content_version"),
                "each content item imported once: one version each");
        for (LocalCluster.Node node : cluster.nodes()) {
            HttpResponse<String> health = new Web(node.url().toString()).get("/health/ready");
            assertEquals(200, health.statusCode(), node.name());
            assertEquals(node.name(), health.headers().firstValue("X-Node").orElse(""), "each node names itself");
            String metrics = new Web("http://127.0.0.1:" + node.managementPort()).get("/metrics").body();
            for (String metric : List.of("wildfly_undertow_request_count_total", "wildfly_undertow_active_sessions",
                    "wildfly_datasources_pool_active_count")) {
                assertTrue(metrics.contains(metric), node.name() + " offers Prometheus " + metric);
            }
        }
    }

    /**
     * One SIGKILL for two kinds of client: a learner half-way through a quiz in Chromium, whose node it is, and API clients
     * starting and submitting attempts with Idempotency-Keys, retrying whatever the dying node left unanswered. The node
     * comes back while they write.
     */
    @Test
    @Order(2)
    void aKilledNodeLosesNeitherALearnersSessionAndSavedAnswersNorAnApiWrite() throws Exception {
        QuizFile quiz = ContentLoader.load(Path.of("content")).quizzes().get(0);
        browser.signIn(Web.demo("noah.fischer"), Web.DEMO_PASSWORD);
        browser.open("/learner/quiz.xhtml?id=" + quiz.id());
        browser.clickAndWait(browser.driver().findElements(By.id("start:startButton")).isEmpty() ? "start:continue" : "start:startButton");
        List<WebElement> questions = browser.driver().findElements(By.cssSelector("fieldset.question"));
        assertTrue(questions.size() >= 2, "a quiz to answer");
        int half = questions.size() / 2;
        List<String> picked = new ArrayList<>();
        for (WebElement question : questions.subList(0, half)) {
            WebElement input = question.findElement(By.cssSelector("input[type=radio], input[type=checkbox]"));
            browser.driver().findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
            picked.add(input.getAttribute("id"));
        }
        browser.clickAndWait("attempt:save");
        LocalCluster.Node owner = cluster.node(route());

        List<String> learners = List.of("maya.patel", "oscar.eriksen", "liam.oconnor", "ethan.walker");
        List<String> quizzes = ContentLoader.load(Path.of("content")).quizzes().stream().map(QuizFile::id).limit(12).toList();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger writes = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(learners.size());
        List<Future<?>> running = new ArrayList<>();
        for (String learner : learners) {
            running.add(clients.submit(() -> {
                Api api = new Api(cluster.url() + "");
                retried(() -> api.signIn(Web.demo(learner), Web.DEMO_PASSWORD), statuses, failures);
                for (String code : quizzes) {
                    String startKey = UUID.randomUUID().toString();
                    HttpResponse<String> started = retried(() -> api.post("/attempts", "{\"quizCode\":\"" + code + "\"}", startKey), statuses, failures);
                    writes.incrementAndGet();
                    if (started.statusCode() != 201) {
                        continue;   // refused cleanly (no attempts left): counted in the statuses, checked below
                    }
                    long id = Api.json(started).getJsonNumber("id").longValue();
                    String submitKey = UUID.randomUUID().toString();
                    retried(() -> api.post("/attempts/" + id + "/submit", "{\"answers\":[]}", submitKey), statuses, failures);
                    writes.incrementAndGet();
                }
                return null;
            }));
        }
        awaitWrites(writes, 12, running);
        cluster.kill(owner);

        browser.driver().navigate().refresh();
        assertTrue(browser.driver().getCurrentUrl().contains("/learner/attempt.xhtml"), "still signed in, on the attempt: "
                + browser.driver().getCurrentUrl());
        for (String id : picked) {
            assertTrue(browser.find(id).isSelected(), "the answer saved on the killed node is there: " + id);
        }
        assertNotEquals(owner.name(), route(), "the other node answered");
        browser.clickAndWait("attempt:save");   // a postback on the other node: its view state is there
        assertFalse(browser.driver().getPageSource().contains("ViewExpired"));
        browser.clickAndWait("attempt:submit");
        assertFalse(browser.text("verdict").isBlank(), "the attempt was submitted on the other node");
        browser.screenshot("cluster-result-after-failover");

        awaitWrites(writes, 40, running);
        cluster.launch(owner);
        for (Future<?> client : running) {
            client.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();
        cluster.awaitReady(List.of(owner), START);

        assertEquals(List.of(), failures, "every write ended in an answer after retries");
        assertFalse(statuses.keySet().stream().anyMatch(s -> s.startsWith("5") && !s.equals("503") && !s.equals("502")),
                "no server error besides the load balancer's own while a node died: " + statuses);
        for (String learner : learners) {
            for (String code : quizzes) {
                long open = value("select count(*) from quiz_attempt a join person p on p.id = a.person_id"
                        + " where p.email = ? and a.quiz_code = ? and a.submitted_at is null", Web.demo(learner), code);
                assertEquals(0L, open, learner + " " + code + ": every started attempt was submitted, none started twice");
            }
        }
        assertEquals(0L, value("select count(*) from (select person_id, idem_key, count(*) c from api_idempotency group by person_id, idem_key having c > 1) d"));
    }

    /** Until the clients have sent this many writes, or all of them are done (or failed: their futures say why). */
    private static void awaitWrites(AtomicInteger writes, int count, List<Future<?>> clients) throws InterruptedException {
        while (writes.get() < count && !clients.stream().allMatch(Future::isDone)) {
            Thread.sleep(50);
        }
    }

    /** The node that owns the browser's session, from the route WildFly appends to the session cookie. */
    private static String route() {
        Cookie session = browser.driver().manage().getCookieNamed("ES_SESSION");
        return session.getValue().substring(session.getValue().lastIndexOf('.') + 1);
    }

    /** Sends until an answer comes from the application (not a lost connection or the load balancer's 502/503). */
    private static HttpResponse<String> retried(java.util.function.Supplier<HttpResponse<String>> request, Map<String, Integer> statuses,
                                                List<String> failures) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            try {
                HttpResponse<String> response = request.get();
                statuses.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
                if (response.statusCode() != 502 && response.statusCode() != 503 && response.statusCode() != 504) {
                    return response;
                }
            } catch (RuntimeException | AssertionError lost) {   // a lost connection, or a sign-in refused by a dying node
                statuses.merge("connection lost", 1, Integer::sum);
            }
            Thread.sleep(500);
        }
        failures.add("no answer after 60 tries");
        throw new AssertionError("no answer after 60 tries");
    }

    @Test
    @Order(3)
    void aRollingRestartUnderSteadyLoadFailsNoRequest() throws Exception {
        AtomicBoolean loading = new AtomicBoolean(true);
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger served = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(3);
        List<Future<?>> clients = new ArrayList<>();
        for (String learner : List.of("noah.fischer", "maya.patel", "liam.oconnor")) {
            clients.add(load.submit(() -> {
                Api api = new Api(cluster.url() + "");
                api.signIn(Web.demo(learner), Web.DEMO_PASSWORD);
                Web pages = new Web(cluster.url() + "");
                pages.signIn(Web.demo(learner), Web.DEMO_PASSWORD);
                while (loading.get()) {
                    for (HttpResponse<String> response : List.of(api.get("/me/plan"), pages.get("/learner/index.xhtml"))) {
                        if (response.statusCode() != 200 || response.body().contains("login:password")) {
                            failed.add(response.statusCode() + " " + response.uri() + " via " + response.headers().firstValue("X-Node").orElse("?"));
                        }
                        served.incrementAndGet();
                    }
                    // a person's app and browser at a steady pace that stays under the API's rate limit (300 at once and
                    // 300 a minute per device, counted on each node): with the pages kept while unchanged, a pause of 20 ms
                    // let each client send thousands of reads a minute, and the limit answered 429 as it should
                    Thread.sleep(200);
                }
                return null;
            }));
        }
        for (LocalCluster.Node node : cluster.nodes()) {
            cluster.restartRolling(node, START);   // its sessions are served by the other node meanwhile
        }
        loading.set(false);
        for (Future<?> client : clients) {
            client.get(1, TimeUnit.MINUTES);
        }
        load.shutdown();
        System.out.printf("[cluster] rolling restart: %d requests during it, %d failed%n", served.get(), failed.size());
        assertTrue(served.get() > 100, "the load ran through the restarts: " + served.get() + " requests");
        assertEquals(List.of(), failed, "out of " + served.get() + " requests");
    }

    @Test
    @Order(4)
    void aPersonDeactivatedOnOneNodeIsSignedOutOnTheOther() throws Exception {
        String email = Web.demo("hannah.becker");
        long id = value("select id from person where email = ?", email);
        Web onA = new Web(cluster.node("nodeA").url().toString());
        onA.signIn(email, Web.DEMO_PASSWORD);
        assertEquals(200, onA.get("/learner/index.xhtml").statusCode(), "signed in on node A");
        Api appOnA = new Api(cluster.node("nodeA").url().toString());
        assertEquals(200, appOnA.signIn(email, Web.DEMO_PASSWORD).statusCode());
        assertEquals(200, appOnA.get("/me").statusCode(), "the app on node A, its caller now kept in node A's memory");
        assertEquals(200, appOnA.get("/me").statusCode());
        Web adminOnB = new Web(cluster.node("nodeB").url().toString());
        adminOnB.signIn(Web.demo("alex.morgan"), Web.DEMO_PASSWORD);

        assertEquals(302, adminOnB.press("/admin/person.xhtml?id=" + id, "access", "access:deactivate").statusCode());
        assertEquals(302, onA.get("/learner/index.xhtml").statusCode(), "node A ended the session at once");
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        int status;
        while ((status = appOnA.get("/me").statusCode()) == 200 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(401, status, "node A forgets the app's caller within a poll of the change stamps (a tenth of a second)");
        assertEquals(302, adminOnB.press("/admin/person.xhtml?id=" + id, "access", "access:reactivate").statusCode());
        assertEquals(302, new Web(cluster.node("nodeA").url().toString()).signIn(email, Web.DEMO_PASSWORD).statusCode(),
                "back in after reactivation on the other node");
    }

    @Test
    @Order(5)
    void contentImportedOnOneNodeIsServedByTheOtherAtOnce() throws Exception {
        Path file = content.resolve("tracks/administration/front-desk-first-impressions.md");
        String text = java.nio.file.Files.readString(file);
        String title = "First and last impressions at the front desk";
        assertTrue(text.contains("title: " + title + "\n"), "the module to change");
        Api onA = new Api(cluster.node("nodeA").url().toString());
        onA.signIn(Web.demo("noah.fischer"), Web.DEMO_PASSWORD);
        assertEquals(title, Api.json(onA.get("/modules/front-desk-first-impressions")).getString("title"), "node A has it cached");

        java.nio.file.Files.writeString(file, text.replace("title: " + title + "\n", "title: " + title + ", revised\n"));
        Web adminOnB = new Web(cluster.node("nodeB").url().toString());
        adminOnB.signIn(Web.demo("alex.morgan"), Web.DEMO_PASSWORD);
        HttpResponse<String> checked = adminOnB.press("/admin/content.xhtml", "check", "check:checkButton");
        Map<String, String> apply = new java.util.LinkedHashMap<>();
        apply.put("apply", "apply");
        apply.put("apply:importButton", "x");
        apply.put("jakarta.faces.ViewState", Web.viewState(checked.body()));
        HttpResponse<String> imported = adminOnB.postForm("/admin/content.xhtml", apply);
        assertTrue(imported.body().contains("Imported: 0 new"), "imported on node B: " + imported.statusCode());

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String seen;
        do {
            seen = Api.json(onA.get("/modules/front-desk-first-impressions")).getString("title");
        } while (!seen.endsWith(", revised") && System.nanoTime() < deadline && sleep(200));
        assertEquals(title + ", revised", seen, "node A serves the new version (its catalog copy checks the import generation)");
    }

    private static boolean sleep(long ms) throws InterruptedException {
        Thread.sleep(ms);
        return true;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (java.nio.file.Files.exists(dir)) {
            try (var walk = java.nio.file.Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static long value(String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(dbUrl);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
