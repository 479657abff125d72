package org.everyoneserves.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one scheduler for time-driven work. Every few minutes it announces the day ({@link Tick}); the features observe
 * it and do what has fallen due since the last run (reminders, then e-mail, then purges). Nothing is kept in memory
 * between runs: what is due is read from the data, and every reminder has a dedupe key, so a restart misses nothing.
 * In a cluster one node runs the schedule at a time: the one holding the {@code scheduler} lease, which it renews every
 * run; when it dies another node takes over once the lease has run out (three intervals).
 */
@ApplicationScoped
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Event<Tick> tick;

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    @Inject
    Leases leases;

    static final long FIRST_RUN_AFTER = 20;

    private ScheduledFuture<?> schedule;

    /** Held by a run while it works, so that stopping waits for it. */
    private final ReentrantLock running = new ReentrantLock();

    private volatile boolean stopped;

    /**
     * Starts ticking once the rest of the start-up work is done (this observer comes last), the first run after
     * {@value #FIRST_RUN_AFTER} seconds at the earliest.
     */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ApplicationStarted started) {
        long every = config.reminderIntervalSeconds();
        if (every == 0) {
            LOG.info("Reminders are off (interval 0)");
            return;
        }
        schedule = executor.scheduleWithFixedDelay(this::runSafely, Math.max(FIRST_RUN_AFTER, Math.min(every, 60)), every, TimeUnit.SECONDS);
        LOG.info(() -> "Reminders run every " + every + " s; e-mail " + (config.mailEnabled() ? "on" : "off (no APP_SMTP_HOST)"));
    }

    /**
     * Stops the schedule and waits (up to a minute) for a run that is under way. A run left going while the application
     * stops (an undeployment, a redeployment, a node shutting down) finds its beans and transaction manager gone half-way
     * and could leave its transaction open on the executor's thread, holding row locks that stop everyone else's writes.
     */
    @PreDestroy
    void stop() {
        stopped = true;
        if (schedule != null) {
            schedule.cancel(false);
        }
        try {
            if (running.tryLock(60, TimeUnit.SECONDS)) {
                running.unlock();
            } else {
                LOG.warning("a scheduled run was still going after a minute; stopping anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void runSafely() {
        if (stopped || !running.tryLock()) {
            return;
        }
        try {
            if (stopped) {
                return;
            }
            if (!leases.claim("scheduler", Duration.ofSeconds(3 * config.reminderIntervalSeconds()))) {
                LOG.fine("another node holds the scheduler lease");
                return;
            }
            run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "scheduled run failed; the next run catches up", e);
        } finally {
            running.unlock();
        }
    }

    /** One run: every feature does what has fallen due. */
    public void run() {
        tick.fire(new Tick(LocalDate.now(clock), clock.instant()));
    }
}
