package org.everyoneserves.shadowing;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.everyoneserves.assignments.Assignment;
import org.everyoneserves.assignments.Completion;
import org.everyoneserves.assignments.ItemCompleted;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Titles;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.audit.AuditLog;
import org.everyoneserves.shadowing.ShadowingService.Board;
import org.everyoneserves.shadowing.ShadowingService.IdeaRequest;
import org.everyoneserves.shadowing.ShadowingService.IdeaView;
import org.everyoneserves.shadowing.ShadowingService.ReflectionLine;
import org.everyoneserves.shadowing.ShadowingService.ReflectionView;

/**
 * Reflections and ideas: what the shadow saw and thinks, who may read it, and the ideas the owning department's
 * managers answer. Also the rule that makes a session count.
 */
@Dependent
class Reflections {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Catalog catalog;

    @Inject
    PersonService people;

    @Inject
    AuditLog audit;

    @Inject
    Views views;

    @Inject
    Event<ItemCompleted> completed;

    long reflect(Caller caller, long bookingId, List<String> answers, String takeaway, Set<Friction> frictions, List<IdeaRequest> ideas) {
        Booking booking = views.ownBooking(caller, bookingId);
        Slot slot = em.find(Slot.class, booking.getSlotId());
        if (booking.getStatus() == Booking.Status.CANCELLED || booking.getStatus() == Booking.Status.NO_SHOW) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.cannotReflect");
        }
        if (!slot.hasStarted(clock.instant())) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.notStarted");
        }
        if (!views.reflectionIds(List.of(bookingId)).isEmpty()) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.alreadyReflected");
        }
        Definitions.Guide guide = catalog.guideVersion(booking.getGuideVersionId()).definition();
        boolean takeawayAsked = guide.reflectionPrompt() != null && !guide.reflectionPrompt().isBlank();
        Reflection reflection = new Reflection(bookingId, caller.personId(), guide.questions(), answers, takeaway, takeawayAsked, frictions,
                clock.instant());
        try {
            em.persist(reflection);
            em.flush();
        } catch (PersistenceException e) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.alreadyReflected");
        }
        for (IdeaRequest idea : ideas) {
            raise(caller.personId(), idea, reflection.getId());
        }
        completeIfDone(booking);
        return reflection.getId();
    }

    ReflectionView reflection(Caller caller, long reflectionId) {
        Reflection reflection = em.find(Reflection.class, reflectionId);
        if (reflection == null) {
            throw BusinessException.notFound("reflection");
        }
        Booking booking = em.find(Booking.class, reflection.getBookingId());
        Slot slot = em.find(Slot.class, booking.getSlotId());
        long me = caller.personId();
        boolean allowed = me == reflection.getPersonId() || me == slot.getHostId()
                || (caller.manager() && (people.isInReportingLine(me, reflection.getPersonId()) || people.isInReportingLine(me, slot.getHostId())));
        if (!allowed) {
            throw BusinessException.notFound("reflection");
        }
        List<IdeaView> ideas = views.ideas(em.createQuery("select i from Idea i where i.reflectionId = :r order by i.id", Idea.class)
                .setParameter("r", reflectionId).getResultList());
        Map<Long, String> names = people.displayNames(List.of(reflection.getPersonId(), slot.getHostId()));
        return new ReflectionView(reflectionId, names.get(reflection.getPersonId()), catalog.titles().guide(booking.getGuideCode()),
                names.get(slot.getHostId()), slot.getStartsAt(), reflection.answers(), reflection.getTakeaway(),
                reflection.getFrictions(), ideas, booking.getStatus(), booking.getHostNote(), booking.getHostRating(), reflection.getSubmittedAt());
    }

    List<ReflectionLine> reflectionsOf(Caller caller, long personId) {
        List<Object[]> rows = em.createQuery("select r, b, s from Reflection r, Booking b, Slot s where b.id = r.bookingId and s.id = b.slotId"
                + " and r.personId = :p order by s.startsAt desc", Object[].class).setParameter("p", personId).getResultList();
        long me = caller.personId();
        boolean lineOfShadow = me == personId || (caller.manager() && people.isInReportingLine(me, personId));
        Titles titles = catalog.titles();
        Map<Long, String> hosts = people.displayNames(rows.stream().map(row -> ((Slot) row[2]).getHostId()).toList());
        List<ReflectionLine> lines = new ArrayList<>();
        for (Object[] row : rows) {
            Slot slot = (Slot) row[2];
            if (lineOfShadow || me == slot.getHostId() || (caller.manager() && people.isInReportingLine(me, slot.getHostId()))) {
                Booking b = (Booking) row[1];
                lines.add(new ReflectionLine(((Reflection) row[0]).getId(), titles.guide(b.getGuideCode()), hosts.get(slot.getHostId()),
                        slot.getStartsAt()));
            }
        }
        return lines;
    }

    /** Counts the session (completes the guide) once the host confirmed attendance and the shadow reflected. */
    void completeIfDone(Booking booking) {
        if (booking.getStatus() != Booking.Status.ATTENDED || booking.isCompleted() || views.reflectionIds(List.of(booking.getId())).isEmpty()) {
            return;
        }
        booking.complete(clock.instant());
        completed.fire(new ItemCompleted(booking.getPersonId(), Assignment.Kind.GUIDE, booking.getGuideCode(), booking.getGuideVersionId(),
                Completion.How.SHADOWED, null));
    }

    // ---- ideas

    long raise(long personId, IdeaRequest request, Long reflectionId) {
        if (request.departmentId() == null || !people.departmentNames().containsKey(request.departmentId())) {
            throw new BusinessException(BusinessException.Kind.INVALID, "ideas.error.department");
        }
        Idea idea = new Idea(personId, request.departmentId(), reflectionId, request.title(), request.description(), clock.instant());
        em.persist(idea);
        em.flush();
        return idea.getId();
    }

    List<IdeaView> myIdeas(Caller caller) {
        return views.ideas(em.createQuery("select i from Idea i where i.raisedBy = :me order by i.createdAt desc, i.id desc", Idea.class)
                .setParameter("me", caller.personId()).getResultList());
    }

    Optional<Board> boardDepartment(Caller caller) {
        Optional<PersonSummary> me = people.find(caller.personId());
        if (me.isEmpty() || me.get().departmentId() == null || !people.hasActiveReports(me.get().id())) {
            return Optional.empty();
        }
        return Optional.of(new Board(me.get().departmentId(), me.get().department()));
    }

    List<IdeaView> board(Caller caller) {
        Board board = boardDepartment(caller).orElseThrow(BusinessException::forbidden);
        return views.ideas(em.createQuery("select i from Idea i where i.departmentId = :d order by i.createdAt desc, i.id desc", Idea.class)
                .setParameter("d", board.departmentId()).getResultList());
    }

    void decide(Caller caller, long ideaId, Idea.Status status, String answer, int expectedVersion) {
        Idea idea = em.find(Idea.class, ideaId);
        Optional<Board> mine = boardDepartment(caller);
        if (idea == null || mine.isEmpty() || mine.get().departmentId() != idea.getDepartmentId()) {
            throw BusinessException.notFound("idea");
        }
        if (idea.getVersion() != expectedVersion) {
            throw BusinessException.staleVersion();
        }
        idea.decide(status, answer, caller.personId(), clock.instant());
        audit.record(caller.personId(), "idea.decided", "idea", ideaId, status.name());
    }
}
