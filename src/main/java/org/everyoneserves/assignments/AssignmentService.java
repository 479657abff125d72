package org.everyoneserves.assignments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.ContentChangedMaterially;
import org.everyoneserves.content.ContentHash;
import org.everyoneserves.content.CurriculumChanged;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Titles;
import org.everyoneserves.people.JobRoleChanged;
import org.everyoneserves.people.PersonDeactivated;
import org.everyoneserves.people.PersonReactivated;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.audit.AuditLog;

/**
 * Who owes what, and by when. Curricula become assignments for everyone whose job role has them, when a person
 * joins or changes role, when a curriculum changes, and when content changes materially; completions close them
 * and schedule the next occurrence of repeating items. All of it happens in the transaction of the change that
 * caused it, so nothing waits for a nightly batch.
 */
@ApplicationScoped
@Transactional
public class AssignmentService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Catalog catalog;

    @Inject
    PersonService people;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A curriculum item as it applies to assignments. */
    record Rule(Assignment.Kind kind, String code, DueDates.From from, int dueDays, Integer repeatMonths) {

        String key() {
            return kind + ":" + code;
        }

        static Rule of(Definitions.Item item) {
            Assignment.Kind kind = switch (item.target()) {
                case "module" -> Assignment.Kind.MODULE;
                case "quiz" -> Assignment.Kind.QUIZ;
                default -> Assignment.Kind.GUIDE;
            };
            return new Rule(kind, item.id(), DueDates.From.of(item.from()),
                    item.dueDays(), item.repeatMonths());
        }
    }

    // ---- reacting to people and content

    void onRoleChanged(@Observes JobRoleChanged event) {
        reconcile(event.personId(), event.previousRole() == null ? Assignment.Reason.JOINED : Assignment.Reason.ROLE_CHANGED);
    }

    /** The default curriculum concerns everyone whose job role has no curriculum of its own. */
    void onCurriculumChanged(@Observes CurriculumChanged event) {
        List<Long> holders;
        if (Definitions.Curriculum.DEFAULT_ROLE.equals(event.role())) {
            Map<String, Boolean> own = new HashMap<>();
            holders = people.activeJobRoleCodes().entrySet().stream()
                    .filter(e -> !own.computeIfAbsent(e.getValue(), code -> catalog.curriculum(code).isPresent()))
                    .map(Map.Entry::getKey).sorted().toList();
        } else {
            holders = people.activeIdsInJobRoles(List.of(event.role()));
        }
        for (Long personId : holders) {
            reconcile(personId, Assignment.Reason.CURRICULUM_CHANGED);
        }
    }

    /** People whose role has the item and who finished it are asked to do it again; their completion stays in history. */
    void onMaterialChange(@Observes ContentChangedMaterially event) {
        Assignment.Kind kind = switch (event.kind()) {
            case MODULE -> Assignment.Kind.MODULE;
            case QUIZ -> Assignment.Kind.QUIZ;
            case GUIDE -> Assignment.Kind.GUIDE;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        List<Long> done = em.createQuery("select distinct a.personId from Assignment a where a.kind = :kind and a.code = :code "
                        + "and a.status = :done and not exists (select 1 from Assignment b where b.personId = a.personId and b.kind = a.kind "
                        + "and b.code = a.code and b.status in (:live))", Long.class)
                .setParameter("kind", kind).setParameter("code", event.code()).setParameter("done", Assignment.Status.DONE)
                .setParameter("live", List.of(Assignment.Status.OPEN, Assignment.Status.PAUSED)).getResultList();
        Map<String, Map<String, Rule>> curricula = new HashMap<>();
        for (PersonSummary person : people.summaries(done).values()) {
            if (!person.active() || person.jobRoleCode() == null) {
                continue;
            }
            long personId = person.id();
            Rule rule = curricula.computeIfAbsent(person.jobRoleCode(), this::rules).get(kind + ":" + event.code());
            if (rule != null) {
                em.persist(new Assignment(personId, kind, event.code(), Assignment.Origin.CURRICULUM, Assignment.Reason.CONTENT_CHANGED,
                        today, today.plusDays(rule.dueDays()), rule.repeatMonths(), null, clock.instant()));
                refresh(personId);
            }
        }
    }

    void onDeactivated(@Observes PersonDeactivated event) {
        live(event.personId()).forEach(Assignment::pause);
        refresh(event.personId());
    }

    void onReactivated(@Observes PersonReactivated event) {
        live(event.personId()).forEach(Assignment::resume);
        reconcile(event.personId(), Assignment.Reason.CURRICULUM_CHANGED);
    }

    /** Records the completion, closes the live assignment and schedules the next occurrence of a repeating item. */
    void onCompleted(@Observes ItemCompleted event) {
        LocalDate today = LocalDate.now(clock);
        Optional<Assignment> open = live(event.personId()).stream()
                .filter(a -> a.getKind() == event.kind() && a.getCode().equals(event.code())).findFirst();
        Long assignmentId = null;
        if (open.isPresent()) {
            Assignment assignment = open.get();
            // a recertification that is not due yet is closed early: the new completion starts a new period
            assignment.complete(clock.instant(), event.versionId());
            assignmentId = assignment.getId();
            em.flush();
            if (assignment.getRepeatMonths() != null) {
                Recertification next = new Recertification(today, assignment.getRepeatMonths());
                em.persist(new Assignment(event.personId(), event.kind(), event.code(), assignment.getOrigin(), Assignment.Reason.RECERTIFICATION,
                        today, next.expiresOn(), assignment.getRepeatMonths(), null, clock.instant()));
            }
        }
        em.persist(new Completion(event, clock.instant(), assignmentId));
        refresh(event.personId());
    }

    // ---- admins

    public enum Target { PERSON, DEPARTMENT, JOB_ROLE }

    /**
     * Assigns an item by hand to one person, everyone in a department or everyone in a job role (active people),
     * due on a date. People who already have it open keep their assignment.
     *
     * @return how many people got a new assignment
     */
    public int assign(@NotNull Caller caller, @NotNull Target target, long targetId, @NotNull Assignment.Kind kind, @NotNull String code,
                      @NotNull LocalDate dueOn) {
        if (!caller.admin()) {
            throw BusinessException.forbidden();
        }
        if (!catalog.exists(kind.catalogKind(), code)) {
            throw new BusinessException(BusinessException.Kind.INVALID, "assign.error.unknownItem", code);
        }
        LocalDate today = LocalDate.now(clock);
        if (dueOn.isBefore(today)) {
            throw new BusinessException(BusinessException.Kind.INVALID, "assign.error.pastDue", dueOn);
        }
        List<Long> ids = switch (target) {
            case PERSON -> people.find(targetId).filter(PersonSummary::active).map(p -> List.of(p.id())).orElse(List.of());
            case DEPARTMENT -> people.activeIdsInDepartment(targetId);
            case JOB_ROLE -> people.activeIdsInJobRole(targetId);
        };
        int created = 0;
        for (Long personId : ids) {
            boolean hasLive = live(personId).stream().anyMatch(a -> a.getKind() == kind && a.getCode().equals(code));
            if (!hasLive) {
                try {
                    em.persist(new Assignment(personId, kind, code, Assignment.Origin.MANUAL, Assignment.Reason.MANUAL, today, dueOn, null,
                            caller.personId(), clock.instant()));
                    em.flush();
                } catch (PersistenceException e) {
                    // assigned by someone else at the same moment (one live assignment per item, kept by the key): nothing is saved
                    throw new BusinessException(BusinessException.Kind.CONFLICT, "assign.error.concurrent");
                }
                refresh(personId);
                created++;
            }
        }
        audit.record(caller.personId(), "assignment.assigned", target.name().toLowerCase(), targetId, kind + ":" + code + " due " + dueOn
                + " to " + created);
        return created;
    }

    // ---- reading

    /** A person's assignments, newest occurrence first within each item; scoped: own, reporting line, or admin. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Assignment> assignments(@NotNull Caller caller, long personId) {
        if (!people.maySee(caller, personId)) {
            throw BusinessException.notFound("person");
        }
        return em.createQuery("select a from Assignment a where a.personId = :id order by a.dueOn, a.id", Assignment.class)
                .setParameter("id", personId).getResultList();
    }

    /**
     * What a plan depends on besides the person's rows (which their change stamp counts): the day, which moves items
     * to due soon and overdue, and the catalog generation the titles come from.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String planBasis() {
        return LocalDate.now(clock) + "-" + catalog.generation();
    }

    /**
     * A person's plan; scoped: their own, their reporting line's, or anyone's for an admin. Two reads: the assignments
     * with the progress summary, and the person (for the onboarding).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Plan plan(@NotNull Caller caller, long personId) {
        if (!people.maySee(caller, personId)) {
            throw BusinessException.notFound("person");
        }
        List<Object[]> rows = em.createQuery("select a, s from Assignment a left join ProgressSummary s on s.personId = a.personId"
                + " where a.personId = :id order by a.dueOn, a.id", Object[].class).setParameter("id", personId).getResultList();
        List<Assignment> all = rows.stream().map(r -> (Assignment) r[0]).toList();
        ProgressSummary summary = rows.isEmpty() ? summary(personId).orElse(null) : (ProgressSummary) rows.get(0)[1];
        Titles titles = catalog.titles();
        LocalDate today = LocalDate.now(clock);
        List<PlanItem> items = all.stream()
                .filter(a -> a.getStatus() != Assignment.Status.WITHDRAWN && a.getStatus() != Assignment.Status.WAIVED)
                .map(a -> PlanItem.of(a, titles.of(a.getKind().catalogKind(), a.getCode()), today)).toList();
        List<PlanItem> toDo = items.stream().filter(PlanItem::toDo)
                .sorted(Comparator.comparing(PlanItem::dueOn).thenComparing(PlanItem::assignmentId)).toList();
        List<PlanItem> upcoming = items.stream().filter(i -> i.state() == PlanItem.State.UPCOMING).toList();
        List<PlanItem> paused = items.stream().filter(i -> i.state() == PlanItem.State.PAUSED).toList();
        List<PlanItem> done = items.stream().filter(i -> i.state() == PlanItem.State.DONE)
                .sorted(Comparator.comparing(PlanItem::completedAt).reversed()).toList();
        PersonSummary person = people.find(personId).orElseThrow(() -> BusinessException.notFound("person"));
        Plan.Onboarding onboarding = null;
        long day = java.time.temporal.ChronoUnit.DAYS.between(person.startDate(), today) + 1;
        if (Plan.isOnboarding(day)) {
            List<Assignment> firstQuarter = all.stream().filter(a -> a.getReason() == Assignment.Reason.JOINED
                    && a.getStatus() != Assignment.Status.WITHDRAWN).toList();
            onboarding = new Plan.Onboarding((int) day, (int) firstQuarter.stream().filter(a -> a.getStatus() == Assignment.Status.DONE).count(),
                    firstQuarter.size());
        }
        return new Plan(toDo, upcoming, paused, done, summary == null ? 0 : summary.getRequired(), summary == null ? 0 : summary.getDone(),
                onboarding, day);
    }

    /** The certificate to show with a person's plan: none while anything of the plan is left to do. Scoped like the plan. */
    @Transactional
    public Optional<Certificate> certificate(@NotNull Caller caller, long personId, @NotNull Plan plan) {
        return plan.allDone() ? certificate(caller, personId) : Optional.empty();
    }

    /**
     * The certificate for the person's job-role curriculum, when every item of it is done (a yearly refresh that is
     * not due yet does not take it away). Scoped like the plan.
     */
    @Transactional
    public Optional<Certificate> certificate(@NotNull Caller caller, long personId) {
        List<Assignment> all = assignments(caller, personId);
        PersonSummary person = people.find(personId).orElseThrow(() -> BusinessException.notFound("person"));
        if (person.jobRoleCode() == null) {
            return Optional.empty();
        }
        Map<String, Rule> rules = rules(person.jobRoleCode());
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        Titles titles = catalog.titles();
        List<Certificate.Line> lines = new ArrayList<>();
        for (Rule rule : rules.values()) {
            List<Assignment> occurrences = all.stream().filter(a -> a.getKind() == rule.kind() && a.getCode().equals(rule.code())).toList();
            boolean owed = occurrences.stream().anyMatch(a -> a.isLive()
                    && !(a.getReason() == Assignment.Reason.RECERTIFICATION && !a.getDueOn().isBefore(today)));
            Optional<Assignment> done = occurrences.stream().filter(a -> a.getStatus() == Assignment.Status.DONE)
                    .max(Comparator.comparing(Assignment::getCompletedAt));
            if (owed || done.isEmpty()) {
                return Optional.empty();
            }
            int version = catalog.versionNumber(done.get().getCompletedVersionId());
            lines.add(new Certificate.Line(rule.kind(), rule.code(), titles.of(rule.kind().catalogKind(), rule.code()), done.get().getCompletedAt(),
                    version));
        }
        Instant finished = lines.stream().map(Certificate.Line::completedAt).max(Comparator.naturalOrder()).orElseThrow();
        String number = ContentHash.of(personId + "|" + person.jobRoleCode() + "|" + lines)
                .substring(0, 12).toUpperCase(Locale.ROOT);
        return Optional.of(new Certificate(number, person.displayName(), person.jobRoleCode(), person.jobRole(), finished, lines));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Completion> completions(@NotNull Caller caller, long personId) {
        if (!people.maySee(caller, personId)) {
            throw BusinessException.notFound("person");
        }
        return em.createQuery("select c from Completion c where c.personId = :id order by c.completedAt desc, c.id desc", Completion.class)
                .setParameter("id", personId).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProgressSummary> summary(long personId) {
        return Optional.ofNullable(em.find(ProgressSummary.class, personId));
    }

    /** When the person last completed this content version (read, passed, shadowed), if ever. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> lastCompletion(long personId, long versionId) {
        return Optional.ofNullable(em.createQuery("select max(c.completedAt) from Completion c where c.personId = :person"
                        + " and c.versionId = :version", Instant.class)
                .setParameter("person", personId).setParameter("version", versionId).getSingleResult());
    }

    /** The live assignment of this item for the person, if they have one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Assignment> liveAssignment(long personId, Assignment.Kind kind, String code) {
        return live(personId).stream().filter(a -> a.getKind() == kind && a.getCode().equals(code)).findFirst();
    }

    // ---- the rules

    /**
     * Brings a person's curriculum assignments in line with their role's curriculum: adds what is missing (an item
     * done before counts, so a role change keeps completed history), withdraws live curriculum items the role no
     * longer has. Manual assignments are left alone.
     */
    void reconcile(long personId, Assignment.Reason reason) {
        Optional<PersonSummary> person = people.find(personId);
        if (person.isEmpty()) {
            return;
        }
        Map<String, Rule> rules = person.get().jobRoleCode() == null ? Map.of() : rules(person.get().jobRoleCode());
        List<Assignment> all = em.createQuery("select a from Assignment a where a.personId = :id", Assignment.class)
                .setParameter("id", personId).getResultList();
        LocalDate today = LocalDate.now(clock);
        for (Assignment a : all) {
            if (a.isLive() && a.getOrigin() == Assignment.Origin.CURRICULUM && !rules.containsKey(a.getKind() + ":" + a.getCode())) {
                a.withdraw();
            }
        }
        em.flush();
        for (Rule rule : rules.values()) {
            boolean covered = all.stream().anyMatch(a -> rule.kind() == a.getKind() && rule.code().equals(a.getCode())
                    && (a.isLive() || a.getStatus() == Assignment.Status.DONE));
            if (!covered) {
                Assignment created = new Assignment(personId, rule.kind(), rule.code(), Assignment.Origin.CURRICULUM, reason, today,
                        DueDates.dueOn(rule.from(), rule.dueDays(), person.get().startDate(), today), rule.repeatMonths(), null, clock.instant());
                if (!person.get().active()) {
                    created.pause();
                }
                em.persist(created);
            }
        }
        refresh(personId);
    }

    /**
     * The role's curriculum items whose content exists and is not retired, by key; for a role without a curriculum of
     * its own, the default curriculum's.
     */
    private Map<String, Rule> rules(String roleCode) {
        Map<String, Rule> rules = new java.util.LinkedHashMap<>();
        catalog.curriculumOf(roleCode).ifPresent(curriculum -> {
            for (Definitions.Item item : curriculum.definition().items()) {
                Rule rule = Rule.of(item);
                if (catalog.exists(rule.kind().catalogKind(), rule.code())) {
                    rules.putIfAbsent(rule.key(), rule);
                }
            }
        });
        return rules;
    }

    private List<Assignment> live(long personId) {
        return em.createQuery("select a from Assignment a where a.personId = :id and a.status in (:live)", Assignment.class)
                .setParameter("id", personId).setParameter("live", List.of(Assignment.Status.OPEN, Assignment.Status.PAUSED))
                .getResultList();
    }

    /**
     * Recounts one person's summary from their assignments (a handful of rows, by index): required items are the
     * distinct items they have, done are those with no live assignment other than a recertification not yet due.
     */
    /**
     * Recounts a person's progress summary from their assignments. Every change in this service does it already;
     * this is for bulk changes made outside it (the demo organisation's history, generated organisations).
     */
    public void recount(long personId) {
        refresh(personId);
    }

    void refresh(long personId) {
        em.flush();
        LocalDate today = LocalDate.now(clock);
        List<Assignment> all = em.createQuery("select a from Assignment a where a.personId = :id and a.status in (:counted)", Assignment.class)
                .setParameter("id", personId)
                .setParameter("counted", List.of(Assignment.Status.OPEN, Assignment.Status.PAUSED, Assignment.Status.DONE))
                .getResultList();
        Map<String, List<Assignment>> byItem = new HashMap<>();
        all.forEach(a -> byItem.computeIfAbsent(a.getKind() + ":" + a.getCode(), k -> new ArrayList<>()).add(a));
        int done = 0;
        LocalDate next = null;
        LocalDate refresh = null;
        for (List<Assignment> occurrences : byItem.values()) {
            boolean owed = occurrences.stream().anyMatch(a -> a.isLive()
                    && !(a.getReason() == Assignment.Reason.RECERTIFICATION && a.getDueOn().isAfter(today)));
            if (!owed) {
                done++;
            }
            for (Assignment a : occurrences) {
                if (a.getStatus() == Assignment.Status.OPEN && (next == null || a.getDueOn().isBefore(next))) {
                    next = a.getDueOn();
                }
                if (a.getStatus() == Assignment.Status.OPEN && a.getReason() == Assignment.Reason.RECERTIFICATION
                        && (refresh == null || a.getDueOn().isBefore(refresh))) {
                    refresh = a.getDueOn();
                }
            }
        }
        ProgressSummary summary = em.find(ProgressSummary.class, personId);
        if (summary == null) {
            // made at most once however many changes of a new person race: insert (the key keeps one), then a locking
            // read, which sees the row another transaction committed where repeatable read's snapshot would not
            em.createNativeQuery("insert into progress_summary (person_id, required, done, updated_at) values (?1, 0, 0, ?2)"
                            + " on duplicate key update person_id = person_id")
                    .setParameter(1, personId).setParameter(2, Timestamp.from(clock.instant())).executeUpdate();
            summary = em.find(ProgressSummary.class, personId, LockModeType.PESSIMISTIC_WRITE);
        }
        long shadowed = em.createQuery("select count(c) from Completion c where c.personId = :id and c.kind = :guide", Long.class)
                .setParameter("id", personId).setParameter("guide", Assignment.Kind.GUIDE).getSingleResult();
        String openDue = OpenDueDates.of(all.stream().filter(a -> a.getStatus() == Assignment.Status.OPEN).toList());
        Objects.requireNonNull(summary).update(byItem.size(), done, next, refresh, openDue, (int) shadowed, clock.instant());
    }
}
