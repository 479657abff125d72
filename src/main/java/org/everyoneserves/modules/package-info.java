/**
 * Reading modules: the current version as its reader sees it; reading one to the end completes it
 * ({@link org.everyoneserves.assignments.ItemCompleted}).
 *
 * <p>May call: content, assignments, platform.
 */
package org.everyoneserves.modules;
