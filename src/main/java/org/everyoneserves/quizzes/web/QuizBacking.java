package org.everyoneserves.quizzes.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.quizzes.QuizService;

/** /learner/quiz.xhtml?id=code: what the quiz asks of the learner, their attempts so far, start or continue. */
@Named
@ViewScoped
public class QuizBacking implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    QuizService quizzes;

    @Inject
    Provider<Caller> caller;

    private String id;
    private QuizService.QuizIntro quiz;

    public void load() {
        quiz = quizzes.intro(caller.get(), id == null ? "" : id);
    }

    public String start() {
        long attempt = quizzes.start(caller.get(), id == null ? "" : id);
        return "/learner/attempt.xhtml?faces-redirect=true&id=" + attempt;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public QuizService.QuizIntro getQuiz() { return quiz; }
}
