/**
 * Provisioning by the company's identity provider over SCIM 2.0 ({@code /scim/v2}): people created, changed, moved
 * and deactivated, and groups kept as departments or job roles, as each provider's admin chose. Owns the
 * {@code scim_provider} (bearer tokens, stored as hashes) and {@code scim_person} (the provider's externalId) tables.
 * Every change to people goes through {@link org.everyoneserves.people.PersonService}, like the pages and the CSV
 * import. {@code ProvisioningService} is the door; {@code api} holds the SCIM endpoint, {@code web} the admin page.
 *
 * <p>May call: people, platform.
 */
package org.everyoneserves.provisioning;
