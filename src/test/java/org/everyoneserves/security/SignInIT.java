package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everyoneserves.content.files.Location;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.NewPerson;
import org.everyoneserves.testing.RemotePeople;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-in and page access over HTTP, as a browser (or an attacker with curl) would do it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withPeople(SignInIT.class);
    }

    @Test
    void signingInGivesANewSessionIdAndOpensTheRightPages() {
        Web web = new Web();
        web.get("/login.xhtml");
        assertNull(web.sessionId(), "the sign-in form is stateless: an anonymous visitor gets no server session");
        web.get("/forgot-password.xhtml");
        assertNull(web.sessionId(), "nor does the forgot-password form");
        web.get("/learner/index.xhtml");
        String before = web.sessionId();
        assertNotNull(before, "a protected page remembers where to come back to after sign-in");
        HttpResponse<String> signedIn = web.signIn(Web.demo("ravi.iyer"), Web.DEMO_PASSWORD);
        assertEquals(302, signedIn.statusCode());
        assertNotEquals(before, web.sessionId(), "a new session id at sign-in: no session fixation");
        assertEquals(200, web.get("/learner/index.xhtml").statusCode());
        assertEquals(403, web.get("/manager/index.xhtml").statusCode(), "not a manager");
        HttpResponse<String> admin = web.get("/admin/people.xhtml");
        assertEquals(403, admin.statusCode());
        assertTrue(admin.body().contains("Page not found"), "403 shows the same page as 404");
    }

    /**
     * The learner home keeps no view state (a transient view), so the view state id cannot be the CSRF token of its
     * sign-out form: the session's form token is, and a postback without it changes nothing.
     */
    @Test
    void aSignOutFromAPageWithoutViewStateNeedsTheSessionsFormToken() {
        RemotePeople.Made made = person("token");
        Web web = new Web();
        assertEquals(302, web.signIn(made.email(), Web.DEMO_PASSWORD).statusCode());
        String page = web.get("/learner/index.xhtml").body();
        assertEquals("stateless", Web.viewState(page));
        Matcher token = Pattern.compile("name=\"es_form_token\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(token.find(), "the sign-out form carries the token");
        Map<String, String> signOut = new LinkedHashMap<>();
        signOut.put("signOut", "signOut");
        signOut.put("signOut:signOutButton", "Sign out");
        signOut.put("jakarta.faces.ViewState", "stateless");
        assertEquals(403, web.postForm("/learner/index.xhtml", signOut).statusCode(), "no token");
        signOut.put("es_form_token", token.group(1) + "x");
        assertEquals(403, web.postForm("/learner/index.xhtml", signOut).statusCode(), "another token");
        assertEquals(200, web.get("/learner/index.xhtml").statusCode(), "still signed in");

        signOut.put("es_form_token", token.group(1));
        HttpResponse<String> out = web.postForm("/learner/index.xhtml", signOut);
        assertEquals(302, out.statusCode());
        assertTrue(out.headers().firstValue("Location").orElseThrow().contains("/login.xhtml"));
        assertEquals(302, web.get("/learner/index.xhtml").statusCode(), "signed out");
    }

    @Test
    void signingInAfterAskingForAPageGoesBackToThatPage() {
        Web web = new Web();
        HttpResponse<String> asked = web.get("/learner/module.xhtml?id=everyone-serves");
        assertEquals(302, asked.statusCode());
        assertTrue(asked.headers().firstValue("Location").orElseThrow().endsWith("/login.xhtml"));
        HttpResponse<String> signedIn = web.signIn(Web.demo("ravi.iyer"), Web.DEMO_PASSWORD);
        assertEquals(302, signedIn.statusCode());
        assertTrue(signedIn.headers().firstValue("Location").orElseThrow().endsWith("/learner/module.xhtml?id=everyone-serves"),
                "back to the page asked for, with its query");
        assertEquals(200, web.get("/learner/module.xhtml?id=everyone-serves").statusCode());

        HttpResponse<String> straight = new Web().signIn(Web.demo("ravi.iyer"), Web.DEMO_PASSWORD);
        assertTrue(straight.headers().firstValue("Location").orElseThrow().endsWith("/index.xhtml"), "no page asked for: the home page");
    }

    @Test
    void anApiCallNeverMakesASessionEvenWithAPageSessionsCookie() {
        Web web = new Web();
        web.signIn(Web.demo("ravi.iyer"), Web.DEMO_PASSWORD);
        String page = web.sessionId();
        assertEquals(401, web.get("/api/v1/me").statusCode(), "the API is signed in by a token alone, never by the page's session");
        assertEquals(page, web.sessionId());
        Web anonymous = new Web();
        anonymous.get("/api/v1/me");
        assertNull(anonymous.sessionId(), "an anonymous API call makes no session");
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        HttpResponse<String> response = new Web().get("/admin/index.xhtml");
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElseThrow().endsWith("/login.xhtml"));
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        HttpResponse<String> page = new Web().get("/login.xhtml");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("strict-origin-when-cross-origin", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertFalse(page.headers().firstValue("Strict-Transport-Security").isPresent(), "HSTS only over TLS");
        HttpResponse<String> signedIn = new Web().signIn(Web.demo("ravi.iyer"), Web.DEMO_PASSWORD);
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.toLowerCase(java.util.Locale.ROOT).contains("; secure"), "plain HTTP from a client the server does not trust as its proxy: " + cookie);
    }

    @Test
    void aManagerCannotOpenSomeoneOutsideTheirLineByChangingTheId() {
        Web ceo = new Web();
        ceo.signIn(Web.demo("amara.okafor"), Web.DEMO_PASSWORD);
        String everyone = ceo.get("/manager/index.xhtml").body();
        long sofia = idOf(everyone, "Sofia Marques");
        long noah = idOf(everyone, "Noah Fischer");

        Web manager = new Web();
        manager.signIn(Web.demo("daniel.weber"), Web.DEMO_PASSWORD);
        assertEquals(200, manager.get("/manager/person.xhtml?id=" + noah).statusCode());
        HttpResponse<String> outside = manager.get("/manager/person.xhtml?id=" + sofia);
        assertEquals(404, outside.statusCode());
        assertFalse(outside.body().contains("Sofia"), "nothing about her leaks");
        assertEquals(404, manager.get("/manager/person.xhtml?id=999999").statusCode());
    }

    @Test
    void aFormPostedWithoutItsViewStateChangesNothing() {
        Web web = new Web();
        web.signIn(Web.demo("george.hughes"), Web.DEMO_PASSWORD);
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("language", "language");
        forged.put("language:locale", "de");
        forged.put("language:changeLanguage", "Save");
        forged.put("jakarta.faces.ViewState", "-1234567890:987654321");
        HttpResponse<String> response = web.postForm("/account/index.xhtml", forged);
        assertTrue(response.body().contains("This page has expired"), "a forged or stale form is refused");
        assertTrue(web.get("/learner/index.xhtml").body().contains("lang=\"en\""), "the language did not change");
    }

    @Test
    void deactivatingSomeoneEndsTheirSessionAtOnceAndStopsTheirSignIn() {
        RemotePeople.Made made = person("jessica");
        Web jessica = new Web();
        jessica.signIn(made.email(), Web.DEMO_PASSWORD);
        assertEquals(200, jessica.get("/learner/index.xhtml").statusCode());

        Web admin = new Web();
        admin.signIn(Web.demo("alex.morgan"), Web.DEMO_PASSWORD);
        pressOnPersonPage(admin, made.id(), "access:deactivate");
        assertEquals(302, jessica.get("/learner/index.xhtml").statusCode(), "her session ended");
        assertEquals(302, jessica.get("/account/index.xhtml").statusCode(), "and stays ended");
        assertTrue(jessica.signIn(made.email(), Web.DEMO_PASSWORD).body().contains("do not match an active account"));
        pressOnPersonPage(admin, made.id(), "access:reactivate");
        assertEquals(302, jessica.get("/learner/index.xhtml").statusCode(), "reactivation does not bring the ended session back");
        assertEquals(302, new Web().signIn(made.email(), Web.DEMO_PASSWORD).statusCode(), "back in after reactivation");
    }

    /** A support agent of the test's own, whose account the test may lock or deactivate. */
    static RemotePeople.Made person(String name) {
        return new RemotePeople(SignInIT.class).create(NewPerson.named(name).department("customer-support").role("support-agent"));
    }

    static void pressOnPersonPage(Web admin, long id, String button) {
        assertEquals(302, admin.press("/admin/person.xhtml?id=" + id, "access", button).statusCode(), button);
    }

    static long idOf(String page, String linkText) {
        Matcher matcher = Pattern.compile("person\\.xhtml\\?id=(\\d+)\">" + Pattern.quote(linkText) + "<").matcher(page);
        assertTrue(matcher.find(), linkText + " is not on the page");
        return Long.parseLong(matcher.group(1));
    }
}
