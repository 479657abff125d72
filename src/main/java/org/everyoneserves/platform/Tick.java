package org.everyoneserves.platform;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Time has passed: features that act on time (reminders of due items, tomorrow's sessions, e-mail waiting, purges of
 * expired tokens and idempotency records) do what has fallen due by {@code today}. Fired by the {@link Scheduler};
 * observers must be idempotent (dedupe keys, conditional deletes), since a restart or a second server may fire it
 * again for the same day. Observers that send what others created observe it with a late {@code @Priority}.
 */
public record Tick(LocalDate today, Instant now) {
}
