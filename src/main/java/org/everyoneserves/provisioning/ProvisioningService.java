package org.everyoneserves.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.everyoneserves.people.Department;
import org.everyoneserves.people.JobRole;
import org.everyoneserves.people.PersonDetails;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.Hashes;
import org.everyoneserves.platform.audit.AuditLog;

/**
 * The door to provisioning. Admins create a provider's token (shown once, kept as a hash) and revoke it; a provider
 * with a live token creates, changes, moves and deactivates people and keeps its groups as departments or job roles.
 * Every change is made through {@link PersonService} as the platform itself, exactly as an admin's page or the CSV
 * import would make it (assignments for a new job role, sessions and devices ended on deactivation, the audit log),
 * and is also written to the audit log under the provider's name.
 */
@ApplicationScoped
@Transactional
public class ProvisioningService {

    /** 48 random bytes: 64 characters of token. */
    static final int TOKEN_BYTES = 48;

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonService people;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A provider just created with its token; the token exists nowhere else. */
    public record IssuedToken(ProviderSummary provider, String token) {
    }

    // ---- providers and their tokens (admins)

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProviderSummary> providers(@NotNull Caller caller) {
        requireAdmin(caller);
        return em.createQuery("select p from ScimProvider p order by case when p.revokedAt is null then 0 else 1 end, p.createdAt desc, p.id desc", ScimProvider.class)
                .getResultStream().map(ProviderSummary::of).toList();
    }

