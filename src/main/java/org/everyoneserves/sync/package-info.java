/**
 * The app's "what changed since": the one place that composes other features' API answers, which it returns
 * exactly as their own endpoints do (the documented exception to "no feature imports another's api package").
 *
 * <p>May call: the api packages of people, assignments, refreshers, shadowing and notifications; platform.
 */
package org.everyoneserves.sync;
