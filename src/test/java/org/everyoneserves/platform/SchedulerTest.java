package org.everyoneserves.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Stopping the application while a scheduled run is under way: the stop waits for the run (which would otherwise lose
 * its beans and transaction manager halfway and leave its transaction, and its row locks, open on the executor's
 * thread), and no run starts once stopping began.
 */
class SchedulerTest {

    private final CountDownLatch runStarted = new CountDownLatch(1);
    private final CountDownLatch finishRun = new CountDownLatch(1);
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void stoppingWaitsForTheRunUnderWayAndNoRunStartsAfterIt() throws Exception {
        Scheduler scheduler = scheduler();
        Thread run = new Thread(scheduler::runSafely);
        run.start();
        assertTrue(runStarted.await(10, TimeUnit.SECONDS));

        CompletableFuture<Void> stop = CompletableFuture.runAsync(scheduler::stop);
        assertThrowsTimeout(stop);
        assertFalse(stop.isDone(), "the stop waits while the run works");

        finishRun.countDown();
        stop.get(10, TimeUnit.SECONDS);
        run.join(10_000);

        scheduler.runSafely();
        assertEquals(1, runs.get(), "no run after the stop");
    }

    private static void assertThrowsTimeout(CompletableFuture<Void> stop) throws Exception {
        try {
            stop.get(300, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException expected) {
            return;
        }
        throw new AssertionError("the stop returned while a run was under way");
    }

    private Scheduler scheduler() {
        Scheduler scheduler = new Scheduler();
        scheduler.clock = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
        scheduler.config = new AppConfig() {
            @Override
            public long reminderIntervalSeconds() {
                return 5;
            }
        };
        scheduler.leases = new Leases() {
            @Override
            public boolean claim(String job, Duration length) {
                return true;
            }
        };
        scheduler.tick = new BlockingTick();
        return scheduler;
    }

    /** The features' observers: the run counts itself, says it started, and waits to be let finish. */
    private final class BlockingTick implements Event<Tick> {
        @Override
        public void fire(Tick event) {
            runs.incrementAndGet();
            runStarted.countDown();
            try {
                finishRun.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public <U extends Tick> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends Tick> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<Tick> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends Tick> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends Tick> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
