/**
 * Progress: completion summaries and reports, the read models managers and admins look at (the team overview, the
 * organisation report, shadowing across a team and the themes of reflections).
 * <p>
 * Unlike other features, {@code progress} may read other features' tables directly in SQL for its read models
 * ({@code person}, {@code assignment}, {@code shadowing_slot}, {@code shadowing_booking}, {@code shadowing_reflection},
 * {@code improvement_idea}, ...): a report joins what several features own, and asking each feature's service row by
 * row would not scale to a large organisation. It only reads them; every change still goes through the owning
 * feature's service. It keeps its own summaries current by observing events ({@code ItemCompleted},
 * {@code QuizSubmitted}); apart from its own pages only the demo calls into it (to rebuild the summaries of a seeded past).
 *
 * <p>May call: assignments, content, notifications, people, quizzes (observes {@code QuizSubmitted}), shadowing,
 * platform.
 */
package org.everyoneserves.progress;
