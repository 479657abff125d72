/**
 * Daily refreshers: spaced repetition per person and item ({@link org.everyoneserves.refreshers.Spacing}), the day's
 * set, streaks and holiday pauses. Owns {@code review_card}, {@code refresher_day}, the settings and pauses.
 *
 * <p>May call: content, quizzes (observes {@code QuizSubmitted}), assignments, platform.
 */
package org.everyoneserves.refreshers;
