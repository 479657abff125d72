package org.everyoneserves.shadowing;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.everyoneserves.assignments.Assignment;
import org.everyoneserves.assignments.AssignmentService;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Published;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.shadowing.ShadowingService.BookingView;
import org.everyoneserves.shadowing.ShadowingService.GuideView;
import org.everyoneserves.shadowing.ShadowingService.SlotView;

/**
 * Bookings and seats: the guide as the shadow sees it, the slots they may book, and booking, moving and cancelling a
 * seat. A seat is taken by one conditional update on the slot, so two people can never both get the last one.
 */
@Dependent
class Bookings {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Catalog catalog;

    @Inject
    AssignmentService assignments;

    @Inject
    PersonService people;

    @Inject
    Views views;

    GuideView guide(Caller caller, String code) {
        Published<Definitions.Guide> version = catalog.getGuide(code);
        Definitions.Guide guide = version.definition();
        Optional<Assignment> live = assignments.liveAssignment(caller.personId(), Assignment.Kind.GUIDE, code);
        List<Booking> mine = em.createQuery("select b from Booking b where b.personId = :me and b.guideCode = :code order by b.bookedAt desc",
                Booking.class).setParameter("me", caller.personId()).setParameter("code", code).getResultList();
        List<BookingView> all = views.bookings(mine);
        BookingView current = all.stream().filter(b -> b.status() == Booking.Status.BOOKED
                || (b.status() == Booking.Status.ATTENDED && !b.completed())).findFirst().orElse(null);
        List<BookingView> history = all.stream().filter(b -> b != current).toList();
        List<SlotView> slots = live.isPresent() && (current == null || current.canChange()) ? bookable(caller, guide) : List.of();
        Map<String, String> roleNames = people.jobRoleNames();
        return new GuideView(code, version.title(), version.summary(), guide.durationMinutes(),
                guide.hostRoles().stream().map(r -> roleNames.getOrDefault(r, r)).toList(), guide.watchFor(), guide.questions(),
                guide.reflectionPrompt(), live.map(Assignment::getDueOn).orElse(null), live.isPresent(), current,
                current == null ? slots : slots.stream().filter(s -> s.id() != current.slot().id()).toList(), history);
    }

    Optional<BookingView> nextSession(Caller caller) {
        List<Booking> next = em.createQuery("select b from Booking b, Slot s where s.id = b.slotId and b.personId = :me and b.status = :booked"
                        + " and s.startsAt > :now and s.cancelledAt is null order by s.startsAt", Booking.class)
                .setParameter("me", caller.personId()).setParameter("booked", Booking.Status.BOOKED).setParameter("now", clock.instant())
                .setMaxResults(1).getResultList();
        return views.bookings(next).stream().findFirst();
    }

