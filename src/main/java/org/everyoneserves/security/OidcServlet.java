package org.everyoneserves.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The two addresses of the company sign-in. {@code /oidc/start} sends the browser to the provider. At
 * {@code /oidc/callback} the authentication mechanism has already signed the person in, or refused: this sends them
 * home, or to the page that says why not.
 */
@WebServlet({OidcSignIn.START, OidcSignIn.CALLBACK})
public class OidcServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OidcSignIn oidc;

    @Inject
    transient CompanySignInSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (!settings.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (request.getServletPath().equals(OidcSignIn.START)) {
            try {
                response.sendRedirect(oidc.start(request).toString());
            } catch (OidcRefusal refusal) {
                refused(request, response, refusal.reason());
            }
            return;
        }
        if (request.getUserPrincipal() != null) {
            response.sendRedirect(request.getContextPath() + "/index.xhtml");
            return;
        }
        Object reason = request.getAttribute(OidcSignIn.REFUSAL);
        refused(request, response, reason instanceof OidcRefusal.Reason r ? r : OidcRefusal.Reason.STATE);
    }

    private static void refused(HttpServletRequest request, HttpServletResponse response, OidcRefusal.Reason reason) throws IOException {
        response.sendRedirect(request.getContextPath() + "/signin-refused.xhtml?reason=" + reason.name().toLowerCase(Locale.ROOT));
    }
}
