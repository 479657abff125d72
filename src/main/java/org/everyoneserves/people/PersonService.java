package org.everyoneserves.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.PersonNames;
import org.everyoneserves.platform.audit.AuditLog;

/**
 * People, departments and job roles: the door to them for pages, the API and other features. Every read of people's
 * data for a caller is scoped by the {@link Caller}: a person sees themselves, a manager their reporting line (direct
 * and indirect), an admin everyone. Reads by id without a caller ({@link #find}, {@link #summaries},
 * {@link #displayNames}) are for other features' services, which scope what they show by their own rules. Every
 * change is an admin's and is written to the audit log. Departments and job roles are kept by {@link Organisation},
 * the import by {@link PeopleImport}.
 */
@ApplicationScoped
@Transactional
public class PersonService implements PersonNames {

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

    @Inject
    Event<PersonAccessChanged> accessEvents;

    @Inject
    Organisation organisation;

    @Inject
    PeopleImport imports;

    @Inject
    java.time.Clock clock;

    // ---- reading

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Person> findByEmail(String email) {
        return em.createQuery("select p from Person p where p.email = :email", Person.class)
                .setParameter("email", Person.normaliseEmail(email)).getResultStream().findFirst();
    }

    /** An active person by id: for signing in and checking a session. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PersonSummary> findActive(long personId) {
        return find(personId).filter(PersonSummary::active);
    }

    /** An active person by e-mail (any case): for signing in and password links. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PersonSummary> findActiveByEmail(String email) {
        return em.createQuery(PersonSummary.SELECT + "where p.email = :email and p.active = true", PersonSummary.class)
                .setParameter("email", Person.normaliseEmail(email)).getResultStream().findFirst();
    }

    /**
     * The access version of an active person, empty when the person is inactive or unknown: one primary-key read,
     * made for every signed-in page request.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.OptionalInt accessVersion(long personId) {
        return em.createQuery("select p.accessVersion from Person p where p.id = :id and p.active = true", Integer.class)
                .setParameter("id", personId).getResultStream().mapToInt(Integer::intValue).findFirst();
    }

    /** An active person's access version and roles as they are now (see {@link #access}). */
    public record Access(int version, boolean admin, boolean manager) {
    }

    /**
     * The access version and roles of an active person as they are now, empty when the person is inactive or unknown:
     * one read by primary key (and the reporting line's index for "has an active report"), made for every signed-in page
     * request, so that admin rights granted or taken and reports added, moved or deactivated count from the next request.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Access> access(long personId) {
        List<?> rows = em.createNativeQuery("select p.access_version, p.admin, exists(select 1 from person r where r.manager_id = p.id"
                + " and r.active = true) from person p where p.id = ?1 and p.active = true").setParameter(1, personId).getResultList();
        return rows.stream().findFirst().map(row -> (Object[]) row)
                .map(row -> new Access(((Number) row[0]).intValue(), flag(row[1]), flag(row[2])));
    }

    private static boolean flag(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    /** Something outside this feature (a new password) ended the person's sign-ins: raises the access version. */
    public void accessChanged(long personId) {
        em.createQuery("update Person p set p.accessVersion = p.accessVersion + 1 where p.id = :id").setParameter("id", personId)
                .executeUpdate();
    }

