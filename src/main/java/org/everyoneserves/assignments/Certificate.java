package org.everyoneserves.assignments;

import java.time.Instant;
import java.util.List;

/**
 * Proof that a person finished their job role's curriculum: every item done, each against a version.
 *
 * @param number a stable reference: the same person, role and completions always give the same number
 */
public record Certificate(String number, String personName, String roleCode, String roleName, Instant completedAt, List<Line> items) {

    public record Line(Assignment.Kind kind, String code, String title, Instant completedAt, int version) {
    }
}
