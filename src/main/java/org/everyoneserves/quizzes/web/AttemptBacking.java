package org.everyoneserves.quizzes.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import java.io.Serializable;
import java.util.List;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.quizzes.Answer;
import org.everyoneserves.quizzes.AnswerForm;
import org.everyoneserves.quizzes.QuizService;

/**
 * /learner/attempt.xhtml?id=N: all questions of an attempt on one page. "Save" keeps the answers (the page's script
 * also saves in the background after every change); "Submit" saves and hands the attempt in for scoring.
 */
@Named
@ViewScoped
public class AttemptBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    QuizService quizzes;

    @Inject
    Provider<Caller> caller;

    private Long id;
    private QuizService.AttemptView attempt;
    private final AnswerForm form = new AnswerForm();

    public void load() {
        if (attempt != null) {
            return;
        }
        attempt = quizzes.attempt(caller.get(), id == null ? -1 : id);
        for (QuizService.ShownView q : attempt.questions()) {
            form.fill(q.id(), q.kind(), q.saved());
        }
    }

    public void save() {
        if (answered()) {
            quizzes.save(caller.get(), id, answers());
            Messages.info("learner_attempt.message.saved");
        }
    }

    public String submit() {
        if (!answered()) {
            return null;
        }
        long submitted = quizzes.submit(caller.get(), id, answers());
        return "/learner/result.xhtml?faces-redirect=true&id=" + submitted;
    }

    /** False, with a message next to the question, when an ordering gives two items the same place. */
    private boolean answered() {
        boolean ok = true;
        for (QuizService.ShownView q : attempt.questions()) {
            if (form.isOrderingIncomplete(q.id(), q.kind(), indexes(q))) {
                Messages.error("learner_attempt.error.ordering", q.position());
                ok = false;
            }
        }
        return ok;
    }

    List<Answer> answers() {
        return attempt.questions().stream().map(q -> form.answer(q.id(), q.id(), q.kind(), indexes(q))).toList();
    }

    private static List<Integer> indexes(QuizService.ShownView q) {
        return q.options().stream().map(QuizService.Option::index).toList();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public QuizService.AttemptView getAttempt() { return attempt; }
    public AnswerForm getForm() { return form; }
}
