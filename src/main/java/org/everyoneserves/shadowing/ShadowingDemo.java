package org.everyoneserves.shadowing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.everyoneserves.assignments.Assignment;
import org.everyoneserves.assignments.Completion;
import org.everyoneserves.assignments.ItemCompleted;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Published;
import org.everyoneserves.platform.Caller;

/**
 * The demo company's shadowing programme: support agents and other frontline hosts with times in the coming weeks,
 * two engineers booked, and four past sessions whose reflections raised ideas that the owning departments have
 * answered (or not yet). Part of the demo organisation; never run against a real one.
 */
@ApplicationScoped
@Transactional
public class ShadowingDemo {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Catalog catalog;

    @Inject
    ShadowingService shadowing;

    @Inject
    Event<ItemCompleted> completed;

    record Session(String shadow, String host, String guide, int daysAgo, int rating, String note, List<String> answers, String takeaway,
                   EnumSet<Friction> frictions, Idea idea) {
    }

    record Idea(String department, String title, String description, org.everyoneserves.shadowing.Idea.Status status, String answeredBy,
                String answer) {
    }

    /** @param people demo people by first name; @param departments department ids by code */
    public void seed(Map<String, Long> people, Map<String, Long> departments) {
        LocalDate today = LocalDate.now(clock);
        publish(people.get("Mateo"), today.plusDays(2), LocalTime.of(9, 30), 120, "Support desk, 2nd floor (phones and chat)", 2);
        publish(people.get("Mateo"), today.plusDays(9), LocalTime.of(13, 0), 120, "Support desk, 2nd floor (phones and chat)", 2);
        publish(people.get("Lukas"), today.plusDays(4), LocalTime.of(10, 0), 180, "Support desk, 2nd floor, seat 14", 1);
        publish(people.get("Aisha"), today.plusDays(6), LocalTime.of(14, 0), 120, "Video call: support queue screen share", 3);
        publish(people.get("Olivia"), today.plusDays(5), LocalTime.of(9, 0), 180, "Sales floor, customer calls", 1);
        publish(people.get("Carlos"), today.plusDays(8), LocalTime.of(8, 0), 180, "Dispatch room, ground floor", 2);
        publish(people.get("Jessica"), today.plusDays(3), LocalTime.of(8, 30), 180, "Reception desk, main entrance", 1);
        long mateosFirst = em.createQuery("select s.id from Slot s where s.hostId = :h order by s.startsAt", Long.class)
                .setParameter("h", people.get("Mateo")).setMaxResults(1).getSingleResult();
        shadowing.book(new Caller(people.get("Ben"), false, false), "shadowing-engineering", mateosFirst);
        shadowing.book(new Caller(people.get("Zoe"), false, false), "shadowing-engineering", mateosFirst);

        for (Session s : List.of(
                new Session("Jakob", "Mateo", "shadowing-engineering", 40, 5, "Jakob listened in on twelve calls and asked sharp questions about the payment errors.",
                        List.of("Mateo reads the customer's history before saying a word, so nobody has to repeat themselves. He does it because the last three contacts are often about the same fault.",
                                "Two callers quoted error code 4012 at him. He had to guess what it meant and promised a call-back instead of an answer.",
                                "If our error messages said what happened and what to do next, Mateo could answer on the first call.",
                                "A short outage note sent to support before the first customer rings."),
                        "I will write error messages with the next step in them, and send support a note whenever we deploy a risky change.",
                        EnumSet.of(Friction.JARGON, Friction.REPEAT_CONTACT, Friction.HANDOFF),
                        new Idea("engineering", "Error messages that tell the customer what to do next",
                                "Customers read codes like 4012 to the support desk. Each payment error should say what happened and the next step, in plain words.",
                                org.everyoneserves.shadowing.Idea.Status.IN_PROGRESS, "Mei",
                                "We are rewriting the ten most frequent payment errors this sprint; support reviews the wording.")),
                new Session("Fatima", "Lukas", "shadowing-finance", 20, 4, "Fatima took notes on every billing question.",
                        List.of("Lukas answers billing questions from what he can see in the support tool, which is only the last invoice.",
                                "He could settle disputes faster if he saw the collections notes too.",
                                "Show support the open collections case, and show collections the open support case.",
                                "Tell support before a reminder letter goes out to a customer with an open complaint."),
                        "I will check for open support cases before I phone a customer about an overdue invoice.",
                        EnumSet.of(Friction.MISSING_INFORMATION, Friction.HANDOFF),
                        new Idea("finance", "Show open support cases on the collections screen",
                                "Twice this week a customer with an open complaint got a reminder letter. Collections cannot see support cases.",
                                org.everyoneserves.shadowing.Idea.Status.NEW, null, null)),
                new Session("Isabel", "Aisha", "shadowing-sales", 70, 5, "Isabel stayed for the whole afternoon queue.",
                        List.of("Aisha explains what the product does today, kindly but without hedging.",
                                "Several customers had been told in the sales call that a feature was coming soon.",
                                "Give support a list of what sales has promised to each new customer.",
                                "Support could send sales the questions new customers ask in their first month."),
                        "I will write down every promise in the handover note to onboarding and support.",
                        EnumSet.of(Friction.PROMISES, Friction.HANDOFF),
                        new Idea("customer-support", "A monthly list of questions new customers ask",
                                "Sales would pitch more honestly if we heard what new customers ask support in their first month.",
                                org.everyoneserves.shadowing.Idea.Status.ACCEPTED, "Daniel",
                                "Ruth will send the first list at the start of next month.")),
                new Session("Lina", "Mateo", "shadowing-marketing", 100, 4, null,
                        List.of("Mateo rewrites our campaign wording into plain answers for callers.",
                                "Customers called about a discount code that had expired the day before the e-mail arrived.",
                                "Ask support to read campaign e-mails before they go out.",
                                "Send support the campaign calendar a week ahead."),
                        "I will send every campaign to the support desk a week before it goes out.",
                        EnumSet.of(Friction.PROMISES, Friction.WAITING),
                        new Idea("marketing", "Send discount codes with a week's grace period",
                                "Codes that expire the day after the e-mail lands make customers angry at the support desk.",
                                org.everyoneserves.shadowing.Idea.Status.DECLINED, "Grace",
                                "Our payment provider cannot extend codes; instead every e-mail now shows the expiry date in the subject.")))) {
            pastSession(s, people, departments);
        }
    }

