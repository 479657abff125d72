/**
 * Shadowing: hosts' slots, bookings and seats, the host's confirmation, reflections, improvement ideas routed to
 * departments, and the day-before reminders. Owns the {@code shadowing_*}, reflection and idea tables.
 * {@link org.everyoneserves.shadowing.ShadowingService} is the door; its package-private parts do the work
 * ({@code Hosting}, {@code Bookings}, {@code Reflections}, {@code SessionReminders}, and {@code Views} they share). The
 * manager's and admin's views across shadowing are progress's {@code ShadowingReport}.
 *
 * <p>May call: content, people, assignments, notifications, platform.
 */
package org.everyoneserves.shadowing;