    public IssuedToken createProvider(@NotNull Caller caller, String name, GroupTarget groupTarget) {
        requireAdmin(caller);
        if (name == null || name.isBlank()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "provisioning.error.nameRequired");
        }
        if (name.strip().length() > ScimProvider.NAME_MAXLENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "provisioning.error.nameTooLong", ScimProvider.NAME_MAXLENGTH);
        }
        String token = Hashes.newSecret(TOKEN_BYTES);
        ScimProvider provider = new ScimProvider(name, Hashes.sha256(token), groupTarget == null ? GroupTarget.DEPARTMENT : groupTarget,
                clock.instant(), caller.isSystem() ? null : caller.personId());
        em.persist(provider);
        em.flush();
        audit.record(caller.personId(), "scim.providerCreated", "scimProvider", provider.getId(), provider.getName());
        return new IssuedToken(ProviderSummary.of(provider), token);
    }

    public void revokeProvider(@NotNull Caller caller, long providerId) {
        requireAdmin(caller);
        ScimProvider provider = em.find(ScimProvider.class, providerId);
        if (provider == null) {
            throw BusinessException.notFound("scimProvider");
        }
        if (provider.isLive()) {
            provider.revoke(clock.instant());
            audit.record(caller.personId(), "scim.providerRevoked", "scimProvider", providerId, provider.getName());
        }
    }

    /** The provider whose live token this is. */
    public Optional<ScimClient> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return em.createQuery("select p from ScimProvider p where p.tokenHash = :hash", ScimProvider.class)
                .setParameter("hash", Hashes.sha256(token.strip())).getResultStream().filter(ScimProvider::isLive).findFirst()
                .map(p -> {
                    p.used(clock.instant());
                    return new ScimClient(p.getId(), p.getName(), p.getGroupTarget());
                });
    }

    // ---- people

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProvisionedPerson> person(long personId) {
        return people.find(personId).map(this::provisioned);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProvisionedPerson> personByEmail(String email) {
        return people.findByEmail(email).flatMap(p -> person(p.getId()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProvisionedPerson> personByExternalId(String externalId) {
        return em.createQuery("select s.personId from ScimPerson s where s.externalId = :id", Long.class)
                .setParameter("id", externalId).getResultStream().findFirst().flatMap(this::person);
    }

    /** Everyone from an offset, in creation order, with how many there are. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProvisionedPerson> people(int offset, int max) {
        List<PersonSummary> page = people.inCreationOrder(Caller.SYSTEM, offset, max);
        Map<Long, String> external = externalIds(page.stream().map(PersonSummary::id).toList());
        return page.stream().map(p -> new ProvisionedPerson(p, external.get(p.id()))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countPeople() {
        return people.countPeople(false);
    }

    /** A new person; their e-mail must be new (a provider matches existing people by {@code userName} first). */
    public ProvisionedPerson createPerson(@NotNull ScimClient client, @NotNull PersonChange change) {
        PersonDetails details = new PersonDetails();
        details.setStartDate(LocalDate.now(clock));
        apply(details, change);
        long id = people.create(Caller.SYSTEM, details);
        link(id, change.externalId());
        if (Boolean.FALSE.equals(change.active())) {
            people.deactivate(Caller.SYSTEM, id);
        }
        audit.record(null, "scim.personCreated", "person", id, client.name());
        return person(id).orElseThrow();
    }

    /** Replaces what the provider keeps of a person (PUT, and PATCH after the patch is applied). */
    public ProvisionedPerson replacePerson(@NotNull ScimClient client, long personId, @NotNull PersonChange change) {
        PersonDetails details = people.details(Caller.SYSTEM, personId);
        PersonSummary before = people.find(personId).orElseThrow();
        apply(details, change);
        people.update(Caller.SYSTEM, personId, details);
        link(personId, change.externalId());
        if (Boolean.FALSE.equals(change.active()) && before.active()) {
            people.deactivate(Caller.SYSTEM, personId);
        } else if (Boolean.TRUE.equals(change.active()) && !before.active()) {
            people.reactivate(Caller.SYSTEM, personId);
        }
        audit.record(null, "scim.personUpdated", "person", personId, client.name());
        return person(personId).orElseThrow();
    }

    /** SCIM's DELETE: people are never deleted (their training records stay); they are deactivated. */
    public void deactivatePerson(@NotNull ScimClient client, long personId) {
        if (people.find(personId).orElseThrow(() -> BusinessException.notFound("person")).active()) {
            people.deactivate(Caller.SYSTEM, personId);
            audit.record(null, "scim.personDeactivated", "person", personId, client.name());
        }
    }

    private void apply(PersonDetails details, PersonChange change) {
        details.setEmail(change.email());
        details.setFirstName(change.firstName());
        details.setLastName(change.lastName());
        if (change.locale() != null && !change.locale().isBlank()) {
            details.setLocale(change.locale().toLowerCase(Locale.ROOT).startsWith("de") ? "de" : "en");
        }
        if (change.organisationGiven()) {
            details.setDepartmentId(departmentId(change.department()));
            details.setManagerEmail(change.managerId() == null ? null : people.find(change.managerId())
                    .orElseThrow(() -> new BusinessException(BusinessException.Kind.INVALID, "provisioning.error.unknownManager", change.managerId()))
                    .email());
        }
    }

    private Long departmentId(String department) {
        if (department == null || department.isBlank()) {
            return null;
        }
        String wanted = department.strip();
        return people.departmentNames().entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(wanted)).map(Map.Entry::getKey)
                .findFirst()
                .or(() -> people.findByCode(Department.class, wanted.toLowerCase(Locale.ROOT)))
                .orElseThrow(() -> new BusinessException(BusinessException.Kind.INVALID, "provisioning.error.unknownDepartment", wanted));
    }

    private void link(long personId, String externalId) {
        if (externalId == null || externalId.isBlank()) {
            return;
        }
        String id = externalId.strip();
        if (id.length() > ScimPerson.EXTERNAL_ID_MAXLENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "provisioning.error.externalIdTooLong", ScimPerson.EXTERNAL_ID_MAXLENGTH);
        }
        em.createQuery("select s.personId from ScimPerson s where s.externalId = :id", Long.class).setParameter("id", id)
                .getResultStream().filter(other -> other != personId).findFirst().ifPresent(other -> {
                    throw new BusinessException(BusinessException.Kind.CONFLICT, "provisioning.error.externalIdTaken", id);
                });
        ScimPerson link = em.find(ScimPerson.class, personId);
        if (link == null) {
            em.persist(new ScimPerson(personId, id));
        } else {
            link.setExternalId(id);
        }
        em.flush();
    }

    private ProvisionedPerson provisioned(PersonSummary person) {
        ScimPerson link = em.find(ScimPerson.class, person.id());
        return new ProvisionedPerson(person, link == null ? null : link.getExternalId());
    }

    private Map<Long, String> externalIds(List<Long> personIds) {
        Map<Long, String> ids = new HashMap<>();
        if (!personIds.isEmpty()) {
            em.createQuery("select s from ScimPerson s where s.personId in :ids", ScimPerson.class).setParameter("ids", personIds)
                    .getResultStream().forEach(s -> ids.put(s.getPersonId(), s.getExternalId()));
        }
        return ids;
    }

    // ---- groups: the departments or the job roles, as the provider's admin chose

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProvisionedGroup> groups(@NotNull ScimClient client, boolean withMembers) {
        List<ProvisionedGroup> groups = new ArrayList<>();
        names(client).forEach((id, name) -> groups.add(new ProvisionedGroup(id, name, withMembers ? members(client, id) : List.of())));
        return groups;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProvisionedGroup> group(@NotNull ScimClient client, long id) {
        String name = names(client).get(id);
        return name == null ? Optional.empty() : Optional.of(new ProvisionedGroup(id, name, members(client, id)));
    }

    public ProvisionedGroup createGroup(@NotNull ScimClient client, String name, Set<Long> members) {
        if (name == null || name.isBlank()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "provisioning.error.groupNameRequired");
        }
        String code = PersonService.codeFor(name);
        long id = client.groupTarget() == GroupTarget.DEPARTMENT
                ? people.createDepartment(Caller.SYSTEM, new Department(code, name.strip())).getId()
                : people.createJobRole(Caller.SYSTEM, new JobRole(code, name.strip(), null), null).getId();
        audit.record(null, "scim.groupCreated", client.groupTarget() == GroupTarget.DEPARTMENT ? "department" : "jobRole", id, client.name());
        return replaceGroup(client, id, name, members);
    }

    /** Renames the group when its name changed and moves people in and out of it, so that its members are these. */
    public ProvisionedGroup replaceGroup(@NotNull ScimClient client, long id, String name, Set<Long> members) {
        ProvisionedGroup group = group(client, id).orElseThrow(() -> BusinessException.notFound("group"));
        if (name != null && !name.isBlank() && !name.strip().equals(group.name())) {
            if (client.groupTarget() == GroupTarget.DEPARTMENT) {
                people.renameDepartment(Caller.SYSTEM, id, name.strip());
            } else {
                Long department = people.jobRoles().stream().filter(r -> r.getId() == id).findFirst()
                        .map(r -> r.getDepartment() == null ? null : r.getDepartment().getId()).orElse(null);
                people.updateJobRole(Caller.SYSTEM, id, name.strip(), department);
            }
        }
        Set<Long> wanted = new LinkedHashSet<>(members);
        for (long personId : group.members()) {
            if (!wanted.remove(personId)) {
                move(personId, client.groupTarget(), null);
            }
        }
        for (long personId : wanted) {
            if (people.find(personId).isEmpty()) {
                throw new BusinessException(BusinessException.Kind.INVALID, "provisioning.error.unknownMember", personId);
            }
            move(personId, client.groupTarget(), id);
        }
        return group(client, id).orElseThrow();
    }

    public void deleteGroup(@NotNull ScimClient client, long id) {
        group(client, id).orElseThrow(() -> BusinessException.notFound("group"));
        if (client.groupTarget() == GroupTarget.DEPARTMENT) {
            people.deleteDepartment(Caller.SYSTEM, id);
        } else {
            people.deleteJobRole(Caller.SYSTEM, id);
        }
    }

    private void move(long personId, GroupTarget target, Long groupId) {
        PersonDetails details = people.details(Caller.SYSTEM, personId);
        if (target == GroupTarget.DEPARTMENT) {
            details.setDepartmentId(groupId);
        } else {
            details.setJobRoleId(groupId);
        }
        people.update(Caller.SYSTEM, personId, details);
    }

    private Map<Long, String> names(ScimClient client) {
        if (client.groupTarget() == GroupTarget.DEPARTMENT) {
            return people.departmentNames();
        }
        Map<Long, String> names = new java.util.LinkedHashMap<>();
        people.jobRoles().forEach(r -> names.put(r.getId(), r.getName()));
        return names;
    }

    private List<Long> members(ScimClient client, long id) {
        return client.groupTarget() == GroupTarget.DEPARTMENT ? people.activeIdsInDepartment(id) : people.activeIdsInJobRole(id);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw BusinessException.forbidden();
        }
    }
}
