package org.everyoneserves.quizzes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.everyoneserves.content.Question;
import org.everyoneserves.content.Question.Kind;
import org.everyoneserves.content.Definitions.Quiz;
import org.junit.jupiter.api.Test;

class DrawTest {

    private static final List<Integer> IN_ORDER = List.of(0, 1, 2, 3, 4);

    private static List<String> ids(List<ShownQuestion> shown) {
        return shown.stream().map(ShownQuestion::questionId).toList();
    }

    @Test
    void aPoolDrawsThatManyDistinctQuestionsAndEveryQuestionCanBeDrawn() {
        Quiz quiz = Questions.quiz(70, 4, true, true, Questions.singles(10));
        Set<String> everDrawn = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            List<String> ids = ids(Draw.of(quiz, new SplittableRandom(seed)));
            assertEquals(4, ids.size());
            assertEquals(4, Set.copyOf(ids).size(), "no question twice: " + ids);
            everDrawn.addAll(ids);
        }
        assertEquals(Set.copyOf(ids(Draw.of(Questions.quiz(70, null, false, false, Questions.singles(10)), new SplittableRandom(0)))),
                everDrawn);
    }

    @Test
    void withoutAPoolEveryQuestionIsShownOnce() {
        Quiz quiz = Questions.quiz(70, null, true, true, Questions.singles(6));
        List<String> ids = ids(Draw.of(quiz, new SplittableRandom(7)));
        assertEquals(Set.of("q0", "q1", "q2", "q3", "q4", "q5"), Set.copyOf(ids));
        assertEquals(6, ids.size());
    }

    @Test
    void theSameSeedGivesTheSameDrawAndOtherSeedsOtherDraws() {
        Quiz quiz = Questions.quiz(70, 3, true, true, Questions.singles(8));
        List<ShownQuestion> first = Draw.of(quiz, new SplittableRandom(42));
        assertEquals(first, Draw.of(quiz, new SplittableRandom(42)));
        Set<List<ShownQuestion>> draws = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            draws.add(Draw.of(quiz, new SplittableRandom(seed)));
        }
        assertTrue(draws.size() > 15, "seeds give different draws, got " + draws.size() + " distinct of 20");
    }

    @Test
    void withShufflingOffDrawnQuestionsKeepFileOrderAndChoicesTheirOrder() {
        Quiz quiz = Questions.quiz(70, 4, false, false, List.of(
                Questions.choices("q0", Kind.SINGLE, 5, 0), Questions.choices("q1", Kind.MULTIPLE, 5, 0, 1),
                Questions.choices("q2", Kind.SCENARIO, 5, 2), Questions.choices("q3", Kind.SINGLE, 5, 3),
                Questions.choices("q4", Kind.SINGLE, 5, 4), Questions.choices("q5", Kind.MULTIPLE, 5, 4)));
        for (long seed = 0; seed < 50; seed++) {
            List<ShownQuestion> shown = Draw.of(quiz, new SplittableRandom(seed));
            List<String> ids = ids(shown);
            assertEquals(ids.stream().sorted().toList(), ids, "file order");
            shown.forEach(question -> assertEquals(IN_ORDER, question.order()));
        }
        Quiz all = Questions.quiz(70, null, false, false, Questions.singles(5));
        assertEquals(List.of("q0", "q1", "q2", "q3", "q4"), ids(Draw.of(all, new SplittableRandom(3))));
    }

    @Test
    void withShufflingOnQuestionsAndChoicesAreShuffled() {
        Quiz quiz = Questions.quiz(70, null, true, true, List.of(
                Questions.choices("q0", Kind.SINGLE, 5, 0), Questions.choices("q1", Kind.MULTIPLE, 5, 1, 2),
                Questions.choices("q2", Kind.SCENARIO, 5, 3), Questions.choices("q3", Kind.SINGLE, 5, 4)));
        List<ShownQuestion> shown = Draw.of(quiz, new SplittableRandom(1));
        assertNotEquals(List.of("q0", "q1", "q2", "q3"), ids(shown));
        for (ShownQuestion question : shown) {
            assertEquals(Set.copyOf(IN_ORDER), Set.copyOf(question.order()), "a permutation of the choices");
            assertEquals(5, question.order().size());
        }
        assertTrue(shown.stream().anyMatch(question -> !question.order().equals(IN_ORDER)), "choices shuffled");
    }

    @Test
    void everyChoiceOrderIsAboutEquallyLikely() {
        Quiz quiz = Questions.quiz(70, null, false, true, List.of(Questions.choices("q", Kind.SINGLE, 3, 0)));
        SplittableRandom random = new SplittableRandom(11);
        Map<List<Integer>, Integer> counts = new HashMap<>();
        for (int i = 0; i < 60_000; i++) {
            counts.merge(Draw.of(quiz, random).get(0).order(), 1, Integer::sum);
        }
        assertEquals(6, counts.size());
        counts.forEach((order, count) -> assertTrue(Math.abs(count - 10_000) < 500, order + " shown " + count + " times of 60000"));
    }

    @Test
    void orderingItemsAreNeverShownInTheRightOrderEvenWithChoiceShufflingOff() {
        for (boolean shuffleChoices : new boolean[] {true, false}) {
            Quiz quiz = Questions.quiz(70, null, false, shuffleChoices, List.of(Questions.ordering("two", 2), Questions.ordering("four", 4)));
            for (long seed = 0; seed < 500; seed++) {
                List<ShownQuestion> shown = Draw.of(quiz, new SplittableRandom(seed));
                assertEquals(List.of(1, 0), shown.get(0).order());
                List<Integer> four = shown.get(1).order();
                assertNotEquals(List.of(0, 1, 2, 3), four);
                assertEquals(Set.of(0, 1, 2, 3), Set.copyOf(four));
            }
        }
    }

    @Test
    void trueFalseQuestionsHaveNoChoiceOrderAndOneItemOrderingIsItself() {
        Quiz quiz = Questions.quiz(70, null, true, true, List.of(Questions.trueFalse("tf", true), Questions.ordering("one", 1)));
        List<ShownQuestion> shown = Draw.of(quiz, new SplittableRandom(5));
        assertEquals(List.of(), shown.stream().filter(s -> s.questionId().equals("tf")).findFirst().orElseThrow().order());
        assertEquals(List.of(0), shown.stream().filter(s -> s.questionId().equals("one")).findFirst().orElseThrow().order());
    }

    @Test
    void aPoolLargerThanTheQuizIsRefused() {
        List<Question> questions = Questions.singles(3);
        assertThrows(IllegalArgumentException.class, () -> Draw.of(Questions.quiz(70, 4, true, true, questions), new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> Draw.of(Questions.quiz(70, 0, true, true, questions), new SplittableRandom(1)));
    }
}
