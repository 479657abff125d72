package org.everyoneserves.security;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.everyoneserves.platform.AppConfig;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Hashes;

/**
 * Sign-in for pages with the company's OpenID provider: the authorisation code flow with PKCE, {@code state} and
 * {@code nonce} (RFC 6749, 7636; OpenID Connect Core). {@code /oidc/start} sends the browser to the provider; the
 * provider sends it back to {@code /oidc/callback}, where {@link AppAuthenticationMechanism} asks {@link #signIn} who
 * it is. A refusal leaves the request anonymous with its reason in a request attribute, for {@link OidcServlet} to
 * show.
 */
@ApplicationScoped
public class OidcSignIn {

    public static final String START = "/oidc/start";
    public static final String CALLBACK = "/oidc/callback";
    /** The ID token of a session signed in through the provider: the hint for signing out there too. */
    static final String SESSION_ID_TOKEN = "everyoneserves.oidc.idToken";
    static final String REFUSAL = "everyoneserves.oidc.refusal";
    private static final Logger LOG = Logger.getLogger(OidcSignIn.class.getName());

    @Inject
    CompanySignInSettings settings;

    @Inject
    OidcProvider provider;

    @Inject
    OidcAccounts accounts;

    @Inject
    AppConfig config;

    @Inject
    TokenService tokens;

    @Inject
    Clock clock;

    @Inject
    SecurityLog securityLog;

    /** Starts a sign-in: remembers its state, nonce and PKCE verifier in the session; returns the provider's address. */
    public URI start(HttpServletRequest request) {
        String state = Hashes.newSecret(24);
        String nonce = Hashes.newSecret(24);
        CodeVerifier verifier = new CodeVerifier();
        String redirectUri = base(request) + CALLBACK;
        HttpSession session = request.getSession(true);
        OidcPendingSignIns pending = (OidcPendingSignIns) session.getAttribute(OidcPendingSignIns.SESSION_ATTRIBUTE);
        if (pending == null) {
            pending = new OidcPendingSignIns();
        }
        pending.add(new OidcPendingSignIns.Pending(state, nonce, verifier.getValue(), redirectUri, clock.instant()));
        session.setAttribute(OidcPendingSignIns.SESSION_ATTRIBUTE, pending);
        return provider.authorizationUri(redirectUri, settings.clientId(), state, nonce, verifier);
    }

    boolean isCallback(HttpServletRequest request) {
        return settings.enabled() && request.getRequestURI().equals(request.getContextPath() + CALLBACK);
    }

