package org.everyoneserves.quizzes;

import java.util.OptionalInt;
import org.everyoneserves.content.Definitions.Quiz;

/** How many attempts at a quiz a learner has had, of how many allowed; 0 allowed means unlimited. */
public record Attempts(int allowed, int used) implements java.io.Serializable {

    public static final int UNLIMITED = 0;

    public Attempts {
        if (allowed < 0 || used < 0) {
            throw new IllegalArgumentException("attempts cannot be negative: " + allowed + " allowed, " + used + " used");
        }
    }

    public static Attempts of(Quiz quiz, int used) {
        return new Attempts(quiz.attempts(), used);
    }

    public boolean unlimited() {
        return allowed == UNLIMITED;
    }

    /** Empty when unlimited; never below 0, even when a new revision of the quiz allows fewer than were used. */
    public OptionalInt left() {
        return unlimited() ? OptionalInt.empty() : OptionalInt.of(Math.max(0, allowed - used));
    }

    public boolean canStartAnother() {
        return unlimited() || used < allowed;
    }
}
