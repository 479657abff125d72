package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every check of an ID token, with tokens a browser could not make: signed by keys of our own, as the provider's JWKS
 * serves them (and as it serves them after a key rotation).
 */
class OidcTokenValidatorTest {

    private static final String ISSUER = "https://login.example.com/realms/company";
    private static final String CLIENT = "everyone-serves";
    private static final String NONCE = "n-0S6_WzA2Mj";

    private final RSAKey key = newKey("key-1");
    /** What the provider's JWKS endpoint serves right now; a rotation replaces it. */
    private final AtomicReference<JWKSet> served = new AtomicReference<>(new JWKSet(key.toPublicJWK()));
    private final JWKSource<SecurityContext> jwks = (selector, context) -> selector.select(served.get());
    private final OidcTokenValidator validator = new OidcTokenValidator(ISSUER, CLIENT, jwks, Duration.ofSeconds(60));

    @Test
    void aGoodTokenGivesItsClaims() throws Exception {
        IDTokenClaimsSet claims = validator.validate(token(key, c -> { }), NONCE);
        assertEquals("248289761001", claims.getSubject().getValue());
        assertEquals("jane@example.com", claims.getStringClaim("email"));
    }

    @Test
    void aTokenForAnotherClientIsRefused() {
        assertRefused(token(key, c -> c.audience("another-app")));
    }

    @Test
    void aTokenAlsoForAnotherClientNeedsUsAsTheAuthorisedParty() throws Exception {
        assertRefused(token(key, c -> c.audience(List.of(CLIENT, "another-app")).claim("azp", "another-app")));
        assertRefused(token(key, c -> c.audience(List.of(CLIENT, "another-app"))));
        validator.validate(token(key, c -> c.audience(List.of(CLIENT, "another-app")).claim("azp", CLIENT)), NONCE);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefused(token(key, c -> c.issuer("https://evil.example.com")));
    }

    @Test
    void anExpiredTokenIsRefusedBeyondTheClockSkewButNotWithinIt() throws Exception {
        Instant now = Instant.now();
        assertRefused(token(key, c -> c.issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.minusSeconds(61 + 5)))));
        validator.validate(token(key, c -> c.issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.minusSeconds(30)))), NONCE);
    }

    @Test
    void aTokenIssuedInTheFutureBeyondTheClockSkewIsRefused() {
        Instant now = Instant.now();
        assertRefused(token(key, c -> c.issueTime(Date.from(now.plusSeconds(600))).expirationTime(Date.from(now.plusSeconds(900)))));
    }

    @Test
    void aTokenWithAnotherNonceIsRefused() {
        assertEquals(OidcRefusal.Reason.TOKEN, assertThrows(OidcRefusal.class,
                () -> validator.validate(token(key, c -> c.claim("nonce", "replayed-from-another-sign-in")), NONCE)).reason());
        assertEquals(OidcRefusal.Reason.TOKEN, assertThrows(OidcRefusal.class,
                () -> validator.validate(token(key, c -> { }), null)).reason());
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String good = token(key, c -> { }).serialize();
        String[] parts = good.split("\\.");
        String otherClaims = com.nimbusds.jose.util.Base64URL.encode(new String(com.nimbusds.jose.util.Base64URL.from(parts[1]).decode(),
                java.nio.charset.StandardCharsets.UTF_8).replace("jane@example.com", "ceo@example.com")).toString();
        assertRefused(SignedJWT.parse(parts[0] + "." + otherClaims + "." + parts[2]));
    }

    @Test
    void aTokenSignedByAKeyTheProviderDoesNotServeIsRefused() {
        assertRefused(token(newKey("key-1"), c -> { }));
        assertRefused(token(newKey("stranger"), c -> { }));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        SignedJWT signed = token(key, c -> { });
        try {
            assertRefused(new PlainJWT(signed.getJWTClaimsSet()));
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aKeyTheProviderRollsOverToKeepsWorking() throws Exception {
        RSAKey next = newKey("key-2");
        served.set(new JWKSet(List.of(key.toPublicJWK(), next.toPublicJWK())));
        validator.validate(token(next, c -> { }), NONCE);
        served.set(new JWKSet(next.toPublicJWK()));
        validator.validate(token(next, c -> { }), NONCE);
        assertRefused(token(key, c -> { }));
    }

    private void assertRefused(com.nimbusds.jwt.JWT token) {
        OidcRefusal refusal = assertThrows(OidcRefusal.class, () -> validator.validate(token, NONCE));
        assertEquals(OidcRefusal.Reason.TOKEN, refusal.reason());
    }

    private static SignedJWT token(RSAKey signer, Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject("248289761001").audience(CLIENT)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", NONCE).claim("email", "jane@example.com").claim("email_verified", true);
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(signer));
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
        return jwt;
    }

    private static RSAKey newKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }
}
