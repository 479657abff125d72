package org.everyoneserves.refreshers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The spaced-repetition rules behind the daily refreshers: a small variant of SM-2 that brings an item back just
 * before a person would forget it, sooner after a mistake and later each time they get it right.
 *
 * <p><b>Meeting an item.</b> The first time a person meets an item, in a quiz or by reading the module that
 * teaches it, it gets a card with ease {@link #START_EASE} (2.5) and no reviews, because the first meeting is not
 * a scheduled review. If they answered it right (reading a module counts as right) it is due in
 * {@link #FIRST_RIGHT_DAYS} days with an interval of 3 and a streak of 1. If they answered it wrong it is due
 * tomorrow with an interval of 1, a streak of 0 and one lapse.
 *
 * <p><b>Reviewing.</b> Every review counts once in {@code reviews} and is scheduled from the day it happens, not
 * from the day it was due, so an overdue or early review is treated like any other.
 * <ul>
 * <li>A right answer multiplies the interval by the current ease, rounding half up, but always grows it by at
 * least one day: {@code next = max(interval + 1, round(interval * ease / 100))}. At the starting ease this gives
 * 1 &rarr; 3 &rarr; 8 &rarr; 20 &rarr; 50 days. The ease used is the one before the answer; afterwards it rises
 * by 10 up to {@link #MAX_EASE} (3.0), so items a person keeps knowing drift further apart, but never so fast
 * that one lucky streak buries them. The streak grows by one and the card is due {@code next} days after
 * today.</li>
 * <li>A wrong answer brings the item back tomorrow with an interval of 1, resets the streak to 0, adds a lapse
 * and lowers the ease by 20, never below {@link #MIN_EASE} (1.3), so items a person keeps missing come back
 * more often from then on, without ever collapsing into daily repetition forever.</li>
 * </ul>
 *
 * <p><b>Mastery.</b> When a right answer pushes the interval to {@link #MASTERED_DAYS} (60) days or more and the
 * streak is at least 3, the item is mastered: the card is retired and never comes back. Requiring three right
 * answers in a row keeps one long interval inherited from before a lapse from retiring an item the person has
 * only just relearned. Reviewing a retired card is a programming error.
 *
 * <p><b>Today's set.</b> A person gets between {@link #MIN_DAILY} and {@link #MAX_DAILY} items a day, chosen by
 * {@link #dailySet}: due items first, the most overdue first, then the ones missed most often, then in the
 * order given. If fewer than {@link #MIN_DAILY} items are due, the set is topped up with items that are not due
 * yet, closest to their due date first, so a refresher is never empty while there is anything left to review.
 * Retired items are never chosen.
 */
public final class Spacing {

    public static final int MIN_EASE = 130;
    public static final int START_EASE = 250;
    public static final int MAX_EASE = 300;
    public static final int EASE_UP = 10;
    public static final int EASE_DOWN = 20;
    public static final int FIRST_RIGHT_DAYS = 3;
    public static final int MASTERED_DAYS = 60;
    public static final int MASTERED_STREAK = 3;
    public static final int MIN_DAILY = 3;
    public static final int MAX_DAILY = 5;

    private Spacing() {
    }

    public static Card met(boolean answeredRight, LocalDate today) {
        Objects.requireNonNull(today, "today");
        return answeredRight
                ? new Card(today.plusDays(FIRST_RIGHT_DAYS), FIRST_RIGHT_DAYS, START_EASE, 0, 0, 1, false)
                : new Card(today.plusDays(1), 1, START_EASE, 0, 1, 0, false);
    }

    public static Card review(Card card, boolean right, LocalDate today) {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(today, "today");
        if (card.retired()) {
            throw new IllegalStateException("a retired card is never reviewed");
        }
        if (!right) {
            return new Card(today.plusDays(1), 1, Math.max(MIN_EASE, card.easePercent() - EASE_DOWN),
                    card.reviews() + 1, card.lapses() + 1, 0, false);
        }
        int interval = Math.max(card.intervalDays() + 1, (card.intervalDays() * card.easePercent() + 50) / 100);
        int streak = card.streak() + 1;
        boolean mastered = interval >= MASTERED_DAYS && streak >= MASTERED_STREAK;
        return new Card(today.plusDays(interval), interval, Math.min(MAX_EASE, card.easePercent() + EASE_UP),
                card.reviews() + 1, card.lapses(), streak, mastered);
    }

    public static boolean isDue(Card card, LocalDate today) {
        return !card.retired() && !card.dueOn().isAfter(today);
    }

    public static <T> List<T> dailySet(List<T> candidates, Function<T, Card> card, LocalDate today, int size) {
        if (size < MIN_DAILY || size > MAX_DAILY) {
            throw new IllegalArgumentException("a daily set has " + MIN_DAILY + " to " + MAX_DAILY + " items: " + size);
        }
        Objects.requireNonNull(today, "today");
        List<Ranked<T>> due = new ArrayList<>();
        List<Ranked<T>> early = new ArrayList<>();
        for (T candidate : candidates) {
            Card c = Objects.requireNonNull(card.apply(candidate), "card");
            if (c.retired()) {
                continue;
            }
            (isDue(c, today) ? due : early).add(new Ranked<>(candidate, c));
        }
        Comparator<Ranked<T>> order = Comparator.<Ranked<T>, LocalDate>comparing(r -> r.card().dueOn())
                .thenComparing(Comparator.comparingInt((Ranked<T> r) -> r.card().lapses()).reversed());
        due.sort(order);
        early.sort(order);
        List<T> set = new ArrayList<>(size);
        for (Ranked<T> r : due) {
            if (set.size() == size) {
                break;
            }
            set.add(r.item());
        }
        for (Ranked<T> r : early) {
            if (set.size() >= MIN_DAILY) {
                break;
            }
            set.add(r.item());
        }
        return List.copyOf(set);
    }

    private record Ranked<T>(T item, Card card) {
    }
}
