package org.everyoneserves.content;

import java.util.List;
import java.util.Optional;
import org.everyoneserves.content.files.Positions;

/**
 * A quiz question or refresher item. Which fields apply depends on {@code kind}: choices for single,
 * multiple and scenario; {@code answer} for true_false; {@code items} (in the right order) for ordering.
 */
public record Question(
        String id,
        Kind kind,
        String situation,
        String prompt,
        List<String> keyPoints,
        List<Choice> choices,
        Boolean answer,
        List<String> items,
        String explanation,
        Positions positions) {

    public Question {
        keyPoints = List.copyOf(keyPoints);
        choices = List.copyOf(choices);
        items = List.copyOf(items);
    }

    public long correctChoices() {
        return choices.stream().filter(Choice::correct).count();
    }

    public record Choice(String text, boolean correct, String feedback, Positions positions) {
    }

    public enum Kind {
        SINGLE, MULTIPLE, TRUE_FALSE, ORDERING, SCENARIO;

        public String code() {
            return name().toLowerCase();
        }

        public static Optional<Kind> of(String code) {
            for (Kind kind : values()) {
                if (kind.code().equals(code)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }
}
