/**
 * Who owes what: curricula turned into assignments with due dates, recertification, completions, certificates and
 * the reminder ladder. Owns the {@code assignment} and {@code completion} tables; reacts to
 * {@link org.everyoneserves.assignments.ItemCompleted} and to content and people events.
 *
 * <p>May call: content, people, notifications, platform.
 */
package org.everyoneserves.assignments;
