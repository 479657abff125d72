package org.everyoneserves.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChangeStampsTest {

    @Test
    void aTagChangesWithTheStampAndWithEverythingElseTheAnswerDependsOn() {
        String tag = ChangeStamps.value("plan", 42, "7.1", "2026-12-01", 5);
        assertEquals(tag, ChangeStamps.value("plan", 42, "7.1", "2026-12-01", 5));
        assertNotEquals(tag, ChangeStamps.value("plan", 42, "8.1", "2026-12-01", 5), "the person's rows changed");
        assertNotEquals(tag, ChangeStamps.value("plan", 42, "7.2", "2026-12-01", 5), "a change for everyone");
        assertNotEquals(tag, ChangeStamps.value("plan", 42, "7.1", "2026-12-02", 5), "a new day");
        assertNotEquals(tag, ChangeStamps.value("plan", 42, "7.1", "2026-12-01", 6), "another catalog generation");
        assertNotEquals(tag, ChangeStamps.value("plan", 43, "7.1", "2026-12-01", 5), "another person");
        assertNotEquals(tag, ChangeStamps.value("me", 42, "7.1", "2026-12-01", 5), "another read");
        assertFalse(ChangeStamps.value("notifications", 1, "0.0", "a\"b").contains("\""), "no quote inside a tag");
    }

    @Test
    void stampsPairEachPersonCounterWithEveryones() {
        Object[] row = {"x", 3L, 4L, 5L, 6L, 1L, 0L, 0L, 2L, 8L};
        assertEquals(new ChangeStamps.Stamps(9, "3.1", "4.0", "5.0", "6.2", "8.1"), ChangeStamps.Stamps.of(9, row, 1),
                "bookings go with everyone's me: their hosts' job role names");
    }

    @Test
    void aPersonWithoutAStampRowNeverGetsTheSameTagTwice() {
        Object[] none = {null, null, null, null, 1, 0, 0, 0, null};
        ChangeStamps.Stamps first = ChangeStamps.Stamps.of(9, none, 0);
        ChangeStamps.Stamps second = ChangeStamps.Stamps.of(9, none, 0);
        assertNotEquals(first.plan(), second.plan(), "nothing counts their changes: every read is computed");
        assertTrue(first.me().startsWith("0.1-u"), first.me());
    }

    @Test
    void ifNoneMatchNamesTheTagAlsoWeakOrInAList() {
        String tag = ChangeStamps.value("me", 1, "2.0");
        assertTrue(EtagFilter.matches("\"" + tag + "\"", tag));
        assertTrue(EtagFilter.matches("W/\"" + tag + "\"", tag));
        assertTrue(EtagFilter.matches("\"other\", \"" + tag + "\"", tag));
        assertFalse(EtagFilter.matches("\"me-1-2.0\"", tag), "a tag without the format is another tag");
    }
}
