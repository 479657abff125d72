package org.everyoneserves.quizzes.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.quizzes.QuizService;

/** /learner/result.xhtml?id=N: score, pass or not, feedback per question, what to review, attempts left. */
@Named
@ViewScoped
public class ResultBacking implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    QuizService quizzes;

    @Inject
    Provider<Caller> caller;

    private Long id;
    private QuizService.ResultView result;

    public void load() {
        result = quizzes.result(caller.get(), id == null ? -1 : id);
    }

    public String retry() {
        long attempt = quizzes.start(caller.get(), result == null ? quizzes.result(caller.get(), id).quizCode() : result.quizCode());
        return "/learner/attempt.xhtml?faces-redirect=true&id=" + attempt;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public QuizService.ResultView getResult() { return result; }
}
