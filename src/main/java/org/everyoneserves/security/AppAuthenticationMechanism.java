package org.everyoneserves.security;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.everyoneserves.platform.WebPaths;
import org.everyoneserves.platform.web.Outage;

/**
 * The application's one authentication mechanism. Pages: form sign-in through {@code /login.xhtml}; anonymous
 * requests for protected pages are sent there and back afterwards. At sign-in the session id changes, against
 * session fixation, and the session remembers what {@link SessionGuard} checks on every later request.
 */
@ApplicationScoped
@PageSession
@LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false)
public class AppAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SignInAttempt attempt;

    @Inject
    TokenService tokens;

    @Inject
    ApiCaller apiCaller;

    @Inject
    SessionGuard guard;

    @Inject
    OidcSignIn oidc;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            return authenticate(request, context);
        } catch (RuntimeException e) {
            if (!Outage.isDatabaseDown(e)) {
                throw e;
            }
            try {
                Outage.answer(request, response, e);
            } catch (IOException written) {
                throw new UncheckedIOException(written);
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
    }

    /** A database that cannot be reached is answered above, by {@link Outage}'s 503: this runs before any filter. */
    private AuthenticationStatus authenticate(HttpServletRequest request, HttpMessageContext context) {
        if (usesBearer(request)) {
            return bearer(request, context);
        }
        // company sign-in (OpenID Connect): the provider's answer at /oidc/callback; see OidcSignIn
        if (oidc.isCallback(request)) {
            CredentialValidationResult company = oidc.signIn(request);
            return company.getStatus() == VALID
                    ? signedIn(request, context, company, guard.accessVersion(Long.parseLong(company.getCallerPrincipal().getName())))
                    : context.doNothing();
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential == null) {
            return context.doNothing();
        }
        attempt.clientAddress(request.getRemoteAddr());
        attempt.channel("web");
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() == VALID) {
            return signedIn(request, context, result, attempt.accessVersion());
        }
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * A new page session for the person, under a new session id (against fixation), remembering what
     * {@link SessionGuard} checks on every later request.
     */
    private AuthenticationStatus signedIn(HttpServletRequest request, HttpMessageContext context, CredentialValidationResult result,
                                          int accessVersion) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.changeSessionId();
        }
        guard.signedIn(request.getSession(true), Long.parseLong(result.getCallerPrincipal().getName()), accessVersion,
                result.getCallerGroups());
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * The API knows no sessions or cookies: a request is signed in by its "Authorization: Bearer" access token alone.
     * A missing or bad token leaves it anonymous; the resource answers 401 if it needs a caller.
     */
    private AuthenticationStatus bearer(HttpServletRequest request, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return context.doNothing();
        }
        TokenService.Check check = tokens.authenticate(header.substring(BEARER.length()).strip(), request.getRemoteAddr());
        if (check.bearer() == null) {
            apiCaller.rejected(check.rejection());
            return context.doNothing();
        }
        apiCaller.accepted(check.bearer());
        return context.notifyContainerAboutLogin(String.valueOf(check.bearer().personId()), check.bearer().groups());
    }

    /**
     * The API, and a module's picture loaded by the app with its access token (the browser sends its session): these
     * requests are signed in by the token alone and never make an HTTP session.
     */
    static boolean usesBearer(HttpServletRequest request) {
        return isApi(request) || request.getHeader("Authorization") != null
                && request.getRequestURI().startsWith(request.getContextPath() + WebPaths.CONTENT_ASSETS);
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
