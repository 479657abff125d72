package org.everyoneserves.quizzes.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.everyoneserves.quizzes.QuizService;
import org.everyoneserves.security.CurrentUser;

/** /learner/result.xhtml?id=N: score, pass or not, feedback per question, what to review, attempts left. */
@Named
@ViewScoped
public class ResultBacking implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient QuizService quizzes;

    @Inject
    transient CurrentUser currentUser;

    private Long id;
    private QuizService.ResultView result;

    public void load() {
        result = quizzes.result(currentUser.caller(), id == null ? -1 : id);
    }

    public String retry() {
        long attempt = quizzes.start(currentUser.caller(), result == null ? quizzes.result(currentUser.caller(), id).quizCode() : result.quizCode());
        return "/learner/attempt.xhtml?faces-redirect=true&id=" + attempt;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public QuizService.ResultView getResult() { return result; }
}
