package org.everyoneserves.content;

import java.nio.file.Path;
import java.util.List;

/**
 * What one job role must do, and when: {@code curricula/<role-code>.yaml}. The curriculum of the reserved role
 * {@value #DEFAULT_ROLE} ({@code curricula/default.yaml}) is what people get whose job role has no curriculum of its
 * own, so that a new role in the HR feed never means "nothing to do".
 */
public record Curriculum(String role, List<Item> items, Path file, String hash, Positions positions) {

    public static final String DEFAULT_ROLE = "default";

    public Curriculum {
        items = List.copyOf(items);
    }

    /** {@code target} is null when the item names no target or several (reported by the loader). */
    public record Item(Target target, String id, Integer dueDays, From from, Integer repeatMonths, Positions positions) {
    }

    public enum Target {
        MODULE, QUIZ, SHADOWING;

        public String key() {
            return name().toLowerCase();
        }
    }

    public enum From { START, ASSIGNMENT }
}