    long book(Caller caller, String code, long slotId) {
        Published<Definitions.Guide> version = catalog.getGuide(code);
        Definitions.Guide guide = version.definition();
        if (assignments.liveAssignment(caller.personId(), Assignment.Kind.GUIDE, code).isEmpty()) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.notAssigned");
        }
        List<Booking> open = em.createQuery("select b from Booking b where b.personId = :me and b.guideCode = :code"
                        + " and (b.status = :booked or (b.status = :attended and b.completedAt is null))", Booking.class)
                .setParameter("me", caller.personId()).setParameter("code", code)
                .setParameter("booked", Booking.Status.BOOKED).setParameter("attended", Booking.Status.ATTENDED).getResultList();
        if (!open.isEmpty()) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, open.get(0).getStatus() == Booking.Status.BOOKED
                    ? "shadowing.error.alreadyBooked" : "shadowing.error.reflectFirst");
        }
        requireBookable(caller, guide, slotId);
        takeSeat(slotId);
        Booking booking = new Booking(slotId, caller.personId(), code, version.versionId(), clock.instant());
        try {
            em.persist(booking);
            em.flush();
        } catch (PersistenceException e) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.alreadyBooked");
        }
        return booking.getId();
    }

    void move(Caller caller, long bookingId, long slotId) {
        Booking booking = views.ownBooking(caller, bookingId);
        booking.requireBooked();
        Slot old = em.find(Slot.class, booking.getSlotId());
        if (old.hasStarted(clock.instant())) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.slotStarted");
        }
        if (old.getId() == slotId) {
            return;
        }
        Definitions.Guide guide = catalog.guideVersion(booking.getGuideVersionId()).definition();
        requireBookable(caller, guide, slotId);
        takeSeat(slotId);
        giveSeatBack(old.getId());
        booking.moveTo(slotId, clock.instant());
    }

    void move(Caller caller, long bookingId, long slotId, int expectedVersion) {
        if (views.ownBooking(caller, bookingId).getVersion() != expectedVersion) {
            throw BusinessException.preconditionFailed();
        }
        move(caller, bookingId, slotId);
        em.flush();
    }

    List<BookingView> bookings(Caller caller) {
        return views.bookings(em.createQuery("select b from Booking b where b.personId = :me order by b.bookedAt desc, b.id desc", Booking.class)
                .setParameter("me", caller.personId()).setMaxResults(100).getResultList());
    }

    BookingView booking(Caller caller, long bookingId) {
        return views.bookings(List.of(views.ownBooking(caller, bookingId))).get(0);
    }

    void cancel(Caller caller, long bookingId) {
        Booking booking = views.ownBooking(caller, bookingId);
        booking.requireBooked();
        Slot slot = em.find(Slot.class, booking.getSlotId());
        if (slot.hasStarted(clock.instant())) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.slotStarted");
        }
        giveSeatBack(slot.getId());
        booking.cancel(clock.instant());
    }

    String calendar(Caller caller, long bookingId) {
        Booking booking = views.ownBooking(caller, bookingId);
        if (booking.getStatus() != Booking.Status.BOOKED) {
            throw BusinessException.notFound("booking");
        }
        Slot slot = em.find(Slot.class, booking.getSlotId());
        String title = catalog.titles().guide(booking.getGuideCode());
        return Calendar.event("booking-" + booking.getId(), booking.getVersion(), slot.getStartsAt(), slot.endsAt(), clock.instant(),
                title + " (" + views.name(slot.getHostId()) + ")", slot.getPlace(), title);
    }

    private void requireBookable(Caller caller, Definitions.Guide guide, long slotId) {
        Slot slot = em.find(Slot.class, slotId);
        Optional<PersonSummary> host = slot == null ? Optional.empty() : people.find(slot.getHostId());
        if (slot == null || slot.isCancelled() || slot.hasStarted(clock.instant()) || slot.getHostId() == caller.personId()
                || host.isEmpty() || !host.get().active() || host.get().jobRoleCode() == null
                || !guide.hostRoles().contains(host.get().jobRoleCode())) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.slotNotAvailable");
        }
        long alreadyThere = em.createQuery("select count(b) from Booking b where b.slotId = :slot and b.personId = :me and b.status = :booked",
                        Long.class).setParameter("slot", slotId).setParameter("me", caller.personId())
                .setParameter("booked", Booking.Status.BOOKED).getSingleResult();
        if (alreadyThere > 0) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.alreadyInSlot");
        }
    }

    private void takeSeat(long slotId) {
        int taken = em.createNativeQuery("update shadowing_slot set booked = booked + 1 where id = ?1 and booked < capacity"
                        + " and cancelled_at is null and starts_at > ?2")
                .setParameter(1, slotId).setParameter(2, clock.instant()).executeUpdate();
        if (taken == 0) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.full");
        }
    }

    private void giveSeatBack(long slotId) {
        em.createNativeQuery("update shadowing_slot set booked = booked - 1 where id = ?1 and booked > 0").setParameter(1, slotId).executeUpdate();
    }

    /** Upcoming slots with a free seat whose host's role the guide sends shadows to, and who is active. */
    private List<SlotView> bookable(Caller caller, Definitions.Guide guide) {
        List<Long> hosts = people.activeIdsInJobRoles(guide.hostRoles()).stream().filter(id -> id != caller.personId()).toList();
        if (hosts.isEmpty()) {
            return List.of();
        }
        List<Slot> slots = em.createQuery("select s from Slot s where s.hostId in :hosts and s.cancelledAt is null and s.startsAt > :now"
                        + " and s.booked < s.capacity order by s.startsAt, s.id", Slot.class)
                .setParameter("hosts", hosts).setParameter("now", clock.instant()).setMaxResults(100).getResultList();
        Map<Long, PersonSummary> summaries = people.summaries(slots.stream().map(Slot::getHostId).toList());
        return slots.stream().map(s -> views.slot(s, summaries.get(s.getHostId()))).toList();
    }
}
