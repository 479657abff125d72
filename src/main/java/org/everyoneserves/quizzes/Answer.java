package org.everyoneserves.quizzes;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.everyoneserves.content.Question;
import org.everyoneserves.platform.BusinessException;

/**
 * What a learner submits for one question, always in the question's original indexes: the picked choices
 * (single, multiple, scenario), {@code value} (true/false), or every item in the learner's order (ordering).
 * An answer with neither choices nor value is a skipped question, which scores as wrong.
 */
public record Answer(String questionId, List<Integer> choices, Boolean value) implements java.io.Serializable {

    public static final String INVALID = "quizzes.error.invalidAnswer";

    public Answer {
        Objects.requireNonNull(questionId, "questionId");
        if (choices == null) {
            choices = List.of();
        } else if (choices.stream().anyMatch(Objects::isNull)) {
            throw invalid(questionId, "a choice is empty");
        } else {
            choices = List.copyOf(choices);
        }
    }

    public static Answer picked(String questionId, Integer... choices) {
        return new Answer(questionId, List.of(choices), null);
    }

    public static Answer trueFalse(String questionId, boolean value) {
        return new Answer(questionId, List.of(), value);
    }

    public static Answer ordered(String questionId, Integer... items) {
        return new Answer(questionId, List.of(items), null);
    }

    public static Answer skipped(String questionId) {
        return new Answer(questionId, List.of(), null);
    }

    public boolean isSkipped() {
        return choices.isEmpty() && value == null;
    }

    /**
     * Refuses an answer that does not fit the question: another question's id, the wrong kind of answer, an index
     * out of range or given twice, more than one pick for a single or scenario question, or an ordering that
     * leaves out items. Such an answer cannot come from the pages, so it is refused rather than scored as wrong.
     *
     * @throws BusinessException of kind INVALID with code {@value #INVALID} and the question id and reason as arguments
     */
    public void requireFits(Question question) {
        if (!questionId.equals(question.id())) {
            throw invalid(questionId, "it is not an answer to question " + question.id());
        }
        if (isSkipped()) {
            return;
        }
        switch (question.kind()) {
            case SINGLE, SCENARIO, MULTIPLE -> {
                requireNoValue(question);
                requireIndexes(question.choices().size());
                if (choices.size() > 1 && question.kind() != Question.Kind.MULTIPLE) {
                    throw invalid(questionId, question.kind().code() + " questions take one choice");
                }
            }
            case TRUE_FALSE -> {
                if (!choices.isEmpty()) {
                    throw invalid(questionId, "true_false questions take true or false, not choices");
                }
            }
            case ORDERING -> {
                requireNoValue(question);
                requireIndexes(question.items().size());
                if (choices.size() != question.items().size()) {
                    throw invalid(questionId, "ordering answers put all " + question.items().size() + " items in order");
                }
            }
        }
    }

    private void requireNoValue(Question question) {
        if (value != null) {
            throw invalid(questionId, question.kind().code() + " questions take no true or false");
        }
    }

    private void requireIndexes(int size) {
        Set<Integer> seen = new HashSet<>();
        for (int index : choices) {
            if (index < 0 || index >= size) {
                throw invalid(questionId, "there is no index " + index);
            }
            if (!seen.add(index)) {
                throw invalid(questionId, "index " + index + " is given twice");
            }
        }
    }

    static BusinessException invalid(String questionId, String reason) {
        return new BusinessException(BusinessException.Kind.INVALID, INVALID, questionId, reason);
    }
}
