package org.everyoneserves.testing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A person a test makes for itself instead of changing a demo person: name, department, job role, start date and
 * manager. {@link People} makes it inside the server, {@link RemotePeople} from a client test; both give it a unique
 * e-mail, so tests never see each other's people.
 */
public final class NewPerson {

    final String name;
    String department;
    String role;
    LocalDate startDate = LocalDate.of(2026, 1, 5);
    String managerEmail;
    boolean admin;

    private NewPerson(String name) {
        this.name = name;
    }

    public static NewPerson named(String name) {
        return new NewPerson(name);
    }

    /** The department with this code, e.g. {@code finance}. */
    public NewPerson department(String code) {
        this.department = code;
        return this;
    }

    /** The job role with this code, e.g. {@code support-agent}: its curriculum is assigned. */
    public NewPerson role(String code) {
        this.role = code;
        return this;
    }

    public NewPerson startedOn(LocalDate day) {
        this.startDate = day;
        return this;
    }

    /** Reports to the person with this e-mail (one made earlier, or a demo manager who only reads). */
    public NewPerson manager(String email) {
        this.managerEmail = email;
        return this;
    }

    /** An admin. */
    public NewPerson admin() {
        this.admin = true;
        return this;
    }

    Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("startDate", startDate.toString());
        if (department != null) {
            form.put("department", department);
        }
        if (role != null) {
            form.put("role", role);
        }
        if (managerEmail != null) {
            form.put("manager", managerEmail);
        }
        if (admin) {
            form.put("admin", "true");
        }
        return form;
    }

    static NewPerson fromForm(Function<String, String> field) {
        NewPerson person = named(field.apply("name")).startedOn(LocalDate.parse(field.apply("startDate")));
        person.department = field.apply("department");
        person.role = field.apply("role");
        person.managerEmail = field.apply("manager");
        person.admin = "true".equals(field.apply("admin"));
        return person;
    }
}
