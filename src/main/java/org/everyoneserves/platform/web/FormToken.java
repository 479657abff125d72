package org.everyoneserves.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import org.everyoneserves.platform.Hashes;

/**
 * The session's form token, {@code #{formToken.value}} in a hidden field named {@value #FIELD}: the CSRF token of the
 * forms on pages whose view is transient (statelessView in the layout), which keep no view state and so have no view
 * state id to serve as one. {@link StatelessPostbacks} checks it. One per session, made when a page first shows it.
 */
@Named
@RequestScoped
public class FormToken {

    public static final String FIELD = "es_form_token";
    private static final String ATTRIBUTE = FormToken.class.getName();

    public String getValue() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpSession session = (HttpSession) external.getSession(true);
        String token = (String) session.getAttribute(ATTRIBUTE);
        if (token != null) {
            return token;
        }
        synchronized (FormToken.class) {   // two first pages of one session at once (its requests stay on one node)
            token = (String) session.getAttribute(ATTRIBUTE);
            if (token == null) {
                token = Hashes.newSecret(32);
                session.setAttribute(ATTRIBUTE, token);
            }
            return token;
        }
    }

    /** The session's token; null when it has none (no page with such a form was shown in it). */
    static String of(ExternalContext external) {
        HttpSession session = (HttpSession) external.getSession(false);
        return session == null ? null : of(session);
    }

    /** The session's token; null when it has none. */
    static String of(HttpSession session) {
        return (String) session.getAttribute(ATTRIBUTE);
    }
}
