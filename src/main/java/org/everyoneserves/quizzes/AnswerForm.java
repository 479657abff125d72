package org.everyoneserves.quizzes;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.everyoneserves.content.Question;
import org.everyoneserves.platform.BusinessException;

/**
 * What a page's question inputs hold, by a key per question, and the {@link Answer} they make: radio buttons for
 * single, scenario and true/false, check boxes for multiple, a place (1..n) per item for ordering.
 */
public class AnswerForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Single, scenario and true/false answers: the original choice index, or "true"/"false". */
    private final Map<String, String> picked = new HashMap<>();
    /** Multiple-choice answers. */
    private final HashMap<String, java.io.Serializable> many = new HashMap<>();   // String[] or List<String> from the checkboxes
    /** Ordering answers by "key:itemIndex": the place (1-based) given to the item. */
    private final Map<String, String> positions = new HashMap<>();

    /** Shows a saved answer in the inputs. */
    public void fill(String key, Question.Kind kind, Answer saved) {
        if (saved == null || saved.isSkipped()) {
            return;
        }
        switch (kind) {
            case TRUE_FALSE -> picked.put(key, saved.value().toString());
            case MULTIPLE -> many.put(key, new java.util.ArrayList<>(saved.choices().stream().map(String::valueOf).toList()));
            case ORDERING -> {
                for (int p = 0; p < saved.choices().size(); p++) {
                    positions.put(key + ":" + saved.choices().get(p), String.valueOf(p + 1));
                }
            }
            default -> picked.put(key, String.valueOf(saved.choices().get(0)));
        }
    }

    /** The answer the inputs hold; skipped when nothing (or, for ordering, not every item a place of its own) is given. */
    public Answer answer(String key, String questionId, Question.Kind kind, List<Integer> options) {
        return switch (kind) {
            case TRUE_FALSE -> {
                String value = picked.get(key);
                yield value == null || value.isBlank() ? Answer.skipped(questionId) : Answer.trueFalse(questionId, Boolean.parseBoolean(value));
            }
            case MULTIPLE -> new Answer(questionId, indexes(many.get(key)), null);
            case ORDERING -> {
                List<Integer> order = ordering(key, options);
                yield order == null ? Answer.skipped(questionId) : new Answer(questionId, order, null);
            }
            default -> {
                String value = picked.get(key);
                yield value == null || value.isBlank() ? Answer.skipped(questionId) : Answer.picked(questionId, index(value));
            }
        };
    }

    /** An ordering started but not finished: some items have places, but not every item its own. */
    public boolean isOrderingIncomplete(String key, Question.Kind kind, List<Integer> options) {
        return kind == Question.Kind.ORDERING && ordering(key, options) == null && options.stream().anyMatch(o -> filled(key, o));
    }

    private boolean filled(String key, int option) {
        String value = positions.get(key + ":" + option);
        return value != null && !value.isBlank();
    }

    private List<Integer> ordering(String key, List<Integer> options) {
        TreeMap<Integer, Integer> byPosition = new TreeMap<>();
        for (int o : options) {
            String value = positions.get(key + ":" + o);
            if (value == null || value.isBlank() || byPosition.put(index(value), o) != null) {
                return null;
            }
        }
        return new ArrayList<>(byPosition.values());
    }

    private static List<Integer> indexes(Object selected) {
        Collection<?> values = selected == null ? List.of()
                : selected instanceof Object[] array ? Arrays.asList(array)
                : selected instanceof Collection<?> c ? c : List.of(selected);
        return values.stream().map(v -> index(String.valueOf(v))).toList();
    }

    private static int index(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, Answer.INVALID, value, "not a choice");
        }
    }

    public Map<String, String> getPicked() { return picked; }
    public Map<String, java.io.Serializable> getMany() { return many; }
    public Map<String, String> getPositions() { return positions; }
}
