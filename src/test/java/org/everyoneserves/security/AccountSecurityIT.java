package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everyoneserves.testing.Api;
import org.everyoneserves.testing.Browser;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.MailServer;
import org.everyoneserves.testing.MailSwitch;
import org.everyoneserves.testing.NewPerson;
import org.everyoneserves.testing.RemotePeople;
import org.everyoneserves.testing.ServerClock;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12 as people and attackers meet it over HTTP and in the browser: sign-in throttling that slows the attacker's
 * address and not the owner, password resets by e-mail that end every sign-in, sessions that follow the account, the
 * trusted proxy, and the security log. The test server trusts 127.0.0.1 as its proxy, so a test chooses its client
 * address with X-Forwarded-For ({@link Web#viaProxy}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountSecurityIT {

    private static final Pattern RESET_LINK = Pattern.compile("https?://\\S+(/password\\.xhtml\\?token=[A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "lantern orbit teacup 7";

    @RegisterExtension
    static Browser browser = new Browser();

    @RegisterExtension
    ServerClock clock = new ServerClock();

    @RegisterExtension
    MailSwitch mail = new MailSwitch(AccountSecurityIT.class);

    private final RemotePeople people = new RemotePeople(AccountSecurityIT.class);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withPeople(AccountSecurityIT.class);
    }

    @AfterEach
    void signOutBrowser() {
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void wrongPasswordsSlowTheirAddressWhileTheOwnerGetsInFromAnother() {
        RemotePeople.Made owner = agent("slowed");
        Web attacker = new Web().viaProxy("198.51.100.7", false);
        for (int i = 0; i < 4; i++) {
            assertTrue(attacker.signIn(owner.email(), "guess number " + i).body().contains("do not match an active account"), "guess " + i);
        }
        HttpResponse<String> waiting = attacker.signIn(owner.email(), Web.DEMO_PASSWORD);
        assertEquals(200, waiting.statusCode());
        assertTrue(Pattern.compile("Please wait \\d+ seconds").matcher(waiting.body()).find(), "this address waits before any password is checked");

        assertEquals(302, new Web().viaProxy("203.0.113.20", false).signIn(owner.email(), Web.DEMO_PASSWORD).statusCode(),
                "the owner, from their own address, is not slowed by the attacker's failures");
        clock.aheadBy(Duration.ofSeconds(11));
        assertEquals(302, attacker.signIn(owner.email(), Web.DEMO_PASSWORD).statusCode(), "after the wait, the address may try again");
    }

    @Test
    void failuresFromManyAddressesLockTheAccountOnlyForThemAndTheLockIsLogged() throws IOException {
        RemotePeople.Made owner = agent("targeted");
        for (int i = 0; i < SignInThrottle.ACCOUNT_LOCK_AT; i++) {
            Web attacker = new Web().viaProxy("198.51.100." + (10 + i / SignInThrottle.FREE_FAILURES), false);
            assertTrue(attacker.signIn(owner.email(), "guess " + i).body().contains("do not match an active account"), "guess " + i);
        }
        HttpResponse<String> locked = new Web().viaProxy("198.51.100.10", false).signIn(owner.email(), Web.DEMO_PASSWORD);
        assertTrue(locked.body().contains("Too many failed sign-ins"), "an address that failed is refused while the account is locked");
        assertEquals(302, new Web().viaProxy("192.0.2.33", false).signIn(owner.email(), Web.DEMO_PASSWORD).statusCode(),
                "the right password from an address that never failed is let in");

        String log = Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log", "security.log"));
        assertTrue(log.contains("event=account.locked account=" + SecurityLog.accountHash(owner.email()) + " last_address=198.51.100.13"), log);
        assertTrue(log.contains("event=sign_in.failure person=" + owner.id() + " address=198.51.100.10 channel=web"), log);
        assertTrue(log.contains("event=sign_in.throttled person=" + owner.id() + " address=198.51.100.10"), log);
        assertTrue(log.contains("event=sign_in.success person=" + owner.id() + " address=192.0.2.33 channel=web"), log);
        assertFalse(log.contains("guess 3") || log.contains(Web.DEMO_PASSWORD) || log.contains(owner.email()),
                "no password, and no e-mail, in the security log");
    }

    @Test
    void aResetLinkComesByEmailOnlyAndTheNewPasswordSignsOutEverywhere() throws Exception {
        RemotePeople.Made person = agent("forgetful");
        Web elsewhere = new Web();
        assertEquals(302, elsewhere.signIn(person.email(), Web.DEMO_PASSWORD).statusCode());
        Api phone = Api.signedIn(person.email());

        browser.open("/forgot-password.xhtml");
        assertTrue(browser.text("demoBanner").contains("Demo installation"), "demo mode says so on every page");
        browser.type("forgot:email", person.email());
        browser.clickAndWait("forgot:send");
        assertTrue(browser.text("sent").contains("a reset link is on its way"), browser.text("sent"));
        assertFalse(browser.driver().getPageSource().contains("token="), "the link is never shown to whoever asks, in demo mode neither");
        browser.screenshot("forgot-password-sent");

        MimeMessage mail = MailServer.await(person.email(), m -> MailServer.subject(m).startsWith("Choose a new password"), Duration.ofSeconds(30));
        Matcher link = RESET_LINK.matcher(String.valueOf(mail.getContent()));
        assertTrue(link.find(), "the e-mail has the link under APP_PUBLIC_URL: " + mail.getContent());
        browser.open(link.group(1));
        browser.type("password:newPassword", "password1234");
        browser.type("password:confirmation", "password1234");
        browser.clickAndWait("password:save");
        assertTrue(browser.driver().getPageSource().contains("one of the most common"), "a common password is refused next to the field");
        browser.type("password:newPassword", NEW_PASSWORD);
        browser.type("password:confirmation", NEW_PASSWORD);
        browser.clickAndWait("password:save");
        assertTrue(browser.text("passwordSet").length() > 0);
        browser.screenshot("password-reset-done");

        assertEquals(302, elsewhere.get("/learner/index.xhtml").statusCode(), "the web session signed in before the reset ended");
        assertEquals(401, phone.get("/me").statusCode(), "so did the app on the phone");
        browser.open(link.group(1));
        assertTrue(browser.driver().getPageSource().contains("already been used"), "the link worked once");
        assertEquals(302, new Web().signIn(person.email(), NEW_PASSWORD).statusCode());
    }

    /** The forgot-password page of an installation without e-mail: ask an admin, and no promise of an e-mail. */
    @Test
    void withoutAMailServerForgotPasswordSaysToAskAnAdminAndWithOneTheLinkArrives() throws Exception {
        RemotePeople.Made person = agent("nomail");
        mail.off();
        browser.open("/login.xhtml");
        browser.clickAndWait(org.openqa.selenium.By.linkText("Forgot your password?"));
        assertTrue(browser.text("noMail").contains("Ask your administrator"), browser.text("noMail"));
        String page = browser.driver().getPageSource();
        assertFalse(page.contains("forgot:email") || page.contains("forgot:send"), "no form that would ask for an e-mail address");
        assertFalse(page.contains("on its way") || page.contains("we will send"), "nothing promises an e-mail");
        browser.screenshot("forgot-password-no-mail");

        mail.on();
        browser.open("/forgot-password.xhtml");
        assertFalse(browser.driver().getPageSource().contains("id=\"noMail\""), "with e-mail, the page does not send people to an admin");
        browser.type("forgot:email", person.email());
        browser.clickAndWait("forgot:send");
        assertTrue(browser.text("sent").contains("a reset link is on its way"), browser.text("sent"));
        MimeMessage sent = MailServer.await(person.email(), m -> MailServer.subject(m).startsWith("Choose a new password"), Duration.ofSeconds(30));
        assertTrue(RESET_LINK.matcher(String.valueOf(sent.getContent())).find(), "the e-mail has the link");
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndKeepsThisOne() {
        RemotePeople.Made person = agent("changer");
        Web here = new Web();
        Web there = new Web();
        here.signIn(person.email(), Web.DEMO_PASSWORD);
        there.signIn(person.email(), Web.DEMO_PASSWORD);
        String page = here.get("/account/index.xhtml").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("account", "account");
        form.put("account:current", Web.DEMO_PASSWORD);
        form.put("account:newPassword", NEW_PASSWORD);
        form.put("account:confirmation", NEW_PASSWORD);
        form.put("account:changePassword", "Change");
        form.put("jakarta.faces.ViewState", Web.viewState(page));
        assertEquals(302, here.postForm("/account/index.xhtml", form).statusCode());
        assertEquals(200, here.get("/learner/index.xhtml").statusCode(), "the session that changed it goes on");
        assertEquals(302, there.get("/learner/index.xhtml").statusCode(), "every other session ended");
    }

    /** Measured before: roles were fixed at sign-in; the session of a demoted admin ended, a promoted one had to sign in again. */
    @Test
    void adminRightsTakenOrGivenCountFromTheNextRequestOnPagesAndTheApi() {
        RemotePeople.Made admin = people.create(NewPerson.named("demoted").department("customer-support").admin());
        Web web = new Web();
        web.signIn(admin.email(), Web.DEMO_PASSWORD);
        Api app = Api.signedIn(admin.email());
        assertEquals(200, web.get("/admin/index.xhtml").statusCode());
        assertTrue(roles(app).contains("ADMIN"));

        people.revokeAdmin(admin.id());
        assertEquals(403, status(web, "/admin/index.xhtml", 403), "the admin page is refused within a poll");
        assertEquals(200, web.get("/learner/index.xhtml").statusCode(), "still signed in: only the rights changed");
        assertEquals(List.of("LEARNER"), roles(app, List.of("LEARNER")), "the app's next request has lost them too");

        people.grantAdmin(admin.id());
        assertEquals(200, status(web, "/admin/index.xhtml", 200), "given again: open within a poll, without signing in");
        assertTrue(roles(app, List.of("LEARNER", "ADMIN")).contains("ADMIN"));
    }

    /** Measured before: a person given their first report saw the manager pages only after signing in again. */
    @Test
    void aFirstReportOpensTheManagerPagesAtTheNextRequestAndTheLastOneLeavingClosesThem() {
        RemotePeople.Made lead = agent("newlead");
        Web web = new Web();
        web.signIn(lead.email(), Web.DEMO_PASSWORD);
        Api app = Api.signedIn(lead.email());
        assertEquals(403, web.get("/manager/index.xhtml").statusCode(), "no reports, no manager pages");

        RemotePeople.Made report = people.create(NewPerson.named("firstreport").department("customer-support").role("support-agent")
                .manager(lead.email()));
        HttpResponse<String> team = org.everyoneserves.testing.Eventually.seen(() -> web.get("/manager/index.xhtml"), r -> r.statusCode() == 200);
        assertEquals(200, team.statusCode(), "the manager pages open without signing in again");
        assertTrue(team.body().contains("person.xhtml?id=" + report.id()), "with the new report on them");
        assertEquals(List.of("LEARNER", "MANAGER"), roles(app, List.of("LEARNER", "MANAGER")));

        people.moveTo(report.id(), null);
        assertEquals(403, status(web, "/manager/index.xhtml", 403), "the only report moved away");
        assertEquals(List.of("LEARNER"), roles(app, List.of("LEARNER")));
        people.moveTo(report.id(), lead.email());
        assertEquals(200, status(web, "/manager/index.xhtml", 200), "and back");
        people.deactivate(report.id());
        assertEquals(403, status(web, "/manager/index.xhtml", 403), "the only report deactivated");
        assertEquals(List.of("LEARNER"), roles(app, List.of("LEARNER")));
        assertEquals(200, web.get("/learner/index.xhtml").statusCode(), "signed in all along");
    }

    /**
     * The app's roles once a change made through the tests' own copy of the application has reached the demo's: they
     * are two deployments on one database, as two servers would be, and each keeps its API callers in memory and reads
     * which changed every tenth of a second ({@code AccessCache}); the server that made the change counts it at once.
     */
    /**
     * A page's status once a change made through the tests' own deployment (another copy of the application on the same
     * database, so to the server another server) has reached the server's session checks: within a poll.
     */
    private static int status(Web web, String path, int expected) {
        return org.everyoneserves.testing.Eventually.seen(() -> web.get(path).statusCode(), status -> status == expected);
    }

    private static List<String> roles(Api app, List<String> expected) {
        return org.everyoneserves.testing.Eventually.seen(() -> roles(app), expected::equals);
    }

    private static List<String> roles(Api app) {
        HttpResponse<String> me = app.get("/me");
        assertEquals(200, me.statusCode(), me.body());
        return Api.json(me).getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    @Test
    void aWebSignInEndsAfterTwelveHoursHoweverActive() {
        Web web = new Web();
        web.signIn(agent("marathon").email(), Web.DEMO_PASSWORD);
        clock.aheadBy(Duration.ofHours(11).plusMinutes(59));
        assertEquals(200, web.get("/learner/index.xhtml").statusCode());
        clock.aheadBy(Duration.ofHours(12).plusMinutes(1));
        assertEquals(302, web.get("/learner/index.xhtml").statusCode(), "the absolute lifetime ended it");
    }

    @Test
    void behindTheTrustedProxyOverTlsTheSessionCookieIsSecure() {
        HttpResponse<String> page = new Web().viaProxy("198.51.100.99", true).get("/learner/index.xhtml");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("; secure") && cookie.contains("HttpOnly"), cookie);
        assertTrue(page.headers().firstValue("Location").orElse("").startsWith("https://"), "the proxy's scheme is believed");
    }

    @Test
    void behindTheTrustedProxyOverTlsHstsIsSent() {
        HttpResponse<String> redirect = new Web().viaProxy("198.51.100.99", true).get("/learner/index.xhtml");
        assertEquals(302, redirect.statusCode(), "to the sign-in page");
        assertEquals(List.of("max-age=31536000; includeSubDomains"), redirect.headers().allValues("Strict-Transport-Security"),
                "once, also on the sign-in redirect: " + redirect.headers());
        HttpResponse<String> page = new Web().viaProxy("198.51.100.99", true).get("/login.xhtml");
        assertEquals(200, page.statusCode());
        assertEquals(List.of("max-age=31536000; includeSubDomains"), page.headers().allValues("Strict-Transport-Security"));
        HttpResponse<String> api = new Web().viaProxy("198.51.100.99", true).get("/api/v1/me");
        assertEquals(401, api.statusCode());
        assertTrue(api.headers().firstValue("Strict-Transport-Security").isPresent(), "and on the API's answers");
        HttpResponse<String> plain = new Web().viaProxy("198.51.100.99", false).get("/login.xhtml");
        assertFalse(plain.headers().firstValue("Strict-Transport-Security").isPresent(), "never when the proxy says plain http");
    }

    @Test
    void theDemoPasswordIsNoExampleInTheApiDocument() {
        HttpResponse<String> openapi = new Web().get("/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/v1/auth/token"));
        assertFalse(openapi.body().contains(Web.DEMO_PASSWORD), "nobody copies a working password from the documentation");
    }

    private RemotePeople.Made agent(String name) {
        return people.create(NewPerson.named(name).department("customer-support").role("support-agent"));
    }
}
