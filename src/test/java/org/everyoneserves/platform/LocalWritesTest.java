package org.everyoneserves.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LocalWritesTest {

    @Test
    void queriesAreNotWritesAndEverythingElseIs() {
        assertFalse(LocalWrites.writes("select p1_0.id from person p1_0 where p1_0.id=?"));
        assertFalse(LocalWrites.writes("  SELECT 1"));
        assertFalse(LocalWrites.writes("(select a from x) union (select a from y)"));
        assertFalse(LocalWrites.writes("with recursive t as (select 1) select * from t"));
        assertTrue(LocalWrites.writes("insert into assignment (id) values (?)"));
        assertTrue(LocalWrites.writes("update change_stamp set me = me + 1"));
        assertTrue(LocalWrites.writes(" delete from api_token where session_id = ?"));
        assertTrue(LocalWrites.writes("call something()"));
    }
}