    private void publish(long host, LocalDate day, LocalTime time, int minutes, String place, int capacity) {
        em.persist(new Slot(host, day.atTime(time).atZone(clock.getZone()).toInstant(), minutes, place, capacity, clock.instant()));
    }

    private void pastSession(Session s, Map<String, Long> people, Map<String, Long> departments) {
        Instant startsAt = LocalDate.now(clock).minusDays(s.daysAgo()).atTime(9, 30).atZone(clock.getZone()).toInstant();
        Instant published = startsAt.minus(Duration.ofDays(14));
        long shadow = people.get(s.shadow());
        long host = people.get(s.host());
        Published<Definitions.Guide> version = catalog.getGuide(s.guide());
        Definitions.Guide guide = version.definition();
        Slot slot = new Slot(host, startsAt, 120, "Support desk, 2nd floor", 1, published);
        em.persist(slot);
        em.flush();
        em.createNativeQuery("update shadowing_slot set booked = 1 where id = ?1").setParameter(1, slot.getId()).executeUpdate();
        Booking booking = new Booking(slot.getId(), shadow, s.guide(), version.versionId(), published.plus(Duration.ofDays(1)));
        em.persist(booking);
        Instant after = startsAt.plus(Duration.ofHours(3));
        booking.confirm(true, s.note(), s.rating(), host, after);
        em.flush();
        Reflection reflection = new Reflection(booking.getId(), shadow, guide.questions(), s.answers(), s.takeaway(), true, s.frictions(), after);
        em.persist(reflection);
        em.flush();
        org.everyoneserves.shadowing.Idea idea = new org.everyoneserves.shadowing.Idea(shadow, departments.get(s.idea().department()),
                reflection.getId(), s.idea().title(), s.idea().description(), after);
        em.persist(idea);
        if (s.idea().status() != org.everyoneserves.shadowing.Idea.Status.NEW) {
            idea.decide(s.idea().status(), s.idea().answer(), people.get(s.idea().answeredBy()), after.plus(Duration.ofDays(3)));
        }
        booking.complete(after);
        completed.fire(new ItemCompleted(shadow, Assignment.Kind.GUIDE, s.guide(), version.versionId(), Completion.How.SHADOWED, null));
    }
}
