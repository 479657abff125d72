package org.everyoneserves.quizzes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.everyoneserves.content.Question;
import org.everyoneserves.content.Question.Kind;
import org.everyoneserves.content.Definitions.Quiz;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.quizzes.QuestionResult.ChoiceFeedback;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static boolean correct(Question question, Answer answer) {
        return Scoring.score(question, answer).correct();
    }

    private static List<ShownQuestion> shownInOrder(Quiz quiz) {
        return quiz.questions().stream().map(q -> new ShownQuestion(q.id(), List.of())).toList();
    }

    /** Answers the first {@code right} singles of the quiz correctly (choice 1) and the rest wrongly (choice 0). */
    private static Map<String, Answer> answers(Quiz quiz, int right) {
        Map<String, Answer> answers = new HashMap<>();
        for (int i = 0; i < quiz.questions().size(); i++) {
            String id = quiz.questions().get(i).id();
            answers.put(id, Answer.picked(id, i < right ? 1 : 0));
        }
        return answers;
    }

    @Test
    void singleAndScenarioAreRightWhenThePickedChoiceIsCorrect() {
        for (Kind kind : List.of(Kind.SINGLE, Kind.SCENARIO)) {
            Question question = Questions.choices("q", kind, 3, 2);
            assertTrue(correct(question, Answer.picked("q", 2)));
            assertFalse(correct(question, Answer.picked("q", 0)));
            assertFalse(correct(question, Answer.skipped("q")));
            assertFalse(correct(question, null));
        }
    }

    @Test
    void multipleIsRightOnlyWithExactlyTheCorrectChoices() {
        Question question = Questions.choices("q", Kind.MULTIPLE, 4, 0, 2);
        assertTrue(correct(question, Answer.picked("q", 2, 0)));
        assertFalse(correct(question, Answer.picked("q", 0)), "partly right is wrong");
        assertFalse(correct(question, Answer.picked("q", 0, 2, 3)), "one too many is wrong");
        assertFalse(correct(question, Answer.picked("q", 1, 3)));
        assertFalse(correct(question, Answer.skipped("q")));
        assertFalse(correct(question, null));
    }

    @Test
    void trueFalseIsRightWhenTheValueMatches() {
        Question saysFalse = Questions.trueFalse("q", false);
        assertTrue(correct(saysFalse, Answer.trueFalse("q", false)));
        assertFalse(correct(saysFalse, Answer.trueFalse("q", true)));
        assertTrue(correct(Questions.trueFalse("q", true), Answer.trueFalse("q", true)));
        assertFalse(correct(saysFalse, Answer.skipped("q")), "skipping is not answering false");
        assertFalse(correct(saysFalse, null));
    }

    @Test
    void orderingIsRightOnlyInTheRightOrder() {
        Question question = Questions.ordering("q", 4);
        assertTrue(correct(question, Answer.ordered("q", 0, 1, 2, 3)));
        assertFalse(correct(question, Answer.ordered("q", 0, 1, 3, 2)));
        assertFalse(correct(question, Answer.ordered("q", 3, 2, 1, 0)));
        assertFalse(correct(question, Answer.skipped("q")));
        assertFalse(correct(question, null));
    }

    @Test
    void aResultCarriesTheExplanationTheRightChoicesAndFeedbackOnEachPickedChoice() {
        QuestionResult result = Scoring.score(Questions.choices("q", Kind.MULTIPLE, 4, 0, 2), Answer.picked("q", 3, 0));
        assertEquals(new QuestionResult("q", true, false, "explanation of q", List.of("point-q"), List.of(0, 2),
                List.of(new ChoiceFeedback(0, true, "feedback 0"), new ChoiceFeedback(3, false, "feedback 3"))), result);
        QuestionResult skipped = Scoring.score(Questions.trueFalse("tf", true), null);
        assertEquals(new QuestionResult("tf", false, false, "explanation of tf", List.of("point-tf"), List.of(), List.of()), skipped);
    }

    @Test
    void exactlyThePassMarkPassesAndOneQuestionLessFails() {
        Quiz quiz = Questions.quiz(70, Questions.singles(10));
        Score seven = Scoring.score(quiz, shownInOrder(quiz), answers(quiz, 7));
        assertEquals(new Score(7, 10, 70, true, seven.results()), seven);
        Score six = Scoring.score(quiz, shownInOrder(quiz), answers(quiz, 6));
        assertEquals(60, six.percent());
        assertFalse(six.passed());
    }

    @Test
    void percentIsRoundedDown() {
        Quiz mark67 = Questions.quiz(67, Questions.singles(3));
        Score twoOfThree = Scoring.score(mark67, shownInOrder(mark67), answers(mark67, 2));
        assertEquals(66, twoOfThree.percent());
        assertFalse(twoOfThree.passed(), "66.67 is not 67");
        Quiz mark66 = Questions.quiz(66, Questions.singles(3));
        assertTrue(Scoring.score(mark66, shownInOrder(mark66), answers(mark66, 2)).passed());
    }

    @Test
    void onlyShownQuestionsCountAndMissingAnswersAreWrong() {
        Quiz quiz = Questions.quiz(50, Questions.singles(5));
        List<ShownQuestion> shown = List.of(new ShownQuestion("q3", List.of(2, 0, 1)), new ShownQuestion("q1", List.of(0, 1, 2)));
        Score score = Scoring.score(quiz, shown, Map.of("q3", Answer.picked("q3", 1)));
        assertEquals(List.of("q3", "q1"), score.results().stream().map(QuestionResult::questionId).toList());
        assertEquals(1, score.correct());
        assertEquals(2, score.total());
        assertEquals(50, score.percent());
        assertTrue(score.passed());
        assertFalse(score.results().get(1).answered());
    }

    @Test
    void anAnswerToAQuestionNotShownIsRefused() {
        Quiz quiz = Questions.quiz(50, Questions.singles(3));
        List<ShownQuestion> shown = List.of(new ShownQuestion("q0", List.of(0, 1, 2)));
        BusinessException e = assertThrows(BusinessException.class,
                () -> Scoring.score(quiz, shown, Map.of("q2", Answer.picked("q2", 1))));
        assertEquals(Answer.INVALID, e.code());
        assertThrows(BusinessException.class, () -> Scoring.score(quiz, shown, Map.of("q0", Answer.picked("q1", 1))));
        assertThrows(BusinessException.class, () -> Scoring.score(quiz, shown, Map.of("q0", Answer.picked("q0", 7))));
    }

    @Test
    void aShownQuestionMissingFromTheQuizIsRefused() {
        Quiz quiz = Questions.quiz(50, Questions.singles(2));
        assertThrows(IllegalArgumentException.class,
                () -> Scoring.score(quiz, List.of(new ShownQuestion("gone", List.of())), Map.of()));
    }

    @Test
    void keyPointsToReviewAreThoseOfWrongAnswersOnceEachInShownOrder() {
        Question a = Questions.withKeyPoints(Questions.single("a"), "tone", "touchpoints");
        Question b = Questions.withKeyPoints(Questions.single("b"), "two-jobs");
        Question c = Questions.withKeyPoints(Questions.single("c"), "touchpoints", "follow-up");
        Question d = Questions.withKeyPoints(Questions.single("d"), "owning-the-moment");
        Quiz quiz = Questions.quiz(50, List.of(a, b, c, d));
        List<ShownQuestion> shown = List.of(new ShownQuestion("c", List.of()), new ShownQuestion("b", List.of()),
                new ShownQuestion("a", List.of()), new ShownQuestion("d", List.of()));
        Score score = Scoring.score(quiz, shown, Map.of("b", Answer.picked("b", 1), "a", Answer.picked("a", 0)));
        assertEquals(List.of("touchpoints", "follow-up", "tone", "owning-the-moment"), score.keyPointsToReview());
    }
}
