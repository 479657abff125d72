package org.everyoneserves.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.everyoneserves.testing.Api;
import org.everyoneserves.testing.Browser;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.Keycloak;
import org.everyoneserves.testing.Scim;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in with the company's provider: a real Keycloak, started once for this class with its realm from a file,
 * driven in Chromium. A person signs in at Keycloak and lands on their plan, and signing out ends the session at
 * Keycloak too; an account nobody here has is refused with a page that says why; a person the provider deactivates
 * over SCIM loses their page session and app device and is refused; the provider's answer replayed is refused; a
 * session id from before the sign-in is not signed in after it; the mobile app signs in with its own code flow.
 * (The ID token's own checks are in OidcTokenValidatorTest, with tokens a browser cannot make.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcSignInIT {

    private static final String APP_REDIRECT = "http://127.0.0.1/oauth2redirect";
    private static final String APP_VERIFIER = "app-verifier-" + "x".repeat(40);

    @RegisterExtension
    @Order(1)
    static Keycloak keycloak = new Keycloak();

    @RegisterExtension
    @Order(2)
    static Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.marker(OidcSignInIT.class);
    }

    /**
     * Signs the browser out of both by dropping every cookie of the browser (the app's and Keycloak's SSO cookies, on
     * another port and path): no page is loaded for it, so no page's script can bring a Keycloak session back.
     */
    @AfterEach
    void forget() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** First: a refused account stays signed in at Keycloak, whose SSO would then answer for the next browser test. */
    @Test
    @Order(1)
    void aPersonSignsInAtKeycloakLandsOnTheirPlanAndSigningOutEndsBothSessions() {
        browser.open("/login.xhtml");
        assertEquals("Sign in with Brightwater", browser.text("companySignIn"));
        browser.clickAndWait("companySignIn");
        assertTrue(browser.driver().getCurrentUrl().startsWith(Keycloak.ISSUER), browser.driver().getCurrentUrl());
        keycloakSignIn("noah.fischer@brightwater.example");
        assertTrue(browser.driver().getCurrentUrl().startsWith(Web.BASE + "/learner/index.xhtml"), browser.driver().getCurrentUrl());
        assertTrue(browser.driver().getPageSource().contains("Noah Fischer"));
        browser.screenshot("oidc-signed-in");

        browser.signOut();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().startsWith(Web.BASE + "/login.xhtml"));
        assertTrue(browser.driver().getCurrentUrl().contains("signedOut=true"), browser.driver().getCurrentUrl());
        browser.open("/learner/index.xhtml");
        assertTrue(browser.driver().getCurrentUrl().startsWith(Web.BASE + "/login.xhtml"), "signed out here");
        browser.clickAndWait("companySignIn");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("username")).isEmpty());
        assertTrue(browser.driver().getCurrentUrl().startsWith(Keycloak.ISSUER), "signed out at Keycloak too: it asks again");
    }

    @Test
    @Order(2)
    void anAccountNobodyHereHasIsRefusedWithAPageThatSaysWhy() {
        browser.open("/login.xhtml");
        browser.clickAndWait("companySignIn");
        keycloakSignIn("stranger@elsewhere.example");
        assertTrue(browser.driver().getCurrentUrl().startsWith(Web.BASE + "/signin-refused.xhtml"), browser.driver().getCurrentUrl());
        assertTrue(browser.text("reason").contains("not known here yet"), browser.text("reason"));
        browser.assertAccessible("signin-refused");
        browser.open("/learner/index.xhtml");
        assertTrue(browser.driver().getCurrentUrl().startsWith(Web.BASE + "/login.xhtml"), "not signed in");
    }

    /**
     * Signing out of a page posts a form whose answer redirects to the provider: the pages' CSP lets forms lead there
     * (else Chromium stops at a blank page), and to no other origin; other answers keep {@code form-action 'self'}.
     */
    @Test
    void thePagesFormsMayLeadToTheProviderAndNowhereElse() {
        String provider = Keycloak.ISSUER.substring(0, Keycloak.ISSUER.indexOf("/realms/"));
        String page = new Web().get("/login.xhtml").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(page.contains("form-action 'self' " + provider + ";"), page);
        String api = new Web().get("/api/v1/auth/company").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(api.contains("form-action 'self';"), api);
    }

    /**
     * Session fixation: a session id planted in the browser before the company sign-in (here one the attacker got from
     * /oidc/start themselves) is not signed in afterwards; the browser goes on under a new id.
     */
    @Test
    void aSessionIdFromBeforeTheCompanySignInIsNotSignedInAfterIt() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, String> attacker = new LinkedHashMap<>();
        assertEquals(302, send(http, HttpRequest.newBuilder(URI.create(Web.BASE + "/oidc/start")).GET(), attacker).statusCode());
        String planted = attacker.get("ES_SESSION");
        assertTrue(planted != null, "a session for the sign-in: " + attacker);

        Map<String, String> victim = new LinkedHashMap<>(attacker);
        HttpResponse<String> start = send(http, HttpRequest.newBuilder(URI.create(Web.BASE + "/oidc/start")).GET(), victim);
        assertEquals(planted, victim.get("ES_SESSION"), "the sign-in starts in the planted session");
        String callback = keycloakAnswer(start.headers().firstValue("Location").orElseThrow(), "noah.fischer@brightwater.example");
        HttpResponse<String> signedIn = send(http, HttpRequest.newBuilder(URI.create(callback)).GET(), victim);
        assertEquals(Web.BASE + "/index.xhtml", signedIn.headers().firstValue("Location").orElseThrow(), "signed in");
        assertTrue(!planted.equals(victim.get("ES_SESSION")), "a new session id at sign-in");
        assertEquals(200, send(http, HttpRequest.newBuilder(URI.create(Web.BASE + "/learner/index.xhtml")).GET(), victim).statusCode());

        HttpResponse<String> withPlanted = send(http, HttpRequest.newBuilder(URI.create(Web.BASE + "/learner/index.xhtml")).GET(), attacker);
        assertEquals(302, withPlanted.statusCode(), "the planted id opens no signed-in page");
        assertTrue(withPlanted.headers().firstValue("Location").orElseThrow().contains("/login.xhtml"), withPlanted.headers().toString());
        assertEquals(200, send(http, HttpRequest.newBuilder(URI.create(Web.BASE + "/learner/index.xhtml")).GET(), victim).statusCode(),
                "and the person stays signed in");
    }

    /**
     * The company's provider deactivates a person over SCIM: their open page session and their app's device end at
     * their next request, and signing in through the provider again is refused with a page that says why.
     */
    @Test
    @Order(3)
    void aPersonDeactivatedOverScimIsSignedOutEverywhereAndCannotSignInThroughTheProvider() throws Exception {
        browser.signIn(Web.demo("alex.morgan"), Web.DEMO_PASSWORD);
        String token = Scim.createProvider(browser, "Keycloak SCIM " + UUID.randomUUID().toString().substring(0, 8), "DEPARTMENT");
        browser.driver().manage().deleteAllCookies();
        HttpResponse<String> created = Scim.send(token, "POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"leaver@brightwater.example",
                 "name":{"givenName":"Lee","familyName":"Leaver"},"active":true}""");
        assertEquals(201, created.statusCode(), created.body());
        String id = Scim.json(created).getString("id");

        browser.open("/login.xhtml");
        browser.clickAndWait("companySignIn");
        keycloakSignIn("leaver@brightwater.example");
        assertTrue(browser.driver().getCurrentUrl().startsWith(Web.BASE + "/learner/index.xhtml"), browser.driver().getCurrentUrl());
        assertTrue(browser.driver().getPageSource().contains("Lee Leaver"));
        String access = appSignIn("leaver@brightwater.example");
        assertEquals(200, me(access).statusCode());

        HttpResponse<String> off = Scim.send(token, "PATCH", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""");
        assertEquals(200, off.statusCode(), off.body());

        browser.open("/learner/index.xhtml");
        assertTrue(browser.driver().getCurrentUrl().startsWith(Web.BASE + "/login.xhtml"), "the page session ended: " + browser.driver().getCurrentUrl());
        assertEquals(401, me(access).statusCode(), "the app's device ended");

        browser.clickAndWait("companySignIn");   // still signed in at Keycloak: it answers at once
        assertTrue(browser.driver().getCurrentUrl().startsWith(Web.BASE + "/signin-refused.xhtml"), browser.driver().getCurrentUrl());
        assertTrue(browser.text("reason").contains("has been ended"), browser.text("reason"));
        browser.open("/learner/index.xhtml");
        assertTrue(browser.driver().getCurrentUrl().startsWith(Web.BASE + "/login.xhtml"), "not signed in");
        HttpResponse<String> app = new Web().postJson("/api/v1/auth/company", body(keycloakCode(appAuthorize(), "leaver@brightwater.example"),
                APP_VERIFIER, APP_REDIRECT, "app-nonce"));
        assertEquals(401, app.statusCode(), app.body());
        assertEquals("auth.error.companySignIn.inactive", Api.json(app).getString("code"));
    }

    /**
     * The mobile app (a PWA at /app/) offers "Sign in with Brightwater" because the server says it is set up, sends the
     * person to Keycloak with its own client and PKCE, and back at /app/ the code becomes the app's tokens: the plan shows.
     */
    @Test
    @Order(4)
    void theAppSignsInThroughKeycloakAndShowsThePlan() {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.cspViolations = []; document.addEventListener('securitypolicyviolation', e => "
                        + "window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"));
        chrome.get(Web.BASE + "/app/");
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
        wait.until(d -> !d.findElements(By.id("company-signin")).isEmpty());
        assertEquals("Sign in with Brightwater", browser.text("company-signin"));
        assertEquals("Or sign in with your e-mail and password:", browser.text("password-hint"));
        browser.find("company-signin").click();
        wait.until(d -> d.getCurrentUrl().startsWith(Keycloak.ISSUER));
        keycloakSignIn("noah.fischer@brightwater.example");

        wait.until(d -> d.getCurrentUrl().startsWith(Web.BASE + "/app/") && !d.findElements(By.id("streak")).isEmpty());
        assertEquals(Web.BASE + "/app/#/today", chrome.getCurrentUrl(), "the provider's code is gone from the address");
        chrome.executeScript("location.hash = '#/plan'");
        wait.until(d -> d.findElement(By.id("page-title")).getText().contains("My plan"));
        wait.until(d -> !d.findElements(By.id("plan-summary")).isEmpty());
        assertTrue(browser.text("plan-summary").matches("\\d+ of \\d+ required items done\\."), browser.text("plan-summary"));
        browser.screenshot("app-company-signed-in");
        assertEquals(List.of(), chrome.executeScript("return window.cspViolations"), "under the strict CSP");
    }

    @Test
    void theProvidersAnswerReplayedIsRefused() throws Exception {
        Map<String, String> appCookies = new LinkedHashMap<>();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> start = send(http, HttpRequest.newBuilder(URI.create(Web.BASE + "/oidc/start")).GET(), appCookies);
        assertEquals(302, start.statusCode());
        String callback = keycloakAnswer(start.headers().firstValue("Location").orElseThrow(), "noah.fischer@brightwater.example");
        assertTrue(callback.startsWith(Web.BASE + "/oidc/callback?"), callback);

        Map<String, String> otherBrowser = new LinkedHashMap<>();
        HttpResponse<String> before = send(http, HttpRequest.newBuilder(URI.create(callback)).GET(), otherBrowser);
        assertEquals(Web.BASE + "/signin-refused.xhtml?reason=state", before.headers().firstValue("Location").orElseThrow(),
                "the answer carried to another browser, before it was used");

        Map<String, String> beforeSignIn = new LinkedHashMap<>(appCookies);
        HttpResponse<String> first = send(http, HttpRequest.newBuilder(URI.create(callback)).GET(), appCookies);
        assertEquals(Web.BASE + "/index.xhtml", first.headers().firstValue("Location").orElseThrow(), "signed in");
        assertTrue(!appCookies.equals(beforeSignIn), "a new session id at sign-in");
        assertEquals(200, send(http, HttpRequest.newBuilder(URI.create(Web.BASE + "/learner/index.xhtml")).GET(), appCookies).statusCode());

        Map<String, String> thirdBrowser = new LinkedHashMap<>();
        HttpResponse<String> after = send(http, HttpRequest.newBuilder(URI.create(callback)).GET(), thirdBrowser);
        assertEquals(Web.BASE + "/signin-refused.xhtml?reason=state", after.headers().firstValue("Location").orElseThrow(),
                "the answer replayed after it was used");
    }

    @Test
    void theAppsOwnCodeFlowIsExchangedForTheAppsTokens() throws Exception {
        JsonObject config = Api.json(new Web().get("/api/v1/auth/company"));
        assertEquals("everyone-serves-mobile", config.getString("clientId"));
        assertEquals(Keycloak.ISSUER, config.getString("issuer"));

        assertEquals(Keycloak.ISSUER + "/protocol/openid-connect/auth", config.getString("authorizationEndpoint"));
        assertTrue(config.getBoolean("localPasswords"));
        String redirect = APP_REDIRECT;
        String verifier = APP_VERIFIER;
        String authorize = appAuthorize();
        String code = keycloakCode(authorize, "noah.fischer@brightwater.example");

        HttpResponse<String> wrongNonce = new Web().postJson("/api/v1/auth/company", body(code, verifier, redirect, "another-nonce"));
        assertEquals(401, wrongNonce.statusCode(), wrongNonce.body());
        assertEquals("auth.error.companySignIn.token", Api.json(wrongNonce).getString("code"));

        String fresh = keycloakCode(authorize, "noah.fischer@brightwater.example");
        HttpResponse<String> signedIn = new Web().postJson("/api/v1/auth/company", body(fresh, verifier, redirect, "app-nonce"));
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        assertEquals("no-store", signedIn.headers().firstValue("Cache-Control").orElse(""), "no cache keeps the app's tokens");
        String access = Api.json(signedIn).getString("accessToken");
        HttpResponse<String> me = new Web().send(HttpRequest.newBuilder(URI.create(Web.BASE + "/api/v1/me"))
                .header("Authorization", "Bearer " + access).GET().build());
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("noah.fischer@brightwater.example"), me.body());

        HttpResponse<String> spent = new Web().postJson("/api/v1/auth/company", body(fresh, verifier, redirect, "app-nonce"));
        assertEquals(401, spent.statusCode(), "a code works once: " + spent.body());
    }

    private static String body(String code, String verifier, String redirect, String nonce) {
        return Json.createObjectBuilder().add("code", code).add("codeVerifier", verifier).add("redirectUri", redirect)
                .add("nonce", nonce).add("device", "Noah's phone").build().toString();
    }

    /** The address at which the app's own code flow asks Keycloak for a code (PKCE S256 of {@link #APP_VERIFIER}). */
    private static String appAuthorize() {
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(APP_VERIFIER)).getValue();
        return Keycloak.ISSUER + "/protocol/openid-connect/auth?response_type=code&client_id=everyone-serves-mobile&scope="
                + enc("openid email profile") + "&redirect_uri=" + enc(APP_REDIRECT) + "&state=app-state&nonce=app-nonce"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    /** The app's sign-in through Keycloak, without a browser: its access token. */
    private static String appSignIn(String username) throws Exception {
        HttpResponse<String> signedIn = new Web().postJson("/api/v1/auth/company", body(keycloakCode(appAuthorize(), username), APP_VERIFIER,
                APP_REDIRECT, "app-nonce"));
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        return Api.json(signedIn).getString("accessToken");
    }

    private static HttpResponse<String> me(String accessToken) {
        return new Web().send(HttpRequest.newBuilder(URI.create(Web.BASE + "/api/v1/me")).header("Authorization", "Bearer " + accessToken).GET().build());
    }

    /** Signs in at Keycloak without a browser and returns the code its answer carries. */
    private static String keycloakCode(String authorize, String username) throws Exception {
        String location = keycloakAnswer(authorize, username);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertTrue(code.find(), location);
        return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
    }

    /** Signs in at Keycloak without a browser (and without its cookies) and returns where it sends the browser back. */
    private static String keycloakAnswer(String authorize, String username) throws Exception {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> loginPage = send(http, HttpRequest.newBuilder(URI.create(authorize)).GET(), cookies);
        Matcher form = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(loginPage.body());
        assertTrue(form.find(), "Keycloak's sign-in form: " + loginPage.statusCode());
        HttpResponse<String> answer = send(http, HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(Web.DEMO_PASSWORD) + "&credentialId=")),
                cookies);
        assertEquals(302, answer.statusCode(), answer.body());
        return answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError(answer.body()));
    }

    /** Signs in on Keycloak's page; the page may take a while on a loaded machine (Keycloak renders it per request). */
    private void keycloakSignIn(String username) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("username")).isEmpty());
        browser.type("username", username);
        browser.type("password", Web.DEMO_PASSWORD);
        browser.clickAndWait("kc-login");
    }

    /** Keeps cookies by hand: Keycloak marks its cookies Secure even on http://localhost. */
    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, Map<String, String> cookies) throws Exception {
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return response;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
