package org.everyoneserves.people;

/** Fired in the transaction that reactivated the person: their paused assignments continue. */
public record PersonReactivated(long personId) {
}
