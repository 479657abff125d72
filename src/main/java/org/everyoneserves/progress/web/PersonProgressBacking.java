package org.everyoneserves.progress.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.everyoneserves.assignments.AssignmentService;
import org.everyoneserves.assignments.Certificate;
import org.everyoneserves.assignments.Plan;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.shadowing.ShadowingService;

/**
 * The training part of /manager/person.xhtml?id=N: the person's plan, certificate and the shadowing reflections the
 * manager may read. Every read is scoped by the services, so an id outside the reporting line shows nothing.
 */
@Named
@RequestScoped
public class PersonProgressBacking {

    @Inject
    AssignmentService assignments;

    @Inject
    ShadowingService shadowing;

    @Inject
    Caller caller;

    @Inject
    org.everyoneserves.quizzes.QuizService quizzes;

    private List<org.everyoneserves.quizzes.QuizService.AttemptLine> attempts;

    private Long id;
    private Plan plan;
    private Certificate certificate;
    private List<ShadowingService.ReflectionLine> reflections;

    /** Runs after the page's person check, which answers "not found" for anyone outside the reporting line. */
    public void load() {
        plan = assignments.plan(caller, id);
        certificate = assignments.certificate(caller, id, plan).orElse(null);
        reflections = shadowing.reflectionsOf(caller, id);
        attempts = quizzes.submittedAttempts(caller, id);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Plan getPlan() { return plan; }
    public Certificate getCertificate() { return certificate; }
    public List<ShadowingService.ReflectionLine> getReflections() { return reflections; }
    public List<org.everyoneserves.quizzes.QuizService.AttemptLine> getAttempts() { return attempts; }
}
