package org.everyoneserves.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Locale;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.Outage;

/** The signed-in person of this request, for pages: their name, roles and language. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext security;

    @Inject
    PersonService people;

    private PersonSummary person;
    private String locale;

    @Inject
    HttpServletRequest request;

    /** The servlet's principal: Elytron's SecurityContext reports an "anonymous" principal for nobody. */
    public boolean isSignedIn() {
        return request.getUserPrincipal() != null;
    }

    /** The caller for service calls; pages under /learner, /manager, /admin are only reachable signed in. */
    public Caller caller() {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            throw BusinessException.forbidden();
        }
        return new Caller(Long.parseLong(principal.getName()), isAdmin(), isManager());
    }

    public PersonSummary getPerson() {
        if (person == null && isSignedIn()) {
            person = people.me(caller());
        }
        return person;
    }

    public boolean isAdmin() {
        return security.isCallerInRole(Roles.ADMIN);
    }

    public boolean isManager() {
        return security.isCallerInRole(Roles.MANAGER);
    }

    /** The person's language when signed in, else the browser's if we have it, else English. */
    public String getLocale() {
        if (locale == null) {
            if (isSignedIn()) {
                locale = getPerson().locale();
                rememberForOutage(locale);
            } else {
                Locale requested = FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
                locale = requested != null && "de".equals(requested.getLanguage()) ? "de" : "en";
            }
        }
        return locale;
    }

    /** The page that says the database is away (Outage) cannot ask it for the person's language. */
    private void rememberForOutage(String language) {
        HttpSession session = request.getSession(false);
        if (session != null && !language.equals(session.getAttribute(Outage.SESSION_LOCALE))) {
            session.setAttribute(Outage.SESSION_LOCALE, language);
        }
    }

    /** Where a person lands after signing in: the most useful home for their roles. */
    public String getHome() {
        if (isAdmin()) {
            return "/admin/index.xhtml";
        }
        return isManager() ? "/manager/index.xhtml" : "/learner/index.xhtml";
    }
}
