/**
 * Personal data (GDPR articles 15, 17 and 5(1)(e)): a person's export on request, erasure on request or when they
 * left long enough ago, and retention periods applied by the daily job once per cluster. It knows no feature's tables:
 * every feature that holds data about a person implements {@link org.everyoneserves.platform.PersonalData}, found by
 * CDI, and this package asks all of them. Owns {@code personal_data_export}, {@code retention_policy} and
 * {@code retention_run}. {@link org.everyoneserves.privacy.PrivacyService} is the door; its parts are
 * {@code Exports} (made in the background, offered for {@value org.everyoneserves.privacy.Exports#OFFERED_DAYS} days),
 * {@code Erasures} and {@code RetentionJob}.
 *
 * <p>May call: people, platform.
 */
package org.everyoneserves.privacy;
