package org.everyoneserves.shadowing;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Titles;
import org.everyoneserves.notifications.Notification;
import org.everyoneserves.notifications.NotificationService;
import org.everyoneserves.people.PersonService;

/** What the shadow is told about their session: the day before, and when the host calls it off. */
@Dependent
class SessionReminders {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Catalog catalog;

    @Inject
    PersonService people;

    @Inject
    NotificationService notifications;

    /** A notification to the shadow about their session, in their language. */
    void tell(Booking booking, Slot slot, Notification.Kind kind, String key, String title, String host) {
        var shadow = notifications.recipient(booking.getPersonId());
        if (shadow.isEmpty()) {
            return;
        }
        String locale = shadow.get().locale();
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(locale == null ? "en" : locale)).withZone(clock.getZone()).format(slot.getStartsAt());
        notifications.notify(booking.getPersonId(), kind, key,
                NotificationService.text(locale, "reminder." + kind + ".subject", title, when),
                NotificationService.text(locale, "reminder." + kind + ".body", shadow.get().name(), title, when, host, slot.getPlace()),
                "/learner/shadowing.xhtml?id=" + booking.getGuideCode(), null);
    }

    /** The day before a booked session: a reminder to the shadow, once per booking and slot (a move reminds again). */
    void remindTomorrow(Instant now) {
        List<Object[]> rows = em.createQuery("select b, s from Booking b, Slot s where s.id = b.slotId and b.status = :booked"
                        + " and s.cancelledAt is null and s.startsAt > :now and s.startsAt <= :tomorrow", Object[].class)
                .setParameter("booked", Booking.Status.BOOKED).setParameter("now", now)
                .setParameter("tomorrow", now.plus(Duration.ofDays(1))).getResultList();
        Titles titles = catalog.titles();
        Map<Long, String> hosts = people.displayNames(rows.stream().map(row -> ((Slot) row[1]).getHostId()).toList());
        for (Object[] row : rows) {
            Booking b = (Booking) row[0];
            Slot slot = (Slot) row[1];
            tell(b, slot, Notification.Kind.SESSION_TOMORROW, "session:" + b.getId() + ":" + slot.getId(),
                    titles.guide(b.getGuideCode()), hosts.get(slot.getHostId()));
        }
    }
}
