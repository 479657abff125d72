package org.everyoneserves.quizzes.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.everyoneserves.quizzes.QuizService;
import org.everyoneserves.security.CurrentUser;

/** /learner/result.xhtml?id=N: score, pass or not, feedback per question, what to review, attempts left. */
@Named
@RequestScoped
public class ResultBacking {

    @Inject
    QuizService quizzes;

    @Inject
    CurrentUser currentUser;

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
