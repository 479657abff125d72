package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.everyoneserves.platform.AppConfig;
import org.everyoneserves.platform.FlywayIntegrator;
import org.everyoneserves.platform.KeptByPeople;
import org.everyoneserves.platform.LocalWrites;
import org.everyoneserves.testing.ScratchDatabase;
import org.junit.jupiter.api.Test;

/**
 * What a server keeps from the change stamps ({@link KeptByPeople}: a manager's team stamp), polled on a database of
 * the test's own: a value stays kept while its people are unchanged, however many people there are, and goes at the
 * first poll after one of them changes, whoever changed them.
 */
class AccessCacheIT {

    @Test
    void aValueStaysKeptWhileItsPeopleAreUnchangedAndGoesWhenOneOfThemChanges() throws SQLException {
        try (ScratchDatabase database = ScratchDatabase.create("stamps")) {
            FlywayIntegrator.migrate(database.dataSource());
            // More people than one poll may read, all changed long ago (the trigger that dates a new row is dropped, in
            // this database only): a poll reads only the rows changed since its horizon, none of these.
            database.execute("drop trigger change_stamp_inserted");
            database.execute("insert into change_stamp (person_id, changed_at) values " + java.util.stream.IntStream
                    .rangeClosed(1, AccessCache.MOST_ROWS + 1).mapToObj(id -> "(" + id + ", '2026-01-01')").collect(java.util.stream.Collectors.joining(",")));
            AccessCache cache = new AccessCache();
            cache.dataSource = database.dataSource();
            cache.config = new AppConfig();
            cache.start();
            assertTrue(cache.pollNow(), "the first poll");

            cache.keepValue("team:5", "stamp 1", new long[] {5, 6, 7}, cache.reading());
            assertEquals("stamp 1", cache.value("team:5"), "kept");
            assertTrue(cache.pollNow());
            assertEquals("stamp 1", cache.value("team:5"), "still kept after a poll: none of its people changed");

            database.execute("update change_stamp set plan = plan + 1 where person_id = 9");
            assertTrue(cache.pollNow());
            assertEquals("stamp 1", cache.value("team:5"), "someone else changed");

            database.execute("update change_stamp set plan = plan + 1 where person_id = 6");
            assertTrue(cache.pollNow());
            assertNull(cache.value("team:5"), "one of its people changed (as on another server): forgotten at the next poll");

            cache.keepValue("team:5", "stamp 2", new long[] {5, 6, 7}, cache.reading());
            assertTrue(cache.pollNow());
            assertEquals("stamp 2", cache.value("team:5"), "kept again: the change it was read after is not a change since");

            KeptByPeople.Reading before = cache.reading();
            assertTrue(cache.pollNow());
            cache.keepValue("team:5", "stamp 3", new long[] {5, 6, 7}, before);
            assertEquals("stamp 2", cache.value("team:5"), "a value read while a poll began is not kept");

            KeptByPeople.Reading now = cache.reading();
            cache.keepValue("team:5", "stamp 4", new long[] {5, 6, 7}, new KeptByPeople.Reading(now.epoch(), now.began(), true));
            assertEquals("stamp 2", cache.value("team:5"), "nor one read while a poll was under way (it may see a change the read did not)");

            database.execute("update change_stamp set plan = plan + 1 where person_id = 7");
            new LocalWrites().inspect("update change_stamp set plan = plan + 1 where person_id = 7");
            assertNull(cache.value("team:5"), "a change written through this server: forgotten at its next request, with no wait for the poll");

            long[] many = new long[KeptByPeople.MOST_PEOPLE_PER_VALUE + 1];
            java.util.Arrays.setAll(many, i -> i + 1);
            cache.keepValue("director:1", "stamp", many, cache.reading());
            assertNull(cache.value("director:1"), "a value of more people than that is not kept");
        }
    }
}