    /**
     * Finishes a sign-in at the callback: the state must be one this browser started and not yet finished, the code is
     * exchanged with its PKCE verifier, the ID token is validated fully, and the account must belong to an active
     * person here.
     */
    CredentialValidationResult signIn(HttpServletRequest request) {
        try {
            HttpSession session = request.getSession(false);
            OidcPendingSignIns open = session == null ? null : (OidcPendingSignIns) session.getAttribute(OidcPendingSignIns.SESSION_ATTRIBUTE);
            OidcPendingSignIns.Pending pending = Optional.ofNullable(open).flatMap(o -> o.take(request.getParameter("state"), clock.instant()))
                    .orElseThrow(() -> new OidcRefusal(OidcRefusal.Reason.STATE, "unknown, finished or expired state"));
            session.setAttribute(OidcPendingSignIns.SESSION_ATTRIBUTE, open);
            if (request.getParameter("error") != null) {
                throw new OidcRefusal(OidcRefusal.Reason.PROVIDER, request.getParameter("error") + " " + request.getParameter("error_description"));
            }
            String code = request.getParameter("code");
            if (code == null || code.isBlank()) {
                throw new OidcRefusal(OidcRefusal.Reason.PROVIDER, "no code in the answer");
            }
            OidcProvider.Validated validated = provider.exchange(code, pending.redirectUri(), pending.codeVerifier(), pending.nonce(),
                    provider.webClient(), settings.clientId());
            OidcAccounts.SignedIn signedIn = resolve(identity(validated.claims()));
            session.setAttribute(SESSION_ID_TOKEN, validated.idToken());
            securityLog.signedIn(signedIn.personId(), request.getRemoteAddr(), "oidc");
            return new CredentialValidationResult(String.valueOf(signedIn.personId()), signedIn.groups());
        } catch (OidcRefusal refusal) {
            LOG.log(refusal.reason() == OidcRefusal.Reason.UNAVAILABLE ? Level.WARNING : Level.INFO, "Company sign-in refused: " + refusal.getMessage());
            request.setAttribute(REFUSAL, refusal.reason());
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    /** Resolves the person; two first sign-ins of the same account at once both end signed in, with one link. */
    OidcAccounts.SignedIn resolve(OidcAccounts.Identity identity) {
        try {
            return accounts.resolve(identity);
        } catch (PersistenceException | jakarta.transaction.TransactionalException raced) {
            return accounts.resolve(identity);
        }
    }

    OidcAccounts.Identity identity(IDTokenClaimsSet claims) {
        String email = claims.getStringClaim(settings.emailClaim());
        boolean verified = settings.trustEmail() || Boolean.TRUE.equals(claims.getBooleanClaim("email_verified"));
        List<String> groups = Optional.ofNullable(claims.getStringListClaim(settings.groupsClaim())).orElse(List.of());
        return new OidcAccounts.Identity(claims.getIssuer().getValue(), claims.getSubject().getValue(), email, verified,
                claims.getStringClaim("given_name"), claims.getStringClaim("family_name"), groups);
    }

    /** What the app needs to start its own code flow at the provider (RFC 8252). */
    public record AppConfiguration(String issuer, URI authorizationEndpoint, String clientId, String scope, String name, boolean localPasswords) {
    }

    public AppConfiguration appConfiguration() {
        requireApp();
        try {
            return new AppConfiguration(settings.issuer(), provider.metadata().getAuthorizationEndpointURI(), settings.appClientId(),
                    "openid email profile", settings.name(), settings.localPasswords());
        } catch (OidcRefusal refusal) {
            throw refused(refusal);
        }
    }

    /**
     * The mobile app's own code flow with PKCE (RFC 8252): the app sent the person to the provider with its own public
     * client, a code verifier and a nonce, and hands the code here. The API spends the code at the provider with that
     * verifier, validates the ID token for the app's client and nonce, finds the person exactly as for the web, and
     * opens a device sign-in with the app's own access and refresh tokens.
     */
    public TokenService.Issued signInApp(String code, String codeVerifier, String redirectUri, String nonce, String device,
                                         String address, String writeId) {
        requireApp();
        try {
            OidcProvider.Validated validated = provider.exchange(code, redirectUri, codeVerifier, nonce, null, settings.appClientId());
            OidcAccounts.SignedIn signedIn = resolve(identity(validated.claims()));
            TokenService.Issued issued = tokens.signInVouched(signedIn.personId(), device, address, writeId);
            securityLog.signedIn(signedIn.personId(), address, "oidc_app");
            return issued;
        } catch (OidcRefusal refusal) {
            throw refused(refusal);
        }
    }

    private void requireApp() {
        if (!settings.enabled() || settings.appClientId().isEmpty()) {
            throw new BusinessException(BusinessException.Kind.NOT_FOUND, "auth.error.companySignInOff");
        }
    }

    private static BusinessException refused(OidcRefusal refusal) {
        LOG.log(Level.INFO, "Company sign-in of the app refused: " + refusal.getMessage());
        return refusal.reason() == OidcRefusal.Reason.UNAVAILABLE
                ? new BusinessException(BusinessException.Kind.UNAVAILABLE, "auth.error.companySignIn.unavailable").retryAfter(java.time.Duration.ofSeconds(30))
                : new BusinessException(BusinessException.Kind.UNAUTHORIZED, "auth.error.companySignIn." + refusal.reason().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Where to send the browser after the local session has ended, to end the provider's as well (RP-initiated logout). */
    public Optional<URI> endSessionUri(HttpServletRequest request, String afterLogoutPath) {
        HttpSession session = request.getSession(false);
        Object idToken = session == null ? null : session.getAttribute(SESSION_ID_TOKEN);
        if (!settings.enabled() || idToken == null) {
            return Optional.empty();
        }
        return provider.endSessionUri((String) idToken, URI.create(base(request) + afterLogoutPath));
    }

    private String base(HttpServletRequest request) {
        String configured = config.publicUrl();
        if (!configured.isEmpty()) {
            return configured.replaceAll("/+$", "");
        }
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }
}
