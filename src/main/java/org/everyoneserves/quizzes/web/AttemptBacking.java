package org.everyoneserves.quizzes.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.quizzes.Answer;
import org.everyoneserves.quizzes.QuizService;
import org.everyoneserves.security.CurrentUser;

/**
 * /learner/attempt.xhtml?id=N: all questions of an attempt on one page. "Save" keeps the answers (the page's script
 * also saves in the background after every change); "Submit" saves and hands the attempt in for scoring.
 */
@Named
@ViewScoped
public class AttemptBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient QuizService quizzes;

    @Inject
    transient CurrentUser currentUser;

    private Long id;
    private QuizService.AttemptView attempt;
    /** Single, scenario and true/false answers by question id: the original choice index, or "true"/"false". */
    private final Map<String, String> picked = new HashMap<>();
    /** Multiple-choice answers by question id. */
    private final Map<String, Object> many = new HashMap<>();
    /** Ordering answers by "questionId:itemIndex": the position (1-based) the learner gave the item. */
    private final Map<String, String> positions = new HashMap<>();

    public void load() {
        if (attempt != null) {
            return;
        }
        attempt = quizzes.attempt(currentUser.caller(), id == null ? -1 : id);
        for (QuizService.ShownView q : attempt.questions()) {
            Answer saved = q.saved();
            if (saved == null || saved.isSkipped()) {
                continue;
            }
            switch (q.kind()) {
                case TRUE_FALSE -> picked.put(q.id(), saved.value().toString());
                case MULTIPLE -> many.put(q.id(), saved.choices().stream().map(String::valueOf).toList());
                case ORDERING -> {
                    for (int p = 0; p < saved.choices().size(); p++) {
                        positions.put(q.id() + ":" + saved.choices().get(p), String.valueOf(p + 1));
                    }
                }
                default -> picked.put(q.id(), String.valueOf(saved.choices().get(0)));
            }
        }
    }

    public void save() {
        if (answered()) {
            quizzes.save(currentUser.caller(), id, answers());
            Messages.info("learner_attempt.message.saved");
        }
    }

    public String submit() {
        if (!answered()) {
            return null;
        }
        long submitted = quizzes.submit(currentUser.caller(), id, answers());
        return "/learner/result.xhtml?faces-redirect=true&id=" + submitted;
    }

    /** False, with a message next to the question, when an ordering gives two items the same place. */
    private boolean answered() {
        boolean ok = true;
        for (QuizService.ShownView q : attempt.questions()) {
            if (q.kind() == Question.Kind.ORDERING && ordering(q) == null && q.options().stream().anyMatch(o -> filled(q, o))) {
                Messages.error("learner_attempt.error.ordering", q.position());
                ok = false;
            }
        }
        return ok;
    }

    private boolean filled(QuizService.ShownView q, QuizService.Option o) {
        String value = positions.get(q.id() + ":" + o.index());
        return value != null && !value.isBlank();
    }

    List<Answer> answers() {
        List<Answer> answers = new ArrayList<>();
        for (QuizService.ShownView q : attempt.questions()) {
            switch (q.kind()) {
                case TRUE_FALSE -> {
                    String value = picked.get(q.id());
                    answers.add(value == null || value.isBlank() ? Answer.skipped(q.id()) : Answer.trueFalse(q.id(), Boolean.parseBoolean(value)));
                }
                case MULTIPLE -> answers.add(new Answer(q.id(), indexes(many.get(q.id())), null));
                case ORDERING -> {
                    List<Integer> order = ordering(q);
                    answers.add(order == null ? Answer.skipped(q.id()) : new Answer(q.id(), order, null));
                }
                default -> {
                    String value = picked.get(q.id());
                    answers.add(value == null || value.isBlank() ? Answer.skipped(q.id()) : Answer.picked(q.id(), index(value)));
                }
            }
        }
        return answers;
    }

    /** The items in the learner's order, or null unless every item has its own place. */
    private List<Integer> ordering(QuizService.ShownView q) {
        TreeMap<Integer, Integer> byPosition = new TreeMap<>();
        for (QuizService.Option o : q.options()) {
            String value = positions.get(q.id() + ":" + o.index());
            if (value == null || value.isBlank() || byPosition.put(index(value), o.index()) != null) {
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

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public QuizService.AttemptView getAttempt() { return attempt; }
    public Map<String, String> getPicked() { return picked; }
    public Map<String, Object> getMany() { return many; }
    public Map<String, String> getPositions() { return positions; }
}
