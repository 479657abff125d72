package org.everyoneserves.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.audit.AuditLog;

/**
 * People, departments and job roles. Every read of people's data is scoped by the {@link Caller}: a person sees
 * themselves, a manager their reporting line (direct and indirect), an admin everyone. Every change is an admin's
 * and is written to the audit log.
 */
@ApplicationScoped
@Transactional
public class PersonService {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<PersonDeactivated> deactivated;

    @Inject
    Event<PersonReactivated> reactivated;

    @Inject
    Event<JobRoleChanged> roleChanged;

    // ---- reading

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Person> findByEmail(String email) {
        return em.createQuery("select p from Person p where p.email = :email", Person.class)
                .setParameter("email", Person.normaliseEmail(email)).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Person> findActive(long personId) {
        return Optional.ofNullable(em.find(Person.class, personId)).filter(Person::isActive);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String localeOf(long personId) {
        return em.createQuery("select p.locale from Person p where p.id = :id", String.class).setParameter("id", personId)
                .getResultStream().findFirst().orElse("en");
    }

    /** The person for the signed-in caller themselves. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PersonSummary me(@NotNull Caller caller) {
        return summary(caller.personId());
    }

    /** One person, if the caller may see them; otherwise "not found", so ids of others reveal nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PersonSummary get(@NotNull Caller caller, long personId) {
        if (!maySee(caller, personId)) {
            throw BusinessException.notFound("person");
        }
        return summary(personId);
    }

    public boolean maySee(Caller caller, long personId) {
        return caller.admin() || caller.personId() == personId || isInReportingLine(caller.personId(), personId);
    }

    /** The form of one person, for an admin to edit. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PersonDetails details(@NotNull Caller caller, long personId) {
        requireAdmin(caller);
        return em.createQuery("select p from Person p left join fetch p.department left join fetch p.jobRole"
                        + " left join fetch p.manager where p.id = :id", Person.class)
                .setParameter("id", personId).getResultStream().findFirst().map(PersonDetails::of)
                .orElseThrow(() -> BusinessException.notFound("person"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PeoplePage search(@NotNull Caller caller, @NotNull PeopleQuery query) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        Map<String, Object> parameters = new java.util.HashMap<>();
        if (!caller.admin()) {
            List<Long> line = reportingLineIds(caller.personId());
            if (line.isEmpty()) {
                return new PeoplePage(List.of(), 0, query.page(), query.size());
            }
            where.append(" and p.id in :line");
            parameters.put("line", line);
        }
        if (query.text() != null) {
            where.append(" and (lower(p.firstName) like :text or lower(p.lastName) like :text or p.email like :text"
                    + " or lower(concat(p.firstName, ' ', p.lastName)) like :text)");
            parameters.put("text", "%" + query.text().toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.departmentId() != null) {
            where.append(" and d.id = :department");
            parameters.put("department", query.departmentId());
        }
        if (query.jobRoleId() != null) {
            where.append(" and r.id = :role");
            parameters.put("role", query.jobRoleId());
        }
        if ("active".equals(query.status()) || "inactive".equals(query.status())) {
            where.append(" and p.active = :active");
            parameters.put("active", "active".equals(query.status()));
        }
        TypedQuery<Long> count = em.createQuery("select count(p) from Person p left join p.department d left join p.jobRole r "
                + where, Long.class);
        TypedQuery<PersonSummary> rows = em.createQuery(PersonSummary.SELECT + where + " order by p.lastName, p.firstName, p.id",
                PersonSummary.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            rows.setParameter(name, value);
        });
        long total = count.getSingleResult();
        int page = (int) Math.min(query.page(), Math.max(0, (total - 1) / query.size()));
        List<PersonSummary> people = rows.setFirstResult(page * query.size()).setMaxResults(query.size()).getResultList();
        return new PeoplePage(people, total, page, query.size());
    }

    /**
     * SQL that starts a statement with the table {@code line(id)}: everyone who reports to the person {@code :me},
     * directly or through others. Queries over a manager's people join it.
     */
    public static final String REPORTING_LINE = "with recursive line(id) as (select id from person where manager_id = :me"
            + " union all select p.id from person p join line l on p.manager_id = l.id) ";

    /** Everyone who reports to the manager, directly or through others. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PersonSummary> reportingLine(@NotNull Caller caller) {
        List<Long> ids = reportingLineIds(caller.personId());
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery(PersonSummary.SELECT + "where p.id in :ids order by p.lastName, p.firstName", PersonSummary.class)
                .setParameter("ids", ids).getResultList();
    }

    @SuppressWarnings("unchecked")
    List<Long> reportingLineIds(long managerId) {
        List<Number> ids = em.createNativeQuery(REPORTING_LINE + "select id from line").setParameter("me", managerId).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Whether {@code personId} reports to {@code managerId}, directly or indirectly. Walks up the chain. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isInReportingLine(long managerId, long personId) {
        if (managerId == personId) {
            return false;
        }
        Number found = (Number) em.createNativeQuery("with recursive up(id, manager_id) as ("
                        + " select id, manager_id from person where id = ?1"
                        + " union all select p.id, p.manager_id from person p join up on p.id = up.manager_id)"
                        + " select count(*) from up where manager_id = ?2")
                .setParameter(1, personId).setParameter(2, managerId).getSingleResult();
        return found.longValue() > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasActiveReports(long personId) {
        return em.createQuery("select count(p) from Person p where p.manager.id = :id and p.active = true", Long.class)
                .setParameter("id", personId).getSingleResult() > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countPeople(boolean activeOnly) {
        return em.createQuery("select count(p) from Person p" + (activeOnly ? " where p.active = true" : ""), Long.class)
                .getSingleResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Department> departments() {
        return em.createQuery("select d from Department d order by d.name", Department.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JobRole> jobRoles() {
        return em.createQuery("select r from JobRole r left join fetch r.department order by r.name", JobRole.class)
                .getResultList();
    }

    /** People per department and per job role, for the organisation page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Long> headcountByDepartment() {
        return counts("select p.department.id, count(p) from Person p where p.active = true and p.department is not null group by p.department.id");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Long> headcountByJobRole() {
        return counts("select p.jobRole.id, count(p) from Person p where p.active = true and p.jobRole is not null group by p.jobRole.id");
    }

    private Map<Long, Long> counts(String jpql) {
        Map<Long, Long> counts = new java.util.HashMap<>();
        for (Object[] row : em.createQuery(jpql, Object[].class).getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    // ---- changing people (admins)

    public long create(@NotNull Caller caller, @NotNull @Valid PersonDetails details) {
        requireAdmin(caller);
        requireUniqueEmail(details.getEmail(), null);
        Person person = new Person(details.getEmail(), details.getFirstName(), details.getLastName(), details.getStartDate());
        apply(person, details);
        em.persist(person);
        em.flush();
        audit.record(caller.personId(), "person.created", "person", person.getId(), person.getEmail());
        announceRole(person, null);
        return person.getId();
    }

    public void update(@NotNull Caller caller, long personId, @NotNull @Valid PersonDetails details) {
        requireAdmin(caller);
        Person person = person(personId);
        if (person.getVersion() != details.getVersion()) {
            throw BusinessException.staleVersion();
        }
        requireUniqueEmail(details.getEmail(), personId);
        if (caller.personId() == personId && person.isAdmin() && !details.isAdmin()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "people.error.ownAdmin");
        }
        String before = describe(person);
        String roleBefore = roleCode(person);
        person.setEmail(details.getEmail());
        person.setFirstName(details.getFirstName());
        person.setLastName(details.getLastName());
        person.setStartDate(details.getStartDate());
        apply(person, details);
        audit.record(caller.personId(), "person.updated", "person", personId, before + " -> " + describe(person));
        em.flush();
        announceRole(person, roleBefore);
    }

    private static String roleCode(Person person) {
        return person.getJobRole() == null ? null : person.getJobRole().getCode();
    }

    private void announceRole(Person person, String before) {
        String now = roleCode(person);
        if (!java.util.Objects.equals(before, now)) {
            roleChanged.fire(new JobRoleChanged(person.getId(), before, now));
        }
    }

    public void deactivate(@NotNull Caller caller, long personId) {
        requireAdmin(caller);
        if (caller.personId() == personId) {
            throw new BusinessException(BusinessException.Kind.INVALID, "people.error.ownDeactivation");
        }
        Person person = person(personId);
        if (person.isActive()) {
            person.deactivate();
            audit.record(caller.personId(), "person.deactivated", "person", personId, person.getEmail());
            deactivated.fire(new PersonDeactivated(personId));
        }
    }

    public void reactivate(@NotNull Caller caller, long personId) {
        requireAdmin(caller);
        Person person = person(personId);
        if (!person.isActive()) {
            person.reactivate();
            audit.record(caller.personId(), "person.reactivated", "person", personId, person.getEmail());
            reactivated.fire(new PersonReactivated(personId));
        }
    }

    /** A person chooses the language of their pages and messages. */
    public void changeOwnLocale(@NotNull Caller caller, String locale) {
        if (locale == null || !Person.LOCALES.contains(locale)) {
            throw new BusinessException(BusinessException.Kind.INVALID, "people.error.locale", locale);
        }
        person(caller.personId()).setLocale(locale);
    }

    private void apply(Person person, PersonDetails details) {
        person.setDepartment(details.getDepartmentId() == null ? null : department(details.getDepartmentId()));
        person.setJobRole(details.getJobRoleId() == null ? null : jobRole(details.getJobRoleId()));
        person.setLocale(details.getLocale());
        person.setAdmin(details.isAdmin());
        Person manager = null;
        if (details.getManagerEmail() != null && !details.getManagerEmail().isBlank()) {
            manager = findByEmail(details.getManagerEmail()).orElseThrow(() ->
                    new BusinessException(BusinessException.Kind.INVALID, "people.error.unknownManager", details.getManagerEmail()));
        }
        person.reportTo(manager);
    }

    private static String describe(Person p) {
        return String.format("%s|%s %s|dept=%s|role=%s|manager=%s|start=%s|%s|admin=%s", p.getEmail(), p.getFirstName(),
                p.getLastName(), p.getDepartment() == null ? "" : p.getDepartment().getCode(),
                p.getJobRole() == null ? "" : p.getJobRole().getCode(),
                p.getManager() == null ? "" : p.getManager().getEmail(), p.getStartDate(), p.getLocale(), p.isAdmin());
    }

    private void requireUniqueEmail(String email, Long exceptId) {
        findByEmail(email).filter(other -> !other.getId().equals(exceptId)).ifPresent(other -> {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "people.error.duplicateEmail", email);
        });
    }

    // ---- departments and job roles (admins)

    public Department createDepartment(@NotNull Caller caller, @NotNull @Valid Department department) {
        requireAdmin(caller);
        requireFreeCodeAndName(Department.class, department.getCode(), department.getName(), null);
        em.persist(department);
        em.flush();
        audit.record(caller.personId(), "department.created", "department", department.getId(), department.getCode());
        return department;
    }

    public void renameDepartment(@NotNull Caller caller, long id, @NotNull String name) {
        requireAdmin(caller);
        Department department = department(id);
        requireFreeCodeAndName(Department.class, department.getCode(), name, id);
        audit.record(caller.personId(), "department.renamed", "department", id, department.getName() + " -> " + name);
        department.setName(name);
    }

    public void deleteDepartment(@NotNull Caller caller, long id) {
        requireAdmin(caller);
        Department department = department(id);
        long used = em.createQuery("select count(p) from Person p where p.department.id = :id", Long.class).setParameter("id", id).getSingleResult()
                + em.createQuery("select count(r) from JobRole r where r.department.id = :id", Long.class).setParameter("id", id).getSingleResult();
        if (used > 0) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "organisation.error.departmentInUse", department.getName());
        }
        audit.record(caller.personId(), "department.deleted", "department", id, department.getCode());
        em.remove(department);
    }

    public JobRole createJobRole(@NotNull Caller caller, @NotNull @Valid JobRole role, Long departmentId) {
        requireAdmin(caller);
        requireFreeCodeAndName(JobRole.class, role.getCode(), role.getName(), null);
        role.setDepartment(departmentId == null ? null : department(departmentId));
        em.persist(role);
        em.flush();
        audit.record(caller.personId(), "jobRole.created", "jobRole", role.getId(), role.getCode());
        return role;
    }

    public void updateJobRole(@NotNull Caller caller, long id, @NotNull String name, Long departmentId) {
        requireAdmin(caller);
        JobRole role = jobRole(id);
        requireFreeCodeAndName(JobRole.class, role.getCode(), name, id);
        audit.record(caller.personId(), "jobRole.updated", "jobRole", id, role.getName() + " -> " + name);
        role.setName(name);
        role.setDepartment(departmentId == null ? null : department(departmentId));
    }

    public void deleteJobRole(@NotNull Caller caller, long id) {
        requireAdmin(caller);
        JobRole role = jobRole(id);
        long used = em.createQuery("select count(p) from Person p where p.jobRole.id = :id", Long.class).setParameter("id", id).getSingleResult();
        if (used > 0) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "organisation.error.jobRoleInUse", role.getName());
        }
        audit.record(caller.personId(), "jobRole.deleted", "jobRole", id, role.getCode());
        em.remove(role);
    }

    /**
     * Creates the departments and job roles of a catalog (the content's {@code roles.yaml}, the demo organisation)
     * that do not exist yet, matched by code. Existing ones are left as the admins keep them (renamed, moved), and
     * one whose name is already taken by another code is skipped rather than failing the whole catalog.
     *
     * @param departments code to name
     * @param roles       code to {name, department code}
     * @return how many were created
     */
    public int adoptOrganisation(@NotNull Caller caller, Map<String, String> departments, Map<String, List<String>> roles) {
        requireAdmin(caller);
        int created = 0;
        for (Map.Entry<String, String> d : departments.entrySet()) {
            if (findByCodeOrName(Department.class, d.getKey(), d.getValue()).isEmpty()) {
                createDepartment(caller, new Department(d.getKey(), d.getValue()));
                created++;
            }
        }
        for (Map.Entry<String, List<String>> r : roles.entrySet()) {
            if (findByCodeOrName(JobRole.class, r.getKey(), r.getValue().get(0)).isEmpty()) {
                Long departmentId = r.getValue().size() > 1 ? findByCode(Department.class, r.getValue().get(1)).orElse(null) : null;
                createJobRole(caller, new JobRole(r.getKey(), r.getValue().get(0), null), departmentId);
                created++;
            }
        }
        return created;
    }

    /** The id of the department or job role with this code. */
    public Optional<Long> findByCode(Class<?> type, String code) {
        return em.createQuery("select e.id from " + type.getSimpleName() + " e where e.code = :code", Long.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    private Optional<Long> findByCodeOrName(Class<?> type, String code, String name) {
        return em.createQuery("select e.id from " + type.getSimpleName() + " e where e.code = :code or e.name = :name", Long.class)
                .setParameter("code", code).setParameter("name", name).getResultStream().findFirst();
    }

    private void requireFreeCodeAndName(Class<?> type, String code, String name, Long exceptId) {
        String entity = type.getSimpleName();
        List<Object[]> clashes = em.createQuery("select e.id, e.code, e.name from " + entity + " e where e.code = :code or e.name = :name",
                        Object[].class)
                .setParameter("code", code).setParameter("name", name).getResultList();
        for (Object[] clash : clashes) {
            if (!clash[0].equals(exceptId)) {
                String field = name.equalsIgnoreCase((String) clash[2]) ? "Name" : "Code";
                throw new BusinessException(BusinessException.Kind.CONFLICT, "organisation.error.duplicate" + field,
                        field.equals("Name") ? name : code);
            }
        }
    }

    // ---- importing people from an HR system's export

    /** What importing this file would do, line by line. Changes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportPlan previewImport(@NotNull Caller caller, @NotNull String csv) {
        requireAdmin(caller);
        return planner().plan(PeopleCsv.parse(csv));
    }

    /**
     * Imports the file if, and only if, no line has an error: all of it or nothing. Lines that match what is stored
     * change nothing, so importing the same file twice changes nothing the second time.
     */
    public ImportPlan applyImport(@NotNull Caller caller, @NotNull String csv) {
        requireAdmin(caller);
        ImportPlanner planner = planner();
        ImportPlan plan = planner.plan(PeopleCsv.parse(csv));
        if (plan.hasErrors()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "import.error.hasErrors", plan.allIssues().size());
        }
        Map<String, Department> departmentsByName = new java.util.HashMap<>();
        departments().forEach(d -> departmentsByName.put(d.getName().toLowerCase(java.util.Locale.ROOT), d));
        for (String name : plan.newDepartments()) {
            Department department = new Department(freeCode(Department.class, name), name);
            em.persist(department);
            departmentsByName.put(name.toLowerCase(java.util.Locale.ROOT), department);
            audit.record(caller.personId(), "department.created", "department", null, "import: " + name);
        }
        Map<String, JobRole> rolesByName = new java.util.HashMap<>();
        jobRoles().forEach(r -> rolesByName.put(r.getName().toLowerCase(java.util.Locale.ROOT), r));
        for (String name : plan.newJobRoles()) {
            JobRole role = new JobRole(freeCode(JobRole.class, name), name, null);
            em.persist(role);
            rolesByName.put(name.toLowerCase(java.util.Locale.ROOT), role);
            audit.record(caller.personId(), "jobRole.created", "jobRole", null, "import: " + name);
        }
        Map<String, Person> touched = new java.util.HashMap<>();
        Map<String, String> rolesBefore = new java.util.HashMap<>();
        for (ImportPlanner.Wanted want : planner.wanted()) {
            if (want.fate() == ImportPlan.Fate.UNCHANGED) {
                continue;
            }
            Person person = want.fate() == ImportPlan.Fate.CREATE
                    ? new Person(want.email(), want.firstName(), want.lastName(), want.startDate())
                    : findByEmail(want.email()).orElseThrow();
            rolesBefore.put(want.email(), roleCode(person));
            person.setFirstName(want.firstName());
            person.setLastName(want.lastName());
            person.setStartDate(want.startDate());
            person.setLocale(want.locale());
            person.setDepartment(want.department() == null ? null : departmentsByName.get(want.department().toLowerCase(java.util.Locale.ROOT)));
            person.setJobRole(want.jobRole() == null ? null : rolesByName.get(want.jobRole().toLowerCase(java.util.Locale.ROOT)));
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
                        : findByEmail(want.managerEmail()).orElseThrow();
                person.reportTo(manager);
            }
        }
        em.flush();
        for (ImportPlanner.Wanted want : planner.wanted()) {
            if (want.fate() != ImportPlan.Fate.UNCHANGED) {
                audit.record(caller.personId(), want.fate() == ImportPlan.Fate.CREATE ? "person.imported" : "person.updatedByImport",
                        "person", touched.get(want.email()).getId(), want.email());
                announceRole(touched.get(want.email()), rolesBefore.get(want.email()));
            }
        }
        return plan;
    }

    private ImportPlanner planner() {
        Map<String, ImportPlanner.Existing> people = new java.util.HashMap<>();
        for (Object[] p : em.createQuery("select p.email, p.firstName, p.lastName, d.name, r.name, m.email, p.startDate, p.locale "
                + "from Person p left join p.department d left join p.jobRole r left join p.manager m", Object[].class).getResultList()) {
            people.put((String) p[0], new ImportPlanner.Existing((String) p[0], (String) p[1], (String) p[2], (String) p[3],
                    (String) p[4], (String) p[5], (java.time.LocalDate) p[6], (String) p[7]));
        }
        Map<String, String> departmentNames = new java.util.HashMap<>();
        for (Department d : departments()) {
            departmentNames.put(d.getCode(), d.getName());
            departmentNames.put(d.getName().toLowerCase(java.util.Locale.ROOT), d.getName());
        }
        Map<String, String> roleNames = new java.util.HashMap<>();
        for (JobRole r : jobRoles()) {
            roleNames.put(r.getCode(), r.getName());
            roleNames.put(r.getName().toLowerCase(java.util.Locale.ROOT), r.getName());
        }
        return new ImportPlanner(people, departmentNames, roleNames);
    }

    private String freeCode(Class<?> type, String name) {
        String base = Codes.fromName(name);
        String code = base;
        for (int i = 2; em.createQuery("select count(e) from " + type.getSimpleName() + " e where e.code = :code", Long.class)
                .setParameter("code", code).getSingleResult() > 0; i++) {
            code = base + "-" + i;
        }
        return code;
    }

    // ---- for other services of this feature

    Person person(long id) {
        Person person = em.find(Person.class, id);
        if (person == null) {
            throw BusinessException.notFound("person");
        }
        return person;
    }

    Department department(long id) {
        Department department = em.find(Department.class, id);
        if (department == null) {
            throw new BusinessException(BusinessException.Kind.INVALID, "people.error.unknownDepartment", id);
        }
        return department;
    }

    JobRole jobRole(long id) {
        JobRole role = em.find(JobRole.class, id);
        if (role == null) {
            throw new BusinessException(BusinessException.Kind.INVALID, "people.error.unknownJobRole", id);
        }
        return role;
    }

    private PersonSummary summary(long personId) {
        return em.createQuery(PersonSummary.SELECT + "where p.id = :id", PersonSummary.class).setParameter("id", personId)
                .getResultStream().findFirst().orElseThrow(() -> BusinessException.notFound("person"));
    }

    static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw BusinessException.forbidden();
        }
    }
}
