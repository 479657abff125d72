package org.everyoneserves.testing;

import java.time.LocalDate;
import java.util.UUID;
import org.everyoneserves.people.PersonDetails;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.Caller;

/** Makes people for in-container tests: unique e-mails, so tests never see each other's data. */
public final class People {

    private final PersonService service;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    public People(PersonService service) {
        this.service = service;
    }

    public String email(String name) {
        return name + "." + run + "@test.example";
    }

    public PersonDetails details(String name, String managerName) {
        PersonDetails details = new PersonDetails();
        details.setEmail(email(name));
        details.setFirstName(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        details.setLastName("Test" + run);
        details.setStartDate(LocalDate.of(2026, 1, 5));
        details.setManagerEmail(managerName == null ? null : email(managerName));
        return details;
    }

    /** Creates a person reporting to {@code managerName} (made earlier by this builder), or to nobody. */
    public long create(String name, String managerName) {
        return service.create(Caller.SYSTEM, details(name, managerName));
    }

    public static Caller learner(long id) {
        return new Caller(id, false, false);
    }

    public static Caller manager(long id) {
        return new Caller(id, false, true);
    }

    public static Caller admin(long id) {
        return new Caller(id, true, false);
    }
}
