package org.everyoneserves.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionRunTest {

    @Test
    void aRunSaysWhatEachKindRemovedAndWhichFailed() {
        RetentionJob.Run run = new RetentionJob.Run(LocalDate.of(2026, 12, 1), "nodeA", Instant.EPOCH, Instant.EPOCH,
                "notifications=12, security.sign-in-events=3", "shadowing.reflections, people.deactivated");
        assertEquals(List.of(new RetentionJob.Removed("notifications", 12), new RetentionJob.Removed("security.sign-in-events", 3)),
                run.removedByKind());
        assertEquals(List.of("shadowing.reflections", "people.deactivated"), run.failedKinds());
    }

    @Test
    void aRunStillGoingHasRemovedNothingYet() {
        RetentionJob.Run running = new RetentionJob.Run(LocalDate.of(2026, 12, 1), "nodeA", Instant.EPOCH, null, null, null);
        assertEquals(List.of(), running.removedByKind());
        assertEquals(List.of(), running.failedKinds());
    }
}
