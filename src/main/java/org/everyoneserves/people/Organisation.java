package org.everyoneserves.people;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.audit.AuditLog;

/**
 * Departments and job roles: what admins create, rename and delete, and what a catalog or the demo brings along.
 * Codes and names are unique within each; one still in use is not deleted. Reached through {@link PersonService}.
 */
@Dependent
class Organisation {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    List<Department> departments() {
        return em.createQuery("select d from Department d order by d.name", Department.class).getResultList();
    }

    List<JobRole> jobRoles() {
        return em.createQuery("select r from JobRole r left join fetch r.department order by r.name", JobRole.class)
                .getResultList();
    }

    /** Department names by id, in name order. */
    Map<Long, String> departmentNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("select d.id, d.name from Department d order by d.name", Object[].class).getResultList()) {
            names.put((Long) row[0], (String) row[1]);
        }
        return names;
    }

    /** Job role names by code, in name order. */
    Map<String, String> jobRoleNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("select r.code, r.name from JobRole r order by r.name", Object[].class).getResultList()) {
            names.put((String) row[0], (String) row[1]);
        }
        return names;
    }

    Department createDepartment(Caller caller, Department department) {
        PersonService.requireAdmin(caller);
        requireFreeCodeAndName(Department.class, department.getCode(), department.getName(), null);
        persistUnique(department);
        audit.record(caller.personId(), "department.created", "department", department.getId(), department.getCode());
        return department;
    }

    void renameDepartment(Caller caller, long id, String name) {
        PersonService.requireAdmin(caller);
        Department department = department(id);
        requireFreeCodeAndName(Department.class, department.getCode(), name, id);
        audit.record(caller.personId(), "department.renamed", "department", id, department.getName() + " -> " + name);
        department.setName(name);
    }

    void deleteDepartment(Caller caller, long id) {
        PersonService.requireAdmin(caller);
        Department department = department(id);
        long used = em.createQuery("select count(p) from Person p where p.department.id = :id", Long.class).setParameter("id", id).getSingleResult()
                + em.createQuery("select count(r) from JobRole r where r.department.id = :id", Long.class).setParameter("id", id).getSingleResult();
        if (used > 0) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "organisation.error.departmentInUse", department.getName());
        }
        audit.record(caller.personId(), "department.deleted", "department", id, department.getCode());
        em.remove(department);
    }

    JobRole createJobRole(Caller caller, JobRole role, Long departmentId) {
        PersonService.requireAdmin(caller);
        requireFreeCodeAndName(JobRole.class, role.getCode(), role.getName(), null);
        role.setDepartment(departmentId == null ? null : department(departmentId));
        persistUnique(role);
        audit.record(caller.personId(), "jobRole.created", "jobRole", role.getId(), role.getCode());
        return role;
    }

    void updateJobRole(Caller caller, long id, String name, Long departmentId) {
        PersonService.requireAdmin(caller);
        JobRole role = jobRole(id);
        requireFreeCodeAndName(JobRole.class, role.getCode(), name, id);
        audit.record(caller.personId(), "jobRole.updated", "jobRole", id, role.getName() + " -> " + name);
        role.setName(name);
        role.setDepartment(departmentId == null ? null : department(departmentId));
    }

    void deleteJobRole(Caller caller, long id) {
        PersonService.requireAdmin(caller);
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
    int adoptOrganisation(Caller caller, Map<String, String> departments, Map<String, List<String>> roles) {
        PersonService.requireAdmin(caller);
        if (allCodesExist(Department.class, departments.keySet()) && allCodesExist(JobRole.class, roles.keySet())) {
            return 0;
        }
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
    Optional<Long> findByCode(Class<?> type, String code) {
        return em.createQuery("select e.id from " + type.getSimpleName() + " e where e.code = :code", Long.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    /**
     * Whether every code is taken, in two queries instead of one per code and name (the usual case at a start: a catalog
     * that was adopted before). As many rows as codes means each code has its row: codes are unique under the
     * database's collation, so no row can stand for two of them.
     */
    private boolean allCodesExist(Class<?> type, Collection<String> codes) {
        return codes.isEmpty() || em.createQuery("select count(e) from " + type.getSimpleName() + " e where e.code in :codes", Long.class)
                .setParameter("codes", codes).getSingleResult() == codes.size();
    }

    private Optional<Long> findByCodeOrName(Class<?> type, String code, String name) {
        return em.createQuery("select e.id from " + type.getSimpleName() + " e where e.code = :code or e.name = :name", Long.class)
                .setParameter("code", code).setParameter("name", name).getResultStream().findFirst();
    }

    /**
     * Saves a new department or job role. Two admins making the same one at once both pass the check above (it read
     * before the other committed): the unique keys keep one, and the other hears that it exists.
     */
    private void persistUnique(Object unit) {
        try {
            em.persist(unit);
            em.flush();
        } catch (PersistenceException e) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "organisation.error.madeAtTheSameTime");
        }
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
    /** A code not yet taken by a department (or job role), made from its name. */
    String freeCode(Class<?> type, String name) {
        String base = Codes.fromName(name);
        String code = base;
        for (int i = 2; em.createQuery("select count(e) from " + type.getSimpleName() + " e where e.code = :code", Long.class)
                .setParameter("code", code).getSingleResult() > 0; i++) {
            code = base + "-" + i;
        }
        return code;
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
    }}
