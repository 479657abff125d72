package org.everyoneserves.people;

/**
 * A person got a job role: on joining ({@code previousRole} null) or by a change. Fired in the transaction that made
 * the change, so that their assignments change with it. Role codes; {@code role} is null when the role was removed.
 */
public record JobRoleChanged(long personId, String previousRole, String role) {
}