    /** A person by id, active or not, for another feature's service. */
    /** Whether the person's name and e-mail were erased (they stay erased). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isErased(long personId) {
        Person person = em.find(Person.class, personId);
        return person != null && person.isErased();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PersonSummary> find(long personId) {
        return em.createQuery(PersonSummary.SELECT + "where p.id = :id", PersonSummary.class).setParameter("id", personId)
                .getResultStream().findFirst();
    }

    /** People by id, in one query; ids of nobody are left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, PersonSummary> summaries(Collection<Long> personIds) {
        Set<Long> ids = new HashSet<>(personIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, PersonSummary> found = new HashMap<>();
        em.createQuery(PersonSummary.SELECT + "where p.id in :ids", PersonSummary.class).setParameter("ids", ids).getResultList()
                .forEach(p -> found.put(p.id(), p));
        return found;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, String> displayNames(Collection<Long> personIds) {
        Set<Long> ids = new HashSet<>(personIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        for (Object[] row : em.createQuery("select p.id, p.firstName, p.lastName from Person p where p.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            names.put((Long) row[0], row[1] + " " + row[2]);
        }
        return names;
    }

    /** The ids of the active people in any of these job roles (by code). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> activeIdsInJobRoles(Collection<String> jobRoleCodes) {
        if (jobRoleCodes.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p.id from Person p where p.active = true and p.jobRole.code in :roles order by p.id", Long.class)
                .setParameter("roles", jobRoleCodes).getResultList();
    }

    /** Everyone active with a job role: their id and the role's code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, String> activeJobRoleCodes() {
        Map<Long, String> codes = new HashMap<>();
        for (Object[] row : em.createQuery("select p.id, r.code from Person p join p.jobRole r where p.active = true", Object[].class)
                .getResultList()) {
            codes.put((Long) row[0], (String) row[1]);
        }
        return codes;
    }

    /** The ids of the active people of a department. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> activeIdsInDepartment(long departmentId) {
        return em.createQuery("select p.id from Person p where p.active = true and p.department.id = :id order by p.id", Long.class)
                .setParameter("id", departmentId).getResultList();
    }

    /** The ids of the active people with a job role (by id). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> activeIdsInJobRole(long jobRoleId) {
        return em.createQuery("select p.id from Person p where p.active = true and p.jobRole.id = :id order by p.id", Long.class)
                .setParameter("id", jobRoleId).getResultList();
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

    /** A read: without SUPPORTS the class's default would begin and commit a transaction to compare two ids. */
    @Transactional(Transactional.TxType.SUPPORTS)
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

