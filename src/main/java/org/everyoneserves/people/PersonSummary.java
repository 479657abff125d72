package org.everyoneserves.people;

import java.time.LocalDate;

/**
 * One line of a list of people, and what other features need to know of a person.
 *
 * @param department  the department's name
 * @param jobRole     the job role's name
 * @param jobRoleCode the job role's code, as content and curricula name it
 * @param locale      the language of their pages and messages
 */
public record PersonSummary(long id, String email, String firstName, String lastName, String department,
                            String jobRole, Long managerId, String manager, LocalDate startDate, boolean active,
                            boolean admin, Long departmentId, String jobRoleCode, String locale) implements java.io.Serializable {

    public String displayName() {
        return firstName + " " + lastName;
    }

    static final String SELECT = "select new org.everyoneserves.people.PersonSummary(p.id, p.email, p.firstName, "
            + "p.lastName, d.name, r.name, m.id, concat(m.firstName, ' ', m.lastName), p.startDate, p.active, p.admin, d.id, r.code, p.locale) "
            + "from Person p left join p.department d left join p.jobRole r left join p.manager m ";
}
