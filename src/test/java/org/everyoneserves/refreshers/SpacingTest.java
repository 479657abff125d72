package org.everyoneserves.refreshers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpacingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    record Item(String name, Card card) {
    }

    static Card due(LocalDate dueOn, int lapses) {
        return new Card(dueOn, 3, Spacing.START_EASE, 1, lapses, 0, false);
    }

    static Card retired(LocalDate dueOn) {
        return new Card(dueOn, 160, 290, 4, 0, 5, true);
    }

    static List<String> names(List<Item> items) {
        return items.stream().map(Item::name).toList();
    }

    static List<String> daily(List<Item> items, int size) {
        return names(Spacing.dailySet(items, Item::card, TODAY, size));
    }

    @Test
    void meetingRightComesBackInThreeDays() {
        assertEquals(new Card(LocalDate.of(2026, 12, 10), 3, 250, 0, 0, 1, false), Spacing.met(true, TODAY));
    }

    @Test
    void meetingWrongComesBackTomorrowAsALapse() {
        assertEquals(new Card(LocalDate.of(2026, 12, 8), 1, 250, 0, 1, 0, false), Spacing.met(false, TODAY));
    }

    @Test
    void alwaysRightSpacesOutThenRetires() {
        Card card = Spacing.met(true, TODAY);
        List<Integer> intervals = new ArrayList<>(List.of(card.intervalDays()));
        List<Integer> eases = new ArrayList<>(List.of(card.easePercent()));
        List<Boolean> retired = new ArrayList<>(List.of(card.retired()));
        while (!card.retired()) {
            card = Spacing.review(card, true, card.dueOn());
            intervals.add(card.intervalDays());
            eases.add(card.easePercent());
            retired.add(card.retired());
        }
        assertEquals(List.of(3, 8, 21, 57, 160), intervals);
        assertEquals(List.of(250, 260, 270, 280, 290), eases);
        assertEquals(List.of(false, false, false, false, true), retired);
        assertEquals(new Card(LocalDate.of(2027, 8, 13), 160, 290, 4, 0, 5, true), card);
    }

    @Test
    void rightAnswerAtStartingEaseMultipliesByTwoAndAHalf() {
        assertEquals(3, Spacing.review(new Card(TODAY, 1, 250, 1, 1, 0, false), true, TODAY).intervalDays());
        assertEquals(8, Spacing.review(new Card(TODAY, 3, 250, 1, 0, 1, false), true, TODAY).intervalDays());
        assertEquals(20, Spacing.review(new Card(TODAY, 8, 250, 2, 0, 2, false), true, TODAY).intervalDays());
        assertEquals(50, Spacing.review(new Card(TODAY, 20, 250, 3, 0, 0, false), true, TODAY).intervalDays());
    }

    @Test
    void rightAnswerAlwaysGrowsTheIntervalByAtLeastADay() {
        Card card = Spacing.review(new Card(TODAY, 1, Spacing.MIN_EASE, 3, 3, 0, false), true, TODAY);
        assertEquals(new Card(LocalDate.of(2026, 12, 9), 2, 140, 4, 3, 1, false), card);
    }

    @Test
    void easeNeverRisesAboveTheMaximum() {
        Card card = Spacing.review(new Card(TODAY, 4, 300, 5, 0, 1, false), true, TODAY);
        assertEquals(new Card(LocalDate.of(2026, 12, 19), 12, 300, 6, 0, 2, false), card);
    }

    @Test
    void wrongAnswerComesBackTomorrowAndLowersEase() {
        Card card = Spacing.review(new Card(TODAY, 21, 270, 3, 0, 3, false), false, TODAY);
        assertEquals(new Card(LocalDate.of(2026, 12, 8), 1, 250, 4, 1, 0, false), card);
    }

    @Test
    void easeHasAFloor() {
        Card card = new Card(TODAY, 1, 140, 9, 8, 0, false);
        card = Spacing.review(card, false, TODAY);
        assertEquals(130, card.easePercent());
        card = Spacing.review(card, false, card.dueOn());
        assertEquals(new Card(LocalDate.of(2026, 12, 9), 1, 130, 11, 10, 0, false), card);
    }

    @Test
    void reviewIsScheduledFromTodayNotFromTheDueDate() {
        Card overdue = new Card(LocalDate.of(2026, 11, 27), 8, 250, 2, 0, 2, false);
        assertEquals(LocalDate.of(2026, 12, 27), Spacing.review(overdue, true, TODAY).dueOn());
        Card early = new Card(LocalDate.of(2026, 12, 20), 8, 250, 2, 0, 2, false);
        assertEquals(LocalDate.of(2026, 12, 27), Spacing.review(early, true, TODAY).dueOn());
        assertEquals(LocalDate.of(2026, 12, 8), Spacing.review(early, false, TODAY).dueOn());
    }

    @Test
    void longIntervalDoesNotRetireBeforeThreeRightInARow() {
        Card relearned = new Card(TODAY, 30, 250, 5, 1, 1, false);
        Card second = Spacing.review(relearned, true, TODAY);
        assertEquals(new Card(LocalDate.of(2027, 2, 20), 75, 260, 6, 1, 2, false), second);
        Card third = Spacing.review(second, true, second.dueOn());
        assertEquals(195, third.intervalDays());
        assertEquals(3, third.streak());
        assertTrue(third.retired());
    }

    @Test
    void shortIntervalDoesNotRetireEvenWithALongStreak() {
        Card card = Spacing.review(new Card(TODAY, 21, 270, 9, 0, 9, false), true, TODAY);
        assertEquals(57, card.intervalDays());
        assertFalse(card.retired());
    }

    @Test
    void retiresExactlyAtSixtyDays() {
        Card card = Spacing.review(new Card(TODAY, 24, 250, 4, 0, 2, false), true, TODAY);
        assertEquals(60, card.intervalDays());
        assertTrue(card.retired());
    }

    @Test
    void reviewingARetiredCardThrows() {
        assertThrows(IllegalStateException.class, () -> Spacing.review(retired(TODAY), true, TODAY));
        assertThrows(IllegalStateException.class, () -> Spacing.review(retired(TODAY), false, TODAY));
    }

    @Test
    void dueOnOrBeforeTodayAndNotRetired() {
        assertTrue(Spacing.isDue(due(TODAY, 0), TODAY));
        assertTrue(Spacing.isDue(due(TODAY.minusDays(5), 0), TODAY));
        assertFalse(Spacing.isDue(due(TODAY.plusDays(1), 0), TODAY));
        assertFalse(Spacing.isDue(retired(TODAY.minusDays(5)), TODAY));
    }

    @Test
    void dailySetPutsMostOverdueFirstThenMostLapsesThenInputOrder() {
        List<Item> items = List.of(
                new Item("today", due(TODAY, 0)),
                new Item("week-late", due(TODAY.minusDays(7), 0)),
                new Item("two-late-a", due(TODAY.minusDays(2), 0)),
                new Item("two-late-lapsed", due(TODAY.minusDays(2), 3)),
                new Item("two-late-b", due(TODAY.minusDays(2), 0)));
        assertEquals(List.of("week-late", "two-late-lapsed", "two-late-a", "two-late-b", "today"), daily(items, 5));
    }

    @Test
    void dailySetIsCappedAtTheSize() {
        List<Item> items = List.of(
                new Item("a", due(TODAY, 0)),
                new Item("b", due(TODAY.minusDays(1), 0)),
                new Item("c", due(TODAY.minusDays(2), 0)),
                new Item("d", due(TODAY.minusDays(3), 0)),
                new Item("e", due(TODAY.minusDays(4), 0)),
                new Item("f", due(TODAY.minusDays(5), 0)));
        assertEquals(List.of("f", "e", "d"), daily(items, 3));
        assertEquals(List.of("f", "e", "d", "c"), daily(items, 4));
        assertEquals(List.of("f", "e", "d", "c", "b"), daily(items, 5));
    }

    @Test
    void dailySetTopsUpToThreeWithTheClosestNotYetDue() {
        List<Item> items = List.of(
                new Item("far", due(TODAY.plusDays(30), 0)),
                new Item("soon", due(TODAY.plusDays(2), 0)),
                new Item("due", due(TODAY, 0)),
                new Item("tomorrow", due(TODAY.plusDays(1), 0)),
                new Item("retired-past", retired(TODAY.minusDays(3))),
                new Item("retired-tomorrow", retired(TODAY.plusDays(1))));
        assertEquals(List.of("due", "tomorrow", "soon"), daily(items, 5));
    }

    @Test
    void dailySetTopsUpFromNothingDue() {
        List<Item> items = List.of(
                new Item("c", due(TODAY.plusDays(9), 0)),
                new Item("a", due(TODAY.plusDays(1), 0)),
                new Item("b", due(TODAY.plusDays(4), 0)),
                new Item("d", due(TODAY.plusDays(20), 0)));
        assertEquals(List.of("a", "b", "c"), daily(items, 5));
    }

    @Test
    void dailySetIsShortWhenLittleIsLeft() {
        List<Item> items = List.of(
                new Item("retired", retired(TODAY)),
                new Item("later", due(TODAY.plusDays(10), 0)));
        assertEquals(List.of("later"), daily(items, 3));
        assertEquals(List.of(), daily(List.of(new Item("retired", retired(TODAY))), 3));
        assertEquals(List.of(), daily(List.of(), 3));
    }

    @Test
    void dailySetNeverIncludesRetired() {
        List<Item> items = List.of(
                new Item("retired-old", retired(TODAY.minusDays(100))),
                new Item("due", due(TODAY, 0)),
                new Item("retired-today", retired(TODAY)));
        assertEquals(List.of("due"), daily(items, 5));
    }

    @Test
    void dailySetSizeMustBeThreeToFive() {
        List<Item> items = List.of(new Item("due", due(TODAY, 0)));
        assertThrows(IllegalArgumentException.class, () -> Spacing.dailySet(items, Item::card, TODAY, 2));
        assertThrows(IllegalArgumentException.class, () -> Spacing.dailySet(items, Item::card, TODAY, 6));
        assertThrows(IllegalArgumentException.class, () -> Spacing.dailySet(items, Item::card, TODAY, 0));
        assertEquals(List.of("due"), daily(items, Spacing.MIN_DAILY));
        assertEquals(List.of("due"), daily(items, Spacing.MAX_DAILY));
    }
}
