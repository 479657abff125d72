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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.everyoneserves.testing.Api;
import org.everyoneserves.testing.Browser;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.Keycloak;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in with the company's provider: a real Keycloak, started once for this class with its realm from a file,
 * driven in Chromium. A person signs in at Keycloak and lands on their plan, and signing out ends the session at
 * Keycloak too; an account nobody here has is refused with a page that says why; the provider's answer replayed is
 * refused. (The ID token's own checks are in OidcTokenValidatorTest, with tokens a browser cannot make.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcSignInIT {

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

    /** Signs the browser out of both: Keycloak's cookies belong to its realm's path, so they are cleared there. */
    @AfterEach
    void forget() {
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(Keycloak.ISSUER + "/account");
        browser.driver().manage().deleteAllCookies();
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
        browser.find("username");
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

    @Test
    void theProvidersAnswerReplayedIsRefused() throws Exception {
        Map<String, String> appCookies = new LinkedHashMap<>();
        Map<String, String> keycloakCookies = new LinkedHashMap<>();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> start = send(http, HttpRequest.newBuilder(URI.create(Web.BASE + "/oidc/start")).GET(), appCookies);
        assertEquals(302, start.statusCode());
        HttpResponse<String> loginPage = send(http, HttpRequest.newBuilder(URI.create(start.headers().firstValue("Location").orElseThrow())).GET(),
                keycloakCookies);
        Matcher form = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(loginPage.body());
        assertTrue(form.find(), "Keycloak's sign-in form");
        HttpResponse<String> answer = send(http, HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc("noah.fischer@brightwater.example") + "&password="
                        + enc(Web.DEMO_PASSWORD) + "&credentialId=")), keycloakCookies);
        assertEquals(302, answer.statusCode(), answer.body());
        String callback = answer.headers().firstValue("Location").orElseThrow();
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

        String redirect = "http://127.0.0.1/oauth2redirect";
        String verifier = "app-verifier-" + "x".repeat(40);
        String challenge = com.nimbusds.oauth2.sdk.pkce.CodeChallenge.compute(com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod.S256,
                new com.nimbusds.oauth2.sdk.pkce.CodeVerifier(verifier)).getValue();
        String authorize = config.getString("authorizationEndpoint") + "?response_type=code&client_id=everyone-serves-mobile&scope="
                + enc(config.getString("scope")) + "&redirect_uri=" + enc(redirect) + "&state=app-state&nonce=app-nonce"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
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

    /** Signs in at Keycloak without a browser and returns the code its answer carries. */
    private static String keycloakCode(String authorize, String username) throws Exception {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> loginPage = send(http, HttpRequest.newBuilder(URI.create(authorize)).GET(), cookies);
        Matcher form = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(loginPage.body());
        assertTrue(form.find(), "Keycloak's sign-in form: " + loginPage.statusCode());
        HttpResponse<String> answer = send(http, HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(Web.DEMO_PASSWORD) + "&credentialId=")),
                cookies);
        String location = answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError(answer.body()));
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertTrue(code.find(), location);
        return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
    }

    private void keycloakSignIn(String username) {
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