    /**
     * Everyone, active or not, in the order they were created, from an offset: for provisioning clients, which page
     * with a start index and must not see a person twice when others are added meanwhile.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PersonSummary> inCreationOrder(@NotNull Caller caller, int offset, int max) {
        requireAdmin(caller);
        return em.createQuery(PersonSummary.SELECT + "order by p.id", PersonSummary.class)
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(0, max)).getResultList();
    }

    /** The code for a department or job role known only by its name: "Finance & Collections" is "finance-collections". */
    public static String codeFor(String name) {
        return Codes.fromName(name);
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
            where.append(" and (lower(p.firstName) like :text escape '!' or lower(p.lastName) like :text escape '!'"
                    + " or p.email like :text escape '!' or lower(concat(p.firstName, ' ', p.lastName)) like :text escape '!')");
            parameters.put("text", "%" + likeLiteral(query.text().toLowerCase(java.util.Locale.ROOT)) + "%");
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
     * The text as a literal inside a LIKE pattern with {@code escape '!'}: {@code _} and {@code %} match themselves. The
     * escape is named in every LIKE: without one, Hibernate's MariaDB dialect doubles every backslash in the pattern, so
     * {@code a\_b} was no escape and a search for "a_b" found nothing.
     */
    static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
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
        return organisation.departments();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JobRole> jobRoles() {
        return organisation.jobRoles();
    }

    /** Department names by id, in name order: for features that keep a department's id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, String> departmentNames() {
        return organisation.departmentNames();
    }

    /** Job role names by code, in name order: for features that name job roles by code (content, curricula). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> jobRoleNames() {
        return organisation.jobRoleNames();
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
        try {
            em.persist(person);
            em.flush();
        } catch (PersistenceException e) {
            // the same e-mail created at the same moment (the check above read before the other committed): the key keeps one
            throw new BusinessException(BusinessException.Kind.CONFLICT, "people.error.duplicateEmail", details.getEmail());
        }
        audit.record(caller.personId(), "person.created", "person", person.getId(), person.getEmail());
        announceRole(person, null);
        return person.getId();
    }

    public void update(@NotNull Caller caller, long personId, @NotNull @Valid PersonDetails details) {
        requireAdmin(caller);
        Person person = person(personId);
        if (person.isErased()) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "people.error.erased");
        }
        if (person.getVersion() != details.getVersion()) {
            throw BusinessException.staleVersion();
        }
        requireUniqueEmail(details.getEmail(), personId);
        if (caller.personId() == personId && person.isAdmin() && !details.isAdmin()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "people.error.ownAdmin");
        }
        String before = describe(person);
        String roleBefore = roleCode(person);
        boolean wasAdmin = person.isAdmin();
        person.setEmail(details.getEmail());
        person.setFirstName(details.getFirstName());
        person.setLastName(details.getLastName());
        person.setStartDate(details.getStartDate());
        apply(person, details);
        audit.record(caller.personId(), "person.updated", "person", personId, before + " -> " + describe(person));
        if (wasAdmin != person.isAdmin()) {
            accessEvents.fire(new PersonAccessChanged(personId, caller.personId(), person.isAdmin() ? "admin.granted" : "admin.revoked"));
        }
        em.flush();
        announceRole(person, roleBefore);
    }

    static String roleCode(Person person) {
        return person.getJobRole() == null ? null : person.getJobRole().getCode();
    }

    void announceRole(Person person, String before) {
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
            person.deactivate(clock.instant());
            audit.record(caller.personId(), "person.deactivated", "person", personId, person.getEmail());
            deactivated.fire(new PersonDeactivated(personId));
            accessEvents.fire(new PersonAccessChanged(personId, caller.personId(), "deactivated"));
        }
    }

    public void reactivate(@NotNull Caller caller, long personId) {
        requireAdmin(caller);
        Person person = person(personId);
        if (!person.isActive()) {
            person.reactivate();
            audit.record(caller.personId(), "person.reactivated", "person", personId, person.getEmail());
            reactivated.fire(new PersonReactivated(personId));
            accessEvents.fire(new PersonAccessChanged(personId, caller.personId(), "reactivated"));
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
        person.setDepartment(details.getDepartmentId() == null ? null : organisation.department(details.getDepartmentId()));
        person.setJobRole(details.getJobRoleId() == null ? null : organisation.jobRole(details.getJobRoleId()));
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
        return organisation.createDepartment(caller, department);
    }

    public void renameDepartment(@NotNull Caller caller, long id, @NotNull String name) {
        organisation.renameDepartment(caller, id, name);
    }

    public void deleteDepartment(@NotNull Caller caller, long id) {
        organisation.deleteDepartment(caller, id);
    }

    public JobRole createJobRole(@NotNull Caller caller, @NotNull @Valid JobRole role, Long departmentId) {
        return organisation.createJobRole(caller, role, departmentId);
    }

    public void updateJobRole(@NotNull Caller caller, long id, @NotNull String name, Long departmentId) {
        organisation.updateJobRole(caller, id, name, departmentId);
    }

    public void deleteJobRole(@NotNull Caller caller, long id) {
        organisation.deleteJobRole(caller, id);
    }

    /**
     * Creates the departments and job roles of a catalog (the content's {@code roles.yaml}, the demo organisation)
     * that do not exist yet, matched by code; see {@link Organisation#adoptOrganisation}.
     *
     * @param departments code to name
     * @param roles       code to {name, department code}
     * @return how many were created
     */
    public int adoptOrganisation(@NotNull Caller caller, Map<String, String> departments, Map<String, List<String>> roles) {
        return organisation.adoptOrganisation(caller, departments, roles);
    }

    /** The id of the department or job role with this code. */
    public Optional<Long> findByCode(Class<?> type, String code) {
        return organisation.findByCode(type, code);
    }

    // ---- importing people from an HR system's export

    /** What importing this file would do, line by line. Changes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportPlan previewImport(@NotNull Caller caller, @NotNull String csv) {
        return imports.preview(caller, csv);
    }

    /**
     * Imports the file if, and only if, no line has an error: all of it or nothing. Lines that match what is stored
     * change nothing, so importing the same file twice changes nothing the second time.
     */
    public ImportPlan applyImport(@NotNull Caller caller, @NotNull String csv) {
        return imports.apply(caller, csv);
    }


    // ---- for other services of this feature

    Person person(long id) {
        Person person = em.find(Person.class, id);
        if (person == null) {
            throw BusinessException.notFound("person");
        }
        return person;
    }

    private PersonSummary summary(long personId) {
        return find(personId).orElseThrow(() -> BusinessException.notFound("person"));
    }

    static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw BusinessException.forbidden();
        }
    }
}