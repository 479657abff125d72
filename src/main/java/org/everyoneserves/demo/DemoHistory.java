package org.everyoneserves.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.everyoneserves.assignments.Assignment;
import org.everyoneserves.assignments.AssignmentService;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.modules.ModuleService;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.quizzes.QuizService;

/**
 * The demo company's past year: people who joined weeks or months ago got their curriculum when they joined, and
 * most did it on time, some late, a few not yet; some failed a quiz before passing; yearly refreshes fall due a
 * year after each completion, so some certifications are about to expire. New hires (under two weeks) start clean.
 * Everything goes through the same services as a learner's clicks; only the dates are set back afterwards.
 */
@ApplicationScoped
public class DemoHistory {

    static final int NEW_HIRE_DAYS = 14;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Catalog catalog;

    @Inject
    AssignmentService assignments;

    @Inject
    ModuleService modules;

    @Inject
    QuizService quizzes;

    @Inject
    DemoHistory self;

    /** @param people demo person ids by first name, with their start dates */
    public void replay(Map<String, Long> people, Map<String, LocalDate> starts, Map<String, String> roles) {
        for (Map.Entry<String, Long> p : people.entrySet()) {
            LocalDate start = starts.get(p.getKey());
            if (start.isAfter(LocalDate.now(clock).minusDays(NEW_HIRE_DAYS))) {
                continue;
            }
            self.replay(p.getValue(), p.getKey(), start, roles.get(p.getKey()));
        }
    }

    @Transactional
    public void replay(long personId, String name, LocalDate start, String role) {
        LocalDate today = LocalDate.now(clock);
        Random random = new Random(name.hashCode());
        double diligence = Math.floorMod(name.hashCode(), 5) == 0 ? 0.45 : 0.92;
        Map<String, Definitions.Item> items = new HashMap<>();
        catalog.curriculum(role).ifPresent(c ->
                c.definition().items().forEach(i -> items.put(kind(i.target()) + ":" + i.id(), i)));
        List<Assignment> open = assignments.assignments(Caller.SYSTEM, personId).stream()
                .filter(a -> a.getStatus() == Assignment.Status.OPEN && a.getKind() != Assignment.Kind.GUIDE)
                .sorted(java.util.Comparator.comparing(Assignment::getKind)).toList();
        Caller me = new Caller(personId, false, false);
        java.util.Set<String> unread = new java.util.HashSet<>();
        Map<Long, LocalDate> dueDates = new HashMap<>();
        List<Runnable> backdates = new java.util.ArrayList<>();
        for (Assignment a : open) {
            Definitions.Item item = items.get(a.getKind() + ":" + a.getCode());
            if (item == null) {
                continue;
            }
            LocalDate due = start.plusDays(item.dueDays());
            dueDates.put(a.getId(), due);
            if (a.getKind() == Assignment.Kind.QUIZ && unread.contains(moduleOf(a.getCode()))) {
                continue;
            }
            if (!due.isBefore(today) || random.nextDouble() > diligence) {
                unread.add(a.getCode());
                continue;
            }
            LocalDate on = due.minusDays(random.nextInt(Math.max(1, Math.min(item.dueDays(), 6))));
            if (random.nextDouble() < 0.15) {
                on = due.plusDays(1 + random.nextInt(10));
            }
            LocalDate day = on.isAfter(today) ? today : on;
            complete(me, a, random, name);
            backdates.add(() -> backdate(personId, a.getKind(), a.getCode(), day, item.repeatMonths()));
        }
        // the dates change last, in SQL, once the services' own changes are written and forgotten: a managed entity
        // flushed later would otherwise write its old dates back
        em.flush();
        em.clear();
        dueDates.forEach((id, due) -> em.createNativeQuery("update assignment set assigned_on = ?1, due_on = ?2 where id = ?3")
                .setParameter(1, start).setParameter(2, due).setParameter(3, id).executeUpdate());
        backdates.forEach(Runnable::run);
        em.clear();
        assignments.recount(personId);
    }

    private void complete(Caller me, Assignment a, Random random, String name) {
        if (a.getKind() == Assignment.Kind.MODULE) {
            modules.markRead(me, a.getCode());
            return;
        }
        Definitions.Quiz quiz = catalog.getQuiz(a.getCode()).definition();
        // the answers draw from their own generator, so that the rest of the history stays as it was
        Random answers = new Random((name + a.getCode()).hashCode());
        double ability = 0.55 + 0.4 * new Random(name.hashCode() * 31L).nextDouble();
        if (random.nextDouble() < 0.25) {
            long first = quizzes.start(me, a.getCode());
            quizzes.submit(me, first, DemoAnswers.of(quiz, quizzes.attempt(me, first), ability - 0.3, false, answers));
        }
        long attempt = quizzes.start(me, a.getCode());
        quizzes.submit(me, attempt, DemoAnswers.of(quiz, quizzes.attempt(me, attempt), ability, true, answers));
    }

    /** Moves a completion (and its quiz attempts and its next yearly refresh) back to the day it happened. */
    private void backdate(long personId, Assignment.Kind kind, String code, LocalDate on, Integer repeatMonths) {
        Timestamp at = Timestamp.from(on.atTime(LocalTime.of(10, 30)).atZone(clock.getZone()).toInstant());
        em.createNativeQuery("update completion set completed_at = ?1 where person_id = ?2 and kind = ?3 and code = ?4")
                .setParameter(1, at).setParameter(2, personId).setParameter(3, kind.name()).setParameter(4, code).executeUpdate();
        em.createNativeQuery("update assignment set completed_at = ?1 where person_id = ?2 and kind = ?3 and code = ?4 and status = 'DONE'")
                .setParameter(1, at).setParameter(2, personId).setParameter(3, kind.name()).setParameter(4, code).executeUpdate();
        if (kind == Assignment.Kind.QUIZ) {
            em.createNativeQuery("update quiz_attempt set started_at = ?1, saved_at = ?1, submitted_at = ?1 where person_id = ?2 and quiz_code = ?3")
                    .setParameter(1, at).setParameter(2, personId).setParameter(3, code).executeUpdate();
        }
        if (repeatMonths != null) {
            em.createNativeQuery("update assignment set assigned_on = ?1, due_on = ?2 where person_id = ?3 and kind = ?4 and code = ?5"
                            + " and status = 'OPEN' and reason = 'RECERTIFICATION'")
                    .setParameter(1, on).setParameter(2, on.plusMonths(repeatMonths)).setParameter(3, personId).setParameter(4, kind.name())
                    .setParameter(5, code).executeUpdate();
        }
    }

    private String moduleOf(String quizCode) {
        return catalog.quiz(quizCode).map(q -> q.definition().module()).orElse("");
    }

    private static Assignment.Kind kind(String target) {
        return switch (target) {
            case "module" -> Assignment.Kind.MODULE;
            case "quiz" -> Assignment.Kind.QUIZ;
            default -> Assignment.Kind.GUIDE;
        };
    }
}
