package org.everyoneserves.content;

/** A job role's curriculum was added, changed or retired. Fired inside the import's transaction. */
public record CurriculumChanged(String role) {
}
