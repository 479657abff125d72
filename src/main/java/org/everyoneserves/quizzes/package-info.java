/**
 * Quiz attempts: drawn, saved and scored on the server against the version shown
 * ({@link org.everyoneserves.quizzes.Draw}, {@link org.everyoneserves.quizzes.Scoring}). Owns the
 * {@code quiz_attempt} table; announces {@link org.everyoneserves.quizzes.QuizSubmitted} (statistics are kept by
 * {@code progress}, review cards by {@code refreshers}).
 *
 * <p>May call: content, assignments, people, platform.
 */
package org.everyoneserves.quizzes;
