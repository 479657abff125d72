package org.everyoneserves.notifications;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Time has passed: features that remind people of something (due items, tomorrow's sessions) create the
 * notifications that have fallen due by {@code today}. Fired by the {@link ReminderJob}; observers must be
 * idempotent (dedupe keys), since a restart or a second server may fire it again for the same day.
 */
public record ReminderTick(LocalDate today, Instant now) {
}
