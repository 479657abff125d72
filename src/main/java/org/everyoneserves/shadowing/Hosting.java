package org.everyoneserves.shadowing;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Titles;
import org.everyoneserves.notifications.Notification;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.audit.AuditLog;
import org.everyoneserves.shadowing.ShadowingService.Guest;
import org.everyoneserves.shadowing.ShadowingService.HostedSlot;

/** Hosts: who may host, the slots they publish and call off, and their word on who came. */
@Dependent
class Hosting {

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
    Reflections reflections;

    @Inject
    SessionReminders reminders;

    boolean mayHost(Caller caller) {
        return people.find(caller.personId()).filter(PersonSummary::active).map(PersonSummary::jobRoleCode)
                .map(role -> views.guides().values().stream().anyMatch(g -> g.hostRoles().contains(role))).orElse(false);
    }

    long publish(Caller caller, Instant startsAt, int minutes, String place, int capacity) {
        if (!mayHost(caller)) {
            throw BusinessException.forbidden();
        }
        Slot slot = new Slot(caller.personId(), startsAt, minutes, place, capacity, clock.instant());
        em.persist(slot);
        em.flush();
        return slot.getId();
    }

    void cancelSlot(Caller caller, long slotId) {
        Slot slot = hostedSlot(caller, slotId);
        slot.cancel(clock.instant());
        Titles titles = catalog.titles();
        String host = views.name(slot.getHostId());
        for (Booking booking : views.bookingsOf(List.of(slotId))) {
            if (booking.getStatus() == Booking.Status.BOOKED) {
                booking.cancel(clock.instant());
                audit.record(caller.personId(), "shadowing.slotCancelled", "booking", booking.getId(), "slot " + slotId);
                reminders.tell(booking, slot, Notification.Kind.SESSION_CANCELLED, "cancelled:" + booking.getId(),
                        titles.guide(booking.getGuideCode()), host);
            }
        }
    }

    List<HostedSlot> hosting(Caller caller) {
        Instant now = clock.instant();
        List<Slot> slots = em.createQuery("select s from Slot s where s.hostId = :host and s.startsAt >= :since order by s.startsAt", Slot.class)
                .setParameter("host", caller.personId()).setParameter("since", now.minus(Duration.ofDays(90))).getResultList();
        Map<Long, List<Booking>> bySlot = views.bookingsOf(slots.stream().map(Slot::getId).toList()).stream()
                .collect(Collectors.groupingBy(Booking::getSlotId));
        Map<Long, Long> reflectionIds = views.reflectionIds(bySlot.values().stream().flatMap(List::stream).map(Booking::getId).toList());
        Titles titles = catalog.titles();
        Map<Long, PersonSummary> guests = people.summaries(bySlot.values().stream().flatMap(List::stream).map(Booking::getPersonId).toList());
        PersonSummary host = people.find(caller.personId()).orElseThrow(() -> BusinessException.notFound("person"));
        List<HostedSlot> hosted = new ArrayList<>();
        for (Slot slot : slots) {
            List<Guest> list = new ArrayList<>();
            for (Booking b : bySlot.getOrDefault(slot.getId(), List.of())) {
                if (b.getStatus() == Booking.Status.CANCELLED) {
                    continue;
                }
                PersonSummary p = guests.get(b.getPersonId());
                list.add(new Guest(b.getId(), p.id(), p.displayName(), p.department() == null ? "" : p.department(),
                        titles.guide(b.getGuideCode()), b.getStatus(), reflectionIds.get(b.getId()),
                        b.getHostNote(), b.getHostRating(), b.isCompleted()));
            }
            hosted.add(new HostedSlot(views.slot(slot, host), list, slot.hasStarted(now)));
        }
        return hosted;
    }

    void confirm(Caller caller, long bookingId, boolean attended, String note, Integer rating) {
        Booking booking = em.find(Booking.class, bookingId);
        if (booking == null) {
            throw BusinessException.notFound("booking");
        }
        Slot slot = em.find(Slot.class, booking.getSlotId());
        if (slot.getHostId() != caller.personId()) {
            throw BusinessException.notFound("booking");
        }
        if (!slot.hasStarted(clock.instant())) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.notStarted");
        }
        booking.confirm(attended, note, rating, caller.personId(), clock.instant());
        audit.record(caller.personId(), "shadowing.confirmed", "booking", bookingId, booking.getStatus().name());
        reflections.completeIfDone(booking);
    }

    private Slot hostedSlot(Caller caller, long slotId) {
        Slot slot = em.find(Slot.class, slotId);
        if (slot == null || slot.getHostId() != caller.personId()) {
            throw BusinessException.notFound("slot");
        }
        return slot;
    }
}
