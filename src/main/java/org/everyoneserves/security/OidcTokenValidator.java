package org.everyoneserves.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.time.Duration;
import java.util.Set;

/**
 * Validates an ID token fully (OpenID Connect Core 3.1.3.7): signed with one of the given algorithms by a key from the
 * provider's key set (a key source over its JWKS fetches a key it has rolled over when the key is first seen), from
 * the expected issuer, for this client (audience, and the authorised party when there are several audiences), not
 * expired and not issued in the future beyond the allowed clock skew, and carrying the nonce of this sign-in. An
 * unsigned token is refused.
 */
final class OidcTokenValidator {

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final IDTokenValidator validator;
    private final String clientId;

    OidcTokenValidator(String issuer, String clientId, JWKSource<SecurityContext> keys, Duration clockSkew) {
        this.clientId = clientId;
        validator = new IDTokenValidator(new Issuer(issuer), new ClientID(clientId), new JWSVerificationKeySelector<>(ALGORITHMS, keys), null);
        validator.setMaxClockSkew((int) Math.min(Integer.MAX_VALUE, clockSkew.toSeconds()));
    }

    IDTokenClaimsSet validate(JWT idToken, String expectedNonce) {
        if (expectedNonce == null) {
            throw new OidcRefusal(OidcRefusal.Reason.TOKEN, "no nonce was sent for this sign-in");
        }
        IDTokenClaimsSet claims;
        try {
            claims = validator.validate(idToken, new Nonce(expectedNonce));
        } catch (BadJOSEException | JOSEException e) {
            throw new OidcRefusal(OidcRefusal.Reason.TOKEN, e.getMessage(), e);
        }
        // OpenID Connect Core 3.1.3.7, steps 4 and 5, which the library leaves to the client
        String authorisedParty = claims.getStringClaim("azp");
        if (claims.getAudience().size() > 1 && authorisedParty == null || authorisedParty != null && !authorisedParty.equals(clientId)) {
            throw new OidcRefusal(OidcRefusal.Reason.TOKEN, "authorised party " + authorisedParty + " is not this client");
        }
        return claims;
    }
}
