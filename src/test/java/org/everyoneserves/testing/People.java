package org.everyoneserves.testing;

import java.time.LocalDate;
import java.util.UUID;
import org.everyoneserves.people.Department;
import org.everyoneserves.people.JobRole;
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

    /** How the person made with this name is shown: "Lukas Test1a2b3c4d". */
    public String displayName(String name) {
        return firstName(name) + " " + lastName();
    }

    private static String firstName(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private String lastName() {
        return "Test" + run;
    }

    public PersonDetails details(String name, String managerName) {
        PersonDetails details = new PersonDetails();
        details.setEmail(email(name));
        details.setFirstName(firstName(name));
        details.setLastName(lastName());
        details.setStartDate(LocalDate.of(2026, 1, 5));
        details.setManagerEmail(managerName == null ? null : email(managerName));
        return details;
    }

    /** Creates a person reporting to {@code managerName} (made earlier by this builder), or to nobody. */
    public long create(String name, String managerName) {
        return service.create(Caller.SYSTEM, details(name, managerName));
    }

    /** Creates the person, in their department and role (whose curriculum is then assigned), reporting to their manager. */
    public long create(NewPerson person) {
        PersonDetails details = details(person.name, null);
        details.setStartDate(person.startDate);
        details.setManagerEmail(person.managerEmail);
        details.setAdmin(person.admin);
        if (person.department != null) {
            details.setDepartmentId(service.findByCode(Department.class, person.department)
                    .orElseThrow(() -> new IllegalArgumentException("no department " + person.department)));
        }
        if (person.role != null) {
            details.setJobRoleId(service.findByCode(JobRole.class, person.role)
                    .orElseThrow(() -> new IllegalArgumentException("no job role " + person.role)));
        }
        return service.create(Caller.SYSTEM, details);
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
