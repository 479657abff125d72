package org.everyoneserves.testing;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/**
 * Makes people for a client test, through {@link PeopleServlet} in the test's own copy of the application (deploy it
 * with {@link Deployments#withPeople}). Each signs in with the demo password.
 */
public final class RemotePeople {

    /** A person made for the test. */
    public record Made(long id, String email, String name) {
    }

    private final String path;
    private final Web web = new Web();

    public RemotePeople(Class<?> testClass) {
        this.path = "/" + Deployments.peopleContext(testClass) + "/testing/people";
    }

    /** Takes the person's admin rights, as an admin would on their page. */
    public void revokeAdmin(long id) {
        change(java.util.Map.of("revokeAdmin", String.valueOf(id)));
    }

    /** Gives the person admin rights, as an admin would on their page. */
    public void grantAdmin(long id) {
        change(java.util.Map.of("grantAdmin", String.valueOf(id)));
    }

    /** Makes the person report to the manager with this e-mail (null: to nobody), as an admin would on their page. */
    public void moveTo(long id, String managerEmail) {
        change(java.util.Map.of("person", String.valueOf(id), "moveTo", managerEmail == null ? "" : managerEmail));
    }

    /** Deactivates the person, as an admin would on their page. */
    public void deactivate(long id) {
        change(java.util.Map.of("deactivate", String.valueOf(id)));
    }

    private void change(java.util.Map<String, String> form) {
        HttpResponse<String> response = web.postForm(path, form);
        if (response.statusCode() != 204) {
            throw new AssertionError("could not change " + form + ": " + response.statusCode() + " " + response.body());
        }
    }

    public Made create(NewPerson person) {
        HttpResponse<String> response = web.postForm(path, person.form());
        if (response.statusCode() != 200) {
            throw new AssertionError("could not make " + person.form() + ": " + response.statusCode() + " " + response.body());
        }
        JsonObject made = Api.json(response);
        return new Made(made.getJsonNumber("id").longValue(), made.getString("email"), made.getString("name"));
    }
}
