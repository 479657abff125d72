package org.everyoneserves.people;

/** Fired in the transaction that deactivated the person: their sessions and tokens end. */
public record PersonDeactivated(long personId) {
}
