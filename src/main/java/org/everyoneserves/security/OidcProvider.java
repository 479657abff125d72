package org.everyoneserves.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The company's OpenID provider as discovered from its issuer ({@code /.well-known/openid-configuration}), fetched at
 * the first sign-in and again after a failed discovery or a day. Its signing keys come from its JWKS through a cached,
 * rate-limited key source that fetches the set again when a token names a key it has not seen (key rotation).
 */
@ApplicationScoped
public class OidcProvider {

    private static final Logger LOG = Logger.getLogger(OidcProvider.class.getName());
    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final int READ_TIMEOUT_MS = 10_000;
    static final Duration DISCOVERY_LIFETIME = Duration.ofDays(1);

    @Inject
    CompanySignInSettings settings;

    @Inject
    Clock clock;

    private volatile Discovered discovered;

    /** What discovery found, with the validator over the provider's keys. */
    record Discovered(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys, Instant at) {
    }

    /** The address to send the browser (or the app) to, to sign in with PKCE, state and nonce. */
    public URI authorizationUri(String redirectUri, String clientId, String state, String nonce, CodeVerifier verifier) {
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "email", "profile"), new ClientID(clientId),
                URI.create(redirectUri))
                .endpointURI(discovered().metadata().getAuthorizationEndpointURI())
                .state(new State(state)).nonce(new Nonce(nonce))
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
    }

    /** Spends the authorisation code at the token endpoint and returns the validated ID token's claims and the token. */
    public Validated exchange(String code, String redirectUri, String codeVerifier, String nonce, ClientAuthentication client, String clientId) {
        Discovered provider = discovered();
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(redirectUri), new CodeVerifier(codeVerifier));
        TokenRequest request = client == null
                ? new TokenRequest(provider.metadata().getTokenEndpointURI(), new ClientID(clientId), grant)
                : new TokenRequest(provider.metadata().getTokenEndpointURI(), client, grant);
        TokenResponse response;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(CONNECT_TIMEOUT_MS);
            http.setReadTimeout(READ_TIMEOUT_MS);
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException | ParseException e) {
            throw new OidcRefusal(OidcRefusal.Reason.UNAVAILABLE, "token endpoint: " + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            throw new OidcRefusal(OidcRefusal.Reason.PROVIDER, "token endpoint: " + response.toErrorResponse().getErrorObject());
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new OidcRefusal(OidcRefusal.Reason.TOKEN, "the token response has no ID token");
        }
        OidcTokenValidator validator = new OidcTokenValidator(settings.issuer(), clientId, provider.keys(), settings.clockSkew());
        return new Validated(validator.validate(idToken, nonce), idToken.getParsedString());
    }

    /** A validated ID token's claims, and the token itself (the hint for signing out at the provider). */
    public record Validated(IDTokenClaimsSet claims, String idToken) {
    }

    /** The web application's own client, with its secret. */
    ClientAuthentication webClient() {
        return new ClientSecretBasic(new ClientID(settings.clientId()), new Secret(settings.clientSecret()));
    }

    /** RP-initiated logout, when the provider offers it: where to send the browser to end its session there too. */
    public Optional<URI> endSessionUri(String idTokenHint, URI afterLogout) {
        try {
            URI endpoint = discovered().metadata().getEndSessionEndpointURI();
            if (endpoint == null) {
                return Optional.empty();
            }
            JWT hint = idTokenHint == null ? null : com.nimbusds.jwt.JWTParser.parse(idTokenHint);
            return Optional.of(new LogoutRequest(endpoint, hint, afterLogout, null).toURI());
        } catch (OidcRefusal | java.text.ParseException e) {
            LOG.log(Level.WARNING, "No sign-out at the provider: " + e.getMessage());
            return Optional.empty();
        }
    }

    Discovered discovered() {
        Discovered known = discovered;
        if (known != null && known.at().plus(DISCOVERY_LIFETIME).isAfter(clock.instant())) {
            return known;
        }
        synchronized (this) {
            if (discovered == known) {
                discovered = discover();
            }
            return discovered;
        }
    }

    private Discovered discover() {
        String issuer = settings.issuer();
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(metadata.getJWKSetURI().toURL())
                    .retrying(true).build();
            return new Discovered(metadata, keys, clock.instant());
        } catch (Exception e) {
            throw new OidcRefusal(OidcRefusal.Reason.UNAVAILABLE, "discovery of " + issuer + ": " + e.getMessage(), e);
        }
    }

    /** For the app: the provider's authorisation and token endpoints, as discovered. */
    public OIDCProviderMetadata metadata() {
        return discovered().metadata();
    }
}
