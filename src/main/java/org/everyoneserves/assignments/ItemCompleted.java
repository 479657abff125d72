package org.everyoneserves.assignments;

/**
 * Someone finished an item: read a module, passed a quiz, did a shadowing session. Fired by the feature that judged
 * it, inside its transaction; the person's assignment, history and progress change in the same transaction.
 */
public record ItemCompleted(long personId, Assignment.Kind kind, String code, long versionId, Completion.How how, Integer score) {
}
