package org.everyoneserves.testing;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.everyoneserves.demo.DemoOrganisation;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.security.AccountService;
import org.everyoneserves.security.PasswordHasher;

/**
 * {@code POST /testing/people} in a client test's own copy of the application ({@link Deployments#withPeople}), never
 * in the application itself: makes a {@link NewPerson} with the demo password and answers with its id and e-mail;
 * with {@code revokeAdmin=<id>} or {@code grantAdmin=<id>}, takes or gives that person's admin rights, with
 * {@code person=<id>&moveTo=<manager's e-mail, or empty>} moves them to another manager, and with {@code deactivate=<id>}
 * deactivates them, as an admin would on their page.
 */
@WebServlet("/testing/people")
public class PeopleServlet extends HttpServlet {

    @Inject
    PersonService service;

    @Inject
    AccountService accounts;

    @Inject
    PasswordHasher hasher;

    private String passwordHash;

    @Override
    public void init() {
        passwordHash = hasher.hash(DemoOrganisation.PASSWORD);
    }

    /** Each person gets a {@link People} of their own, so that the same name asked twice makes two people. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getParameter("revokeAdmin") != null || request.getParameter("grantAdmin") != null) {
            boolean grant = request.getParameter("grantAdmin") != null;
            long id = Long.parseLong(request.getParameter(grant ? "grantAdmin" : "revokeAdmin"));
            var details = service.details(Caller.SYSTEM, id);
            details.setAdmin(grant);
            service.update(Caller.SYSTEM, id, details);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (request.getParameter("moveTo") != null) {
            long id = Long.parseLong(request.getParameter("person"));
            var details = service.details(Caller.SYSTEM, id);
            details.setManagerEmail(request.getParameter("moveTo").isEmpty() ? null : request.getParameter("moveTo"));
            service.update(Caller.SYSTEM, id, details);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (request.getParameter("deactivate") != null) {
            service.deactivate(Caller.SYSTEM, Long.parseLong(request.getParameter("deactivate")));
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        People people = new People(service);
        NewPerson person = NewPerson.fromForm(request::getParameter);
        long id = people.create(person);
        accounts.storePasswordHash(id, passwordHash);
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder().add("id", id).add("email", people.email(person.name))
                .add("name", people.displayName(person.name)).build().toString());
    }
}
