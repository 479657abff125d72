/**
 * Shadowing: hosts' slots, bookings and seats, the host's confirmation, reflections, improvement ideas routed to
 * departments, and the day-before reminders. Owns the {@code shadowing_*}, reflection and idea tables.
 *
 * <p>May call: content, people, assignments, notifications, platform.
 */
package org.everyoneserves.shadowing;
