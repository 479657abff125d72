package org.everyoneserves.provisioning;

import org.everyoneserves.people.PersonSummary;

/** A person as an identity provider sees them. */
public record ProvisionedPerson(PersonSummary person, String externalId) {
}
