package org.everyoneserves.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.audit.AuditLog;

/**
 * The door to personal data: a person asks for an export of their own data; an admin asks for one on a person's
 * request (audited), erases a person (audited, irreversible), sets the retention periods and sees the daily runs.
 */
@ApplicationScoped
@Transactional
public class PrivacyService {

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonService people;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Event<Exports.Requested> requested;

    @Inject
    Erasures erasures;

    @Inject
    Policies policies;

    @Inject
    RetentionJob retention;

    /** An export as its requester sees it; {@code person} names whose data it holds (for an admin's list). */
    public record ExportLine(long id, String person, Instant requestedAt, PersonalDataExport.Status status, Instant expiresAt, Integer size,
                             boolean offered) {
    }

    /** A downloadable export. */
    public record Download(String fileName, byte[] content) {
    }

    // ---- exports

    /**
     * Asks for an export of the person's data, made in the background. A person may ask for their own, an admin for
     * anyone's (on that person's request: audited). While one is waiting, asking again returns it: the row goes in
     * first ({@code insert ignore} against the unique waiting key), then a locking read finds it (a plain read would not
     * see a row another transaction committed after this one's first read), so two requests at once make one export.
     */
    public long requestExport(@NotNull Caller caller, long personId) {
        if (caller.isSystem() || (caller.personId() != personId && !caller.admin())) {
            throw BusinessException.forbidden();
        }
        people.find(personId).orElseThrow(() -> BusinessException.notFound("person"));
        if (people.isErased(personId)) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "privacy.error.alreadyErased");
        }
        int inserted = em.createNativeQuery("insert ignore into personal_data_export (person_id, requested_by, requested_at, status, version)"
                        + " values (?1, ?2, ?3, 'PENDING', 0)")
                .setParameter(1, personId).setParameter(2, caller.personId()).setParameter(3, java.sql.Timestamp.from(clock.instant())).executeUpdate();
        long id = ((Number) em.createNativeQuery("select id from personal_data_export where waiting_key = ?1 for update")
                .setParameter(1, personId + ":" + caller.personId()).getSingleResult()).longValue();
        if (inserted == 1) {
            if (caller.personId() != personId) {
                audit.record(caller.personId(), "personalData.exportRequested", "person", personId, "export " + id);
            }
            requested.fire(new Exports.Requested(id));
        }
        return id;
    }

    /** The exports the caller asked for, newest first: their own on the account page, those on request for an admin. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExportLine> exports(@NotNull Caller caller, boolean onRequest) {
        List<PersonalDataExport> rows = em.createQuery("select e from PersonalDataExport e where e.requestedBy = :me and "
                        + (onRequest ? "e.personId <> :me" : "e.personId = :me") + " order by e.requestedAt desc, e.id desc", PersonalDataExport.class)
                .setParameter("me", caller.personId()).setMaxResults(20).getResultList();
        Map<Long, String> names = people.displayNames(rows.stream().map(PersonalDataExport::getPersonId).distinct().toList());
        Instant now = clock.instant();
        return rows.stream().map(e -> new ExportLine(e.getId(), names.get(e.getPersonId()), e.getRequestedAt(), e.getStatus(), e.getExpiresAt(),
                e.getFileSize(), e.offered(now))).toList();
    }

    /** The ZIP, for the one who asked for it, while it is offered. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Download download(@NotNull Caller caller, long exportId) {
        PersonalDataExport export = em.find(PersonalDataExport.class, exportId);
        if (export == null || export.getRequestedBy() != caller.personId() || !export.offered(clock.instant())) {
            throw BusinessException.notFound("export");
        }
        return new Download("personal-data-" + export.getPersonId() + "-" + export.getReadyAt().toString().substring(0, 10) + ".zip",
                export.getContent());
    }

    // ---- erasure

    /** The person an admin is about to erase, found by e-mail; erased people are not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PersonSummary> findForRequest(@NotNull Caller caller, String email) {
        if (!caller.admin()) {
            throw BusinessException.forbidden();
        }
        return people.findByEmail(email == null ? "" : email).map(p -> people.get(caller, p.getId()))
                .filter(p -> !people.isErased(p.id()));
    }

    /**
     * Erases the person for good (see {@link Erasures}); admins only, with a reason.
     *
     * @param keepText the person consented that the reflections and ideas they wrote keep their text
     */
    public int erase(@NotNull Caller caller, long personId, String reason, boolean keepText) {
        return erasures.erase(caller, personId, reason, keepText);
    }

    // ---- retention

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Policies.Policy> policies(@NotNull Caller caller) {
        requireAdmin(caller);
        return policies.current();
    }

    public void changePolicies(@NotNull Caller caller, @NotNull Map<String, Integer> days) {
        requireAdmin(caller);
        policies.change(caller.personId(), days);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RetentionJob.Run> runs(@NotNull Caller caller) {
        requireAdmin(caller);
        return retention.runs(14);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw BusinessException.forbidden();
        }
    }
}
