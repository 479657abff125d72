package org.everyoneserves.people;

/**
 * Fired in the transaction that changed what a person may do: admin rights granted or taken, deactivated,
 * reactivated. Security writes it to its log; a deactivation ends the person's sessions through their access version,
 * and every session re-reads the person's roles at its next request.
 *
 * @param actorId who made the change; null for the platform itself
 * @param change  {@code admin.granted}, {@code admin.revoked}, {@code deactivated} or {@code reactivated}
 */
public record PersonAccessChanged(long personId, Long actorId, String change) {
}
