package org.everyoneserves.quizzes;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.everyoneserves.content.Question;
import org.everyoneserves.content.Question.Kind;
import org.everyoneserves.platform.BusinessException;
import org.junit.jupiter.api.Test;

class AnswerTest {

    private static void refused(Question question, Answer answer, String reason) {
        BusinessException e = assertThrows(BusinessException.class, () -> answer.requireFits(question), reason);
        assertEquals(Answer.INVALID, e.code());
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals(answer.questionId(), e.arguments().get(0));
        assertEquals(reason, e.arguments().get(1));
    }

    @Test
    void choiceAnswersNeedDistinctIndexesInRangeAndOnePickForSingleAndScenario() {
        Question single = Questions.choices("q", Kind.SINGLE, 3, 0);
        refused(single, Answer.picked("q", 3), "there is no index 3");
        refused(single, Answer.picked("q", -1), "there is no index -1");
        refused(single, Answer.picked("q", 0, 1), "single questions take one choice");
        refused(Questions.choices("q", Kind.SCENARIO, 3, 0), Answer.picked("q", 0, 1), "scenario questions take one choice");
        refused(single, Answer.trueFalse("q", true), "single questions take no true or false");
        Question multiple = Questions.choices("q", Kind.MULTIPLE, 3, 0, 1);
        refused(multiple, Answer.picked("q", 1, 1), "index 1 is given twice");
        assertDoesNotThrow(() -> Answer.picked("q", 2, 0, 1).requireFits(multiple));
        assertDoesNotThrow(() -> Answer.picked("q", 2).requireFits(single));
    }

    @Test
    void trueFalseAnswersTakeNoChoices() {
        Question question = Questions.trueFalse("q", true);
        refused(question, Answer.picked("q", 0), "true_false questions take true or false, not choices");
        assertDoesNotThrow(() -> Answer.trueFalse("q", false).requireFits(question));
    }

    @Test
    void orderingAnswersPutEveryItemInOrderOnce() {
        Question question = Questions.ordering("q", 3);
        refused(question, Answer.ordered("q", 0, 1), "ordering answers put all 3 items in order");
        refused(question, Answer.ordered("q", 0, 1, 1), "index 1 is given twice");
        refused(question, Answer.ordered("q", 0, 1, 3), "there is no index 3");
        refused(question, Answer.trueFalse("q", true), "ordering questions take no true or false");
        assertDoesNotThrow(() -> Answer.ordered("q", 2, 0, 1).requireFits(question));
    }

    @Test
    void anAnswerToAnotherQuestionOrWithAnEmptyChoiceIsRefused() {
        refused(Questions.single("q"), Answer.picked("other", 1), "it is not an answer to question q");
        BusinessException e = assertThrows(BusinessException.class, () -> new Answer("q", Arrays.asList(1, null), null));
        assertEquals(List.of("q", "a choice is empty"), e.arguments());
    }

    @Test
    void aSkippedAnswerFitsEveryKind() {
        for (Question question : List.of(Questions.single("q"), Questions.choices("q", Kind.MULTIPLE, 3, 0),
                Questions.trueFalse("q", false), Questions.ordering("q", 3))) {
            assertDoesNotThrow(() -> Answer.skipped("q").requireFits(question));
            assertDoesNotThrow(() -> new Answer("q", null, null).requireFits(question));
        }
    }
}
