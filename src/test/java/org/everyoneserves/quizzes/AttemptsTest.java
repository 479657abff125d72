package org.everyoneserves.quizzes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AttemptsTest {

    @Test
    void limitedAttemptsRunOut() {
        assertEquals(OptionalInt.of(1), new Attempts(3, 2).left());
        assertTrue(new Attempts(3, 2).canStartAnother());
        assertEquals(OptionalInt.of(0), new Attempts(3, 3).left());
        assertFalse(new Attempts(3, 3).canStartAnother());
        assertEquals(OptionalInt.of(0), new Attempts(2, 5).left(), "a revision that allows fewer leaves none, not minus three");
    }

    @Test
    void zeroAllowedIsUnlimited() {
        Attempts attempts = new Attempts(Attempts.UNLIMITED, 40);
        assertTrue(attempts.unlimited());
        assertEquals(OptionalInt.empty(), attempts.left());
        assertTrue(attempts.canStartAnother());
        assertFalse(new Attempts(1, 0).unlimited());
    }

    @Test
    void negativeCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Attempts(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Attempts(1, -1));
    }
}
