/**
 * What every feature shares and no feature owns: the {@link org.everyoneserves.platform.Caller} of a request,
 * {@link org.everyoneserves.platform.BusinessException} and problem+json, the clock, configuration, the scheduler's
 * {@link org.everyoneserves.platform.Tick}, Flyway, health, the audit log, Faces helpers ({@code web}) and the API's
 * idempotency, ETags and cursors ({@code api}).
 *
 * <p>May call: nothing of the features. Features depend on it, never the other way round (ArchitectureTest).
 */
package org.everyoneserves.platform;
