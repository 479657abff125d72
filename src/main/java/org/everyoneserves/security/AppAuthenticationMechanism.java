package org.everyoneserves.security;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.everyoneserves.platform.WebPaths;
import org.everyoneserves.platform.web.Outage;

/**
 * The application's one authentication mechanism, called by the server before every request. The API: the access token
 * alone. Pages: form sign-in through {@code /login.xhtml} or the company's provider; anonymous requests for protected
 * pages are sent to the sign-in page and back afterwards. At sign-in the session id changes, against session fixation,
 * and the session remembers what {@link SessionGuard} checks on every later request.
 * <p>
 * "Sign in and come back" is done here rather than by Jakarta Security's {@code @LoginToContinue}: its interceptor
 * asked the session manager for a session several times on every request, the API's included (each ask of the
 * distributable session manager opens and closes a batch of its cache, even for a request without a session cookie),
 * and it had to run after the page session's check. Here a request without a session cookie never asks for a
 * session, and the API never does.
 * <p>
 * A signed-in page session is signed in again on every request from what {@link SessionGuard} recorded at sign-in (the
 * person, their access version, when), with the roles the guard derives from the database for this request. The
 * server's own cached identity is not used: it would add the roles of the sign-in to those of every later request, so
 * rights taken would stay until the session ends. When the guard says the session must end, the sign-in ends and the
 * request goes on as anonymous. It ends by forgetting the caller (the guard's attributes), not by invalidating the
 * session: this runs before the servlet, where CDI's conversation context is already bound to the session.
 * Invalidating a distributed session there was seen to leave CDI unable to close that context (WELD-000717, then
 * WELD-000335 on the worker thread's next request) and a session cache transaction open until the node stopped
 * (ISPN000100); a transaction left open holds up the state transfer to a node joining the cluster (ISPN000658 in a
 * rolling restart) and breaks later session reads on its thread (ISPN000136). A later sign-in in the same browser
 * gets a new session id anyway.
 */
@ApplicationScoped
public class AppAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";
    /** The page (path and query, in the application) an anonymous request asked for, to come back to after sign-in. */
    static final String RETURN_TO = "everyoneserves.returnTo";

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

    @Inject
    SecurityLog securityLog;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
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
    private AuthenticationStatus authenticate(HttpServletRequest request, HttpMessageContext context) throws AuthenticationException {
        if (usesBearer(request)) {
            return bearer(request, context);
        }
        HttpSession session = existingSession(request);
        Long personId = session == null ? null : SessionGuard.personOf(session);
        if (personId != null) {
            SessionGuard.Verdict verdict = guard.check(session);
            if (verdict.goesOn()) {
                return context.notifyContainerAboutLogin(String.valueOf(personId), verdict.groups());
            }
            securityLog.sessionEnded(personId, verdict.endReason());
            guard.signedOut(session);
            try {
                request.logout();
            } catch (ServletException e) {
                throw new AuthenticationException(e);
            }
        }
        // company sign-in (OpenID Connect): the provider's answer at /oidc/callback; see OidcSignIn
        if (oidc.isCallback(request)) {
            CredentialValidationResult company = oidc.signIn(request);
            return company.getStatus() == VALID
                    ? signedIn(request, context, company, guard.accessVersion(Long.parseLong(company.getCallerPrincipal().getName())))
                    : context.doNothing();
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            attempt.clientAddress(request.getRemoteAddr());
            attempt.channel("web");
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == VALID) {
                return signedIn(request, context, result, attempt.accessVersion());
            }
            return context.notifyContainerAboutLogin(result);
        }
        if (context.isProtected() && !context.isAuthenticationRequest()) {
            return toSignIn(request, context);
        }
        return context.doNothing();
    }

    /** The request's session if it sent a session cookie; without one there is none, and the session manager is not asked. */
    private static HttpSession existingSession(HttpServletRequest request) {
        return request.getRequestedSessionId() == null ? null : request.getSession(false);
    }

    /** An anonymous request for a protected page: remembers the page and sends the browser to the sign-in page. */
    private static AuthenticationStatus toSignIn(HttpServletRequest request, HttpMessageContext context) {
        String query = request.getQueryString();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // one leading slash: "//host/..." would send the browser to another site after sign-in
        String page = "/" + path.replaceFirst("^[/\\\\]+", "") + (query == null ? "" : "?" + query);
        request.getSession(true).setAttribute(RETURN_TO, page);
        return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }

    /**
     * A new page session for the person, under a new session id (against fixation), remembering what
     * {@link SessionGuard} checks on every later request; then back to the page they asked for before signing in, if any.
     */
    private AuthenticationStatus signedIn(HttpServletRequest request, HttpMessageContext context, CredentialValidationResult result,
                                          int accessVersion) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.changeSessionId();
        }
        session = request.getSession(true);
        guard.signedIn(session, Long.parseLong(result.getCallerPrincipal().getName()), accessVersion, result.getCallerGroups());
        AuthenticationStatus status = context.notifyContainerAboutLogin(result);
        if (session.getAttribute(RETURN_TO) instanceof String page) {
            session.removeAttribute(RETURN_TO);
            return context.redirect(request.getContextPath() + page);
        }
        return status;
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
