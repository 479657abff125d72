package org.everyoneserves.platform;

/**
 * The application has started and may do its start-up work (import the content, seed the demo, start the reminder
 * job), in the order of the observers' priorities. Fired by a servlet context listener rather than observed as
 * CDI's own {@code @Initialized(ApplicationScoped.class)}: Weld delivers that while holding its container lock, and
 * work that creates validated beans there can deadlock with the persistence unit starting on another thread.
 */
public record ApplicationStarted() {
}
