package org.everyoneserves.people;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.everyoneserves.platform.AppLock;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.audit.AuditLog;

/**
 * Importing people from an HR system's export: {@link PeopleCsv} reads the file, {@link ImportPlanner} decides each
 * line's fate, this writes the plan. Reached through {@link PersonService}.
 */
@Dependent
class PeopleImport {

    @PersistenceContext
    EntityManager em;

    @Inject
    AppLock appLock;

    @Inject
    AuditLog audit;

    @Inject
    Organisation organisation;

    @Inject
    PersonService people;

    /** What importing this file would do, line by line. Changes nothing. */
    ImportPlan preview(Caller caller, String csv) {
        PersonService.requireAdmin(caller);
        return planner().plan(PeopleCsv.parse(csv));
    }

    /**
     * Imports the file if, and only if, no line has an error: all of it or nothing. Lines that match what is stored
     * change nothing, so importing the same file twice changes nothing the second time, also when both run at once
     * (imports queue on {@link AppLock#PEOPLE} and plan against what the one before committed).
     */
    ImportPlan apply(Caller caller, String csv) {
        PersonService.requireAdmin(caller);
        appLock.hold(AppLock.PEOPLE);
        ImportPlanner planner = planner();
        ImportPlan plan = planner.plan(PeopleCsv.parse(csv));
        if (plan.hasErrors()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "import.error.hasErrors", plan.allIssues().size());
        }
        Map<String, Department> departmentsByName = new HashMap<>();
        organisation.departments().forEach(d -> departmentsByName.put(d.getName().toLowerCase(Locale.ROOT), d));
        for (String name : plan.newDepartments()) {
            Department department = new Department(organisation.freeCode(Department.class, name), name);
            em.persist(department);
            departmentsByName.put(name.toLowerCase(Locale.ROOT), department);
            audit.record(caller.personId(), "department.created", "department", null, "import: " + name);
        }
        Map<String, JobRole> rolesByName = new HashMap<>();
        organisation.jobRoles().forEach(r -> rolesByName.put(r.getName().toLowerCase(Locale.ROOT), r));
        for (String name : plan.newJobRoles()) {
            JobRole role = new JobRole(organisation.freeCode(JobRole.class, name), name, null);
            em.persist(role);
            rolesByName.put(name.toLowerCase(Locale.ROOT), role);
            audit.record(caller.personId(), "jobRole.created", "jobRole", null, "import: " + name);
        }
        Map<String, Person> touched = new HashMap<>();
        Map<String, String> rolesBefore = new HashMap<>();
        for (ImportPlanner.Wanted want : planner.wanted()) {
            if (want.fate() == ImportPlan.Fate.UNCHANGED) {
                continue;
            }
            Person person = want.fate() == ImportPlan.Fate.CREATE
                    ? new Person(want.email(), want.firstName(), want.lastName(), want.startDate())
                    : people.findByEmail(want.email()).orElseThrow();
            rolesBefore.put(want.email(), PersonService.roleCode(person));
            person.setFirstName(want.firstName());
            person.setLastName(want.lastName());
            person.setStartDate(want.startDate());
            person.setLocale(want.locale());
            person.setDepartment(want.department() == null ? null : departmentsByName.get(want.department().toLowerCase(Locale.ROOT)));
            person.setJobRole(want.jobRole() == null ? null : rolesByName.get(want.jobRole().toLowerCase(Locale.ROOT)));
            if (want.fate() == ImportPlan.Fate.CREATE) {
                em.persist(person);
            }
            touched.put(want.email(), person);
        }
        for (ImportPlanner.Wanted want : planner.wanted()) {
            Person person = touched.get(want.email());
            if (person != null) {
                Person manager = want.managerEmail() == null ? null
                        : touched.containsKey(want.managerEmail()) ? touched.get(want.managerEmail())
                        : people.findByEmail(want.managerEmail()).orElseThrow();
                person.reportTo(manager);
            }
        }
        em.flush();
        for (ImportPlanner.Wanted want : planner.wanted()) {
            if (want.fate() != ImportPlan.Fate.UNCHANGED) {
                audit.record(caller.personId(), want.fate() == ImportPlan.Fate.CREATE ? "person.imported" : "person.updatedByImport",
                        "person", touched.get(want.email()).getId(), want.email());
                people.announceRole(touched.get(want.email()), rolesBefore.get(want.email()));
            }
        }
        return plan;
    }

    private ImportPlanner planner() {
        Map<String, ImportPlanner.Existing> existing = new HashMap<>();
        for (Object[] p : em.createQuery("select p.email, p.firstName, p.lastName, d.name, r.name, m.email, p.startDate, p.locale "
                + "from Person p left join p.department d left join p.jobRole r left join p.manager m", Object[].class).getResultList()) {
            existing.put((String) p[0], new ImportPlanner.Existing((String) p[0], (String) p[1], (String) p[2], (String) p[3],
                    (String) p[4], (String) p[5], (LocalDate) p[6], (String) p[7]));
        }
        Map<String, String> departmentNames = new HashMap<>();
        for (Department d : organisation.departments()) {
            departmentNames.put(d.getCode(), d.getName());
            departmentNames.put(d.getName().toLowerCase(Locale.ROOT), d.getName());
        }
        Map<String, String> roleNames = new HashMap<>();
        for (JobRole r : organisation.jobRoles()) {
            roleNames.put(r.getCode(), r.getName());
            roleNames.put(r.getName().toLowerCase(Locale.ROOT), r.getName());
        }
        return new ImportPlanner(existing, departmentNames, roleNames);
    }
}
