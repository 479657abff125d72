package org.everyoneserves.security.api;

import static org.everyoneserves.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everyoneserves.testing.Api;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mobile app's sign-in: tokens, their expiry, rotation and reuse, sign-out, and the devices on the account page.
 * Each test signs in as a person of its own; tokens expire as the server's clock moves on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokensIT {

    static final RemotePeople PEOPLE = new RemotePeople(TokensIT.class);

    @RegisterExtension
    final ServerClock clock = new ServerClock();

    String person;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withPeople(TokensIT.class);
    }

    @BeforeEach
    void aPersonOfItsOwn() {
        person = PEOPLE.create(NewPerson.named("isabel").department("sales").role("account-executive")).email();
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow(), response.body());
        assertEquals(code, json(response).getString("code"), response.body());
    }

    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void signInGivesTokensThatOpenTheApi() {
        Api api = new Api();
        HttpResponse<String> response = api.signIn(person, Web.DEMO_PASSWORD);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""), "no cache keeps the tokens");
        var body = json(response);
        assertEquals("Bearer", body.getString("tokenType"));
        assertEquals(900, body.getJsonNumber("expiresIn").longValue());
        HttpResponse<String> me = api.get("/me");
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(person, json(me).getString("email"));
        assertEquals("Isabel", json(me).getString("firstName"));
        assertEquals("[\"LEARNER\"]", json(me).getJsonArray("roles").toString());
    }

    @Test
    void withoutAValidTokenTheApiSaysWhy() {
        HttpResponse<String> missing = new Api().get("/me");
        assertProblem(missing, 401, "auth.error.tokenMissing");
        assertEquals("Bearer realm=\"everyoneserves\"", missing.headers().firstValue("WWW-Authenticate").orElseThrow());
        Api forged = new Api();
        forged.accessToken("not-a-token-we-ever-gave-out");
        HttpResponse<String> invalid = forged.get("/me");
        assertProblem(invalid, 401, "auth.error.tokenInvalid");
        assertTrue(invalid.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
    }

    @Test
    void wrongPasswordsAreRefusedAndThrottledLikeTheWeb() {
        String nobody = "nobody-" + UUID.randomUUID() + "@brightwater.example";
        for (int i = 0; i < 4; i++) {
            assertProblem(new Api().signIn(nobody, "wrong password " + i), 401, "auth.error.invalidCredentials");
        }
        HttpResponse<String> slowed = new Api().signIn(nobody, "wrong password 5");
        assertProblem(slowed, 429, "auth.error.throttled");
        long retryAfter = Long.parseLong(slowed.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 10, "after the fourth failure this address waits 10 seconds: " + retryAfter);
        assertProblem(new Api().post("/auth/token", "{\"email\":\"\",\"password\":\"x\"}", null), 400, "error.validation");
        assertProblem(new Api().post("/auth/token", "{\"email\":", null), 400, "error.malformedRequest");
    }

    @Test
    void aSignInRetriedAfterALostAnswerLeavesOneDevice() {
        String key = UUID.randomUUID().toString();
        String body = "{\"email\":\"" + person + "\",\"password\":\"" + Web.DEMO_PASSWORD + "\",\"device\":\"Retry phone\"}";
        Api first = new Api();
        HttpResponse<String> lost = first.post("/auth/token", body, key);
        assertEquals(200, lost.statusCode(), lost.body());
        Api second = new Api();
        HttpResponse<String> retried = second.post("/auth/token", body, key);
        assertEquals(200, retried.statusCode(), retried.body());
        assertEquals(1L, ((Number) Database.value("select count(*) from api_session where client_key = ? and revoked_at is null", key)).longValue(),
                "one device for the two requests");
        first.accessToken(json(lost).getString("accessToken"));
        assertProblem(first.get("/me"), 401, "auth.error.tokenInvalid");
        second.accessToken(json(retried).getString("accessToken"));
        assertEquals(200, second.get("/me").statusCode());
    }

    @Test
    void tokensAreStoredOnlyAsHashes() throws Exception {
        Api api = Api.signedIn(person);
        assertEquals(0L, ((Number) Database.value("select count(*) from api_token where token_hash in (?, ?)",
                api.accessToken(), api.refreshToken())).longValue(), "the secrets themselves are nowhere");
        assertEquals(2L, ((Number) Database.value("select count(*) from api_token where token_hash in (?, ?)",
                sha256(api.accessToken()), sha256(api.refreshToken()))).longValue());
    }

    @Test
    void anExpiredAccessTokenIsRefusedAndTheRefreshTokenGetsANewPair() throws Exception {
        Api api = Api.signedIn(person);
        clock.aheadBy(Duration.ofMinutes(15).plusSeconds(5));
        assertProblem(api.get("/me"), 401, "auth.error.tokenExpired");
        String oldRefresh = api.refreshToken();
        HttpResponse<String> refreshed = api.refresh(UUID.randomUUID().toString());
        assertEquals(200, refreshed.statusCode());
        assertEquals("no-store", refreshed.headers().firstValue("Cache-Control").orElse(""));
        assertNotEquals(oldRefresh, api.refreshToken(), "the refresh token rotates");
        assertEquals(200, api.get("/me").statusCode());
    }

    @Test
    void aRefreshTokenUsedTwiceSignsTheDeviceOut() {
        Api api = Api.signedIn(person);
        String first = api.refreshToken();
        assertEquals(200, api.refresh(UUID.randomUUID().toString()).statusCode());
        Api thief = new Api();
        thief.refreshToken(first);
        assertProblem(thief.refresh(UUID.randomUUID().toString()), 401, "auth.error.refreshReused");
        assertProblem(api.get("/me"), 401, "auth.error.tokenInvalid");
        assertProblem(api.refresh(UUID.randomUUID().toString()), 401, "auth.error.refreshInvalid");
    }

    @Test
    void theSameRotationRetriedAfterALostAnswerIsNotATheft() {
        Api api = Api.signedIn(person);
        String spent = api.refreshToken();
        String key = UUID.randomUUID().toString();
        assertEquals(200, api.refresh(key).statusCode());
        String lost = api.refreshToken();
        Api retry = new Api();
        retry.refreshToken(spent);
        assertEquals(200, retry.refresh(key).statusCode(), "the same request again, as if the first answer never arrived");
        assertEquals(200, retry.get("/me").statusCode());
        Api stale = new Api();
        stale.refreshToken(lost);
        assertProblem(stale.refresh(UUID.randomUUID().toString()), 401, "auth.error.refreshInvalid");
        assertEquals(200, retry.get("/me").statusCode(), "replacing the lost pair did not sign the device out");
    }

    @Test
    void aSignInEndsAtItsAbsoluteExpiryHoweverOftenItIsRefreshed() throws Exception {
        Api api = Api.signedIn(person);
        clock.aheadBy(Duration.ofDays(29));
        assertEquals(200, api.refresh(UUID.randomUUID().toString()).statusCode(), "refreshed on the 29th day");
        clock.aheadBy(Duration.ofDays(30).plusMinutes(1));
        assertProblem(api.refresh(UUID.randomUUID().toString()), 401, "auth.error.refreshInvalid");
        assertProblem(api.get("/me"), 401, "auth.error.tokenInvalid");
    }

    @Test
    void signingOutRevokesBothTokensAtOnce() {
        Api api = Api.signedIn(person);
        Api other = Api.signedIn(person);
        assertEquals(204, api.post("/auth/logout", null).statusCode());
        assertProblem(api.get("/me"), 401, "auth.error.tokenInvalid");
        assertProblem(api.refresh(UUID.randomUUID().toString()), 401, "auth.error.refreshInvalid");
        assertEquals(200, other.get("/me").statusCode(), "another device stays signed in");
        assertEquals(204, other.post("/auth/logout?everywhere=true", null).statusCode());
        assertProblem(other.get("/me"), 401, "auth.error.tokenInvalid");
        assertProblem(new Api().post("/auth/logout", null), 401, "auth.error.tokenMissing");
    }

    @Test
    void theAccountPageListsTheDevicesAndSignsThemOut() {
        String person = Web.demo("ethan.walker");
        Api phone = Api.signedIn(person);
        Web web = new Web();
        web.signIn(person, Web.DEMO_PASSWORD);
        String page = web.get("/account/index.xhtml").body();
        assertTrue(page.contains("Test phone"), "the device is listed");
        assertEquals(1, page.split("name=\"devices:[^\"]*:revoke\"", -1).length - 1, "one device, one sign-out button");
        Matcher button = Pattern.compile("name=\"(devices:[^\"]*:revoke)\"").matcher(page);
        assertTrue(button.find(), page);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("devices", "devices");
        form.put(button.group(1), "Sign out");
        form.put("jakarta.faces.ViewState", Web.viewState(page));
        assertEquals(302, web.postForm("/account/index.xhtml", form).statusCode());
        String after = web.get("/account/index.xhtml").body();
        assertTrue(after.contains("is signed out"), "the page after signing the device out: " + after);
        assertProblem(phone.get("/me"), 401, "auth.error.tokenInvalid");
    }
}
