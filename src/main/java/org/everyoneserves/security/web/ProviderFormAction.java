package org.everyoneserves.security.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.everyoneserves.security.CompanySignInSettings;

/**
 * With company sign-in on, a page's sign-out form ends at the provider (RP-initiated logout): the POST answers with a
 * redirect to the provider's end-session endpoint. Browsers hold such a redirect to the page's
 * {@code form-action} directive, which the server sets to {@code 'self'} for every answer (wildfly-config/server.cli),
 * and would stop at a blank page. This adds the provider's origin, and only that, to the directive of pages.
 */
@WebFilter(filterName = "providerFormAction", urlPatterns = "*.xhtml")
public class ProviderFormAction extends HttpFilter {

    private static final String CSP = "Content-Security-Policy";
    private static final String FORM_ACTION = "form-action 'self'";

    @Inject
    CompanySignInSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String policy = response.getHeader(CSP);
        if (settings.enabled() && policy != null && policy.contains(FORM_ACTION)) {
            response.setHeader(CSP, policy.replace(FORM_ACTION, FORM_ACTION + " " + origin(settings.issuer())));
        }
        chain.doFilter(request, response);
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
