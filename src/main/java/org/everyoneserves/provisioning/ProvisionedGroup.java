package org.everyoneserves.provisioning;

import java.util.List;

/** A department or a job role as an identity provider's group, with its active members' person ids. */
public record ProvisionedGroup(long id, String name, List<Long> members) {
}
