package org.everyoneserves.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumSet;
import java.util.List;
import org.everyoneserves.progress.ItemStatistics.Flag;
import org.junit.jupiter.api.Test;

/** Facility, point-biserial discrimination and flags against figures worked out by hand. */
class ItemStatisticsTest {

    /**
     * Six attempts at a quiz of three questions A, B, C (1 right, 0 wrong):
     * <pre>
     * attempt  A B C
     *   1      1 1 1
     *   2      1 1 0
     *   3      0 0 1
     *   4      1 1 1
     *   5      0 0 0
     *   6      1 0 0
     * </pre>
     */
    static final int[][] ATTEMPTS = {{1, 1, 1}, {1, 1, 0}, {0, 0, 1}, {1, 1, 1}, {0, 0, 0}, {1, 0, 0}};

    static ItemStatistics question(int column) {
        ItemStatistics s = ItemStatistics.NONE;
        for (int[] attempt : ATTEMPTS) {
            int total = attempt[0] + attempt[1] + attempt[2];
            s = s.plus(true, attempt[column] == 1, total - attempt[column]);
        }
        return s;
    }

    @Test
    void questionA() {
        // x = 1 1 0 1 0 1, rest y = B + C = 2 1 1 2 0 0
        // n = 6, Σx = 4, Σy = 6, Σy² = 4+1+1+4+0+0 = 10, Σxy = 2+1+0+2+0+0 = 5
        // facility = 4/6 = 0.6667
        // r = (6·5 − 4·6) / √((6·4 − 4²)(6·10 − 6²)) = 6 / √(8·24) = 6 / 13.8564 = 0.4330
        // check by the textbook form: mean y of the right 1.25, of the wrong 0.5, sd y = √(10/6 − 1) = 0.8165,
        // r = (1.25 − 0.5) / 0.8165 · √(4/6 · 2/6) = 0.9186 · 0.4714 = 0.4330
        ItemStatistics a = question(0);
        assertEquals(new ItemStatistics(6, 6, 4, 6, 10, 5), a);
        assertEquals(0.6667, a.facility(), 0.0001);
        assertEquals(0.4330, a.discrimination(), 0.0001);
        assertEquals(EnumSet.noneOf(Flag.class), a.flags(List.of(1L, 1L)));
    }

    @Test
    void questionB() {
        // x = 1 1 0 1 0 0, rest y = A + C = 2 1 1 2 0 1
        // Σx = 3, Σy = 7, Σy² = 4+1+1+4+0+1 = 11, Σxy = 2+1+0+2+0+0 = 5
        // r = (30 − 21) / √((18 − 9)(66 − 49)) = 9 / √153 = 9 / 12.3693 = 0.7276
        ItemStatistics b = question(1);
        assertEquals(0.5, b.facility(), 0.0001);
        assertEquals(0.7276, b.discrimination(), 0.0001);
    }

    @Test
    void questionC() {
        // x = 1 0 1 1 0 0, rest y = A + B = 2 2 0 2 0 1
        // Σx = 3, Σy = 7, Σy² = 4+4+0+4+0+1 = 13, Σxy = 2+0+0+2+0+0 = 4
        // r = (24 − 21) / √((18 − 9)(78 − 49)) = 3 / √261 = 3 / 16.1555 = 0.1857
        ItemStatistics c = question(2);
        assertEquals(0.1857, c.discrimination(), 0.0001);
    }

    @Test
    void aQuestionTheStrongMissIsFlaggedNegative() {
        // (x, y) = (1,0) (1,0) (0,2) (0,1) (1,1)
        // Σx = 3, Σy = 4, Σy² = 0+0+4+1+1 = 6, Σxy = 0+0+0+0+1 = 1
        // r = (5·1 − 3·4) / √((15 − 9)(30 − 16)) = −7 / √84 = −7 / 9.1652 = −0.7638; facility 3/5 = 0.6
        ItemStatistics s = ItemStatistics.NONE.plus(true, true, 0).plus(true, true, 0).plus(true, false, 2).plus(true, false, 1)
                .plus(true, true, 1);
        assertEquals(-0.7638, s.discrimination(), 0.0001);
        assertEquals(EnumSet.of(Flag.NEGATIVE_DISCRIMINATION), s.flags(List.of(1L, 1L)));
    }

    @Test
    void easyHardAndUnusedDistractorsAtTheirThresholds() {
        ItemStatistics nineOfTen = repeat(9, true).plus(true, false, 0);
        // 9/10 = 0.90 is not above 0.90
        assertEquals(EnumSet.noneOf(Flag.class), nineOfTen.flags(List.of(1L)));
        ItemStatistics allTen = repeat(10, true);
        // everybody right: too easy, and no discrimination at all (no spread in x)
        assertNull(allTen.discrimination());
        assertEquals(EnumSet.of(Flag.TOO_EASY, Flag.UNUSED_DISTRACTOR), allTen.flags(List.of(0L, 0L)));
        // 1 of 5 right = 0.20, below 0.30; one wrong choice picked 4 times, the other never
        ItemStatistics oneOfFive = repeat(4, false).plus(true, true, 0);
        assertEquals(EnumSet.of(Flag.TOO_HARD, Flag.UNUSED_DISTRACTOR), oneOfFive.flags(List.of(4L, 0L)));
        // below five attempts nothing is flagged, however it looks
        assertEquals(EnumSet.noneOf(Flag.class), repeat(4, false).flags(List.of(0L)));
    }

    @Test
    void aSkippedQuestionIsShownAndWrongButNotAnswered() {
        ItemStatistics s = ItemStatistics.NONE.plus(false, false, 2).plus(true, true, 1);
        assertEquals(new ItemStatistics(2, 1, 1, 3, 5, 1), s);
        assertNull(ItemStatistics.NONE.facility());
    }

    private static ItemStatistics repeat(int times, boolean right) {
        ItemStatistics s = ItemStatistics.NONE;
        for (int i = 0; i < times; i++) {
            s = s.plus(true, right, 0);
        }
        return s;
    }
}
