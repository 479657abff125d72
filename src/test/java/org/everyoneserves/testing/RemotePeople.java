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

    public Made create(NewPerson person) {
        HttpResponse<String> response = web.postForm(path, person.form());
        if (response.statusCode() != 200) {
            throw new AssertionError("could not make " + person.form() + ": " + response.statusCode() + " " + response.body());
        }
        JsonObject made = Api.json(response);
        return new Made(made.getJsonNumber("id").longValue(), made.getString("email"), made.getString("name"));
    }
}
