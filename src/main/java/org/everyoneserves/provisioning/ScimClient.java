package org.everyoneserves.provisioning;

/** The identity provider behind a SCIM request, known by its token. */
public record ScimClient(long providerId, String name, GroupTarget groupTarget) {
}
