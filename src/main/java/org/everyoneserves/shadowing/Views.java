package org.everyoneserves.shadowing;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Published;
import org.everyoneserves.content.Titles;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.shadowing.ShadowingService.BookingView;
import org.everyoneserves.shadowing.ShadowingService.IdeaView;
import org.everyoneserves.shadowing.ShadowingService.SlotView;

/**
 * Reads the other parts of shadowing share: slots, bookings and ideas as their views, with people's names from
 * {@link PersonService} and guide titles from the catalog.
 */
@Dependent
class Views {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Catalog catalog;

    @Inject
    PersonService people;

    /** One of the caller's own bookings; anyone else's does not exist. */
    Booking ownBooking(Caller caller, long bookingId) {
        Booking booking = em.find(Booking.class, bookingId);
        if (booking == null || booking.getPersonId() != caller.personId()) {
            throw BusinessException.notFound("booking");
        }
        return booking;
    }

    Map<Long, Slot> slotsOf(Collection<Booking> bookings) {
        Set<Long> ids = bookings.stream().map(Booking::getSlotId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select s from Slot s where s.id in :ids", Slot.class).setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(Slot::getId, s -> s));
    }

    List<Booking> bookingsOf(Collection<Long> slotIds) {
        if (slotIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select b from Booking b where b.slotId in :ids order by b.bookedAt", Booking.class)
                .setParameter("ids", slotIds).getResultList();
    }

    Map<Long, Long> reflectionIds(Collection<Long> bookingIds) {
        if (bookingIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> ids = new HashMap<>();
        em.createQuery("select r.bookingId, r.id from Reflection r where r.bookingId in :ids", Object[].class)
                .setParameter("ids", bookingIds).getResultList().forEach(r -> ids.put((Long) r[0], (Long) r[1]));
        return ids;
    }

    /** A person's name ("First Last"). */
    String name(long personId) {
        return people.displayNames(List.of(personId)).get(personId);
    }

    List<BookingView> bookings(List<Booking> bookings) {
        Map<Long, Slot> slots = slotsOf(bookings);
        Map<Long, PersonSummary> hosts = people.summaries(slots.values().stream().map(Slot::getHostId).toList());
        Map<Long, Long> reflections = reflectionIds(bookings.stream().map(Booking::getId).toList());
        Titles titles = catalog.titles();
        Instant now = clock.instant();
        return bookings.stream().map(b -> {
            Slot slot = slots.get(b.getSlotId());
            Long reflection = reflections.get(b.getId());
            boolean started = slot.hasStarted(now);
            boolean canReflect = started && reflection == null
                    && (b.getStatus() == Booking.Status.BOOKED || b.getStatus() == Booking.Status.ATTENDED);
            return new BookingView(b.getId(), slot(slot, hosts.get(slot.getHostId())), b.getGuideCode(),
                    titles.guide(b.getGuideCode()), b.getStatus(),
                    b.getStatus() == Booking.Status.BOOKED && !started && !slot.isCancelled(), canReflect, reflection, b.isCompleted(),
                    b.getHostNote(), b.getHostRating(), b.getVersion());
        }).toList();
    }

    List<IdeaView> ideas(List<Idea> ideas) {
        Map<Long, String> raisers = people.displayNames(ideas.stream().map(Idea::getRaisedBy).toList());
        Map<Long, String> departments = people.departmentNames();
        return ideas.stream().map(i -> new IdeaView(i.getId(), i.getTitle(), i.getDescription(), i.getDepartmentId(),
                departments.getOrDefault(i.getDepartmentId(), ""), i.getStatus(), i.getAnswer(), raisers.get(i.getRaisedBy()),
                i.getCreatedAt(), i.getDecidedAt(), i.getVersion(), i.getReflectionId())).toList();
    }

    SlotView slot(Slot slot, PersonSummary host) {
        return new SlotView(slot.getId(), slot.getHostId(), host.displayName(), host.jobRole() == null ? "" : host.jobRole(),
                slot.getStartsAt(), slot.endsAt(), slot.getMinutes(), slot.getPlace(), slot.getCapacity(), slot.getSeatsLeft(), slot.isCancelled());
    }

    /** The current guides by code. */
    Map<String, Definitions.Guide> guides() {
        Map<String, Definitions.Guide> guides = new LinkedHashMap<>();
        for (Published<Definitions.Guide> guide : catalog.guides()) {
            guides.put(guide.code(), guide.definition());
        }
        return guides;
    }
}
