package org.everyoneserves.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.everyoneserves.platform.BusinessException;
import org.junit.jupiter.api.Test;

class TeamQueryTest {

    /** page * size would overflow an int and reach the database as a negative offset: refused as invalid instead. */
    @Test
    void aPageNumberThatWouldOverflowIsInvalid() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> new TeamQuery(TeamQuery.Status.ALL, null, null, TeamQuery.Sort.NAME, 50_000_000, TeamQuery.MAX_SIZE));
        assertEquals("error.pageOutOfRange", e.code());
        TeamQuery last = new TeamQuery(TeamQuery.Status.ALL, null, null, TeamQuery.Sort.NAME, TeamQuery.MAX_PAGE, TeamQuery.MAX_SIZE);
        assertEquals(200_000_000L, (long) last.page() * last.size(), "the largest page still fits");
    }
}
