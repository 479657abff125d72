package org.everyoneserves.progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The people a team's stamp is kept with: all of them, or the stamp is not kept. */
class TeamStampPeopleTest {

    @Test
    void theWholeListIsKept() {
        assertArrayEquals(new long[] {2, 5, 345}, ProgressService.ids("2,5,345", 3, 352));
    }

    @Test
    void aListCutShortByTheDatabaseIsNot() {
        assertNull(ProgressService.ids("2,5,34", 3, 352), "the last id cut (group_concat_max_len)");
        assertNull(ProgressService.ids("2,5", 3, 352), "an id missing");
    }

    @Test
    void noListNoPeople() {
        assertNull(ProgressService.ids(null, 5_001, 12_345_678));
    }
}
