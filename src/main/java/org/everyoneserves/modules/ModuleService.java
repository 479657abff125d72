package org.everyoneserves.modules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.everyoneserves.assignments.Assignment;
import org.everyoneserves.assignments.AssignmentService;
import org.everyoneserves.assignments.Completion;
import org.everyoneserves.assignments.ItemCompleted;
import org.everyoneserves.content.CatalogItem;
import org.everyoneserves.content.CatalogService;
import org.everyoneserves.content.ContentVersion;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Drafts;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;

/** Reading modules: everyone signed in may read any current module; reading one to the end completes it. */
@ApplicationScoped
@Transactional
public class ModuleService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CatalogService catalog;

    @Inject
    AssignmentService assignments;

    @Inject
    Event<ItemCompleted> completed;

    /**
     * A module as its reader sees it.
     *
     * @param readOn     when the reader finished the current version, null if they have not
     * @param assignment the reader's live assignment of it, null if none
     * @param quiz       the quiz that checks this module, null if none
     */
    public record ModuleView(String code, String title, String summary, int minutes, String html, String text, int version,
                             String track, Instant readOn, Assignment assignment, QuizLink quiz) {

        public LocalDate dueOn() {
            return assignment == null ? null : assignment.getDueOn();
        }
    }

    public record QuizLink(String code, String title) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ModuleView module(@NotNull Caller caller, @NotNull String code) {
        ContentVersion version = catalog.current(CatalogItem.Kind.MODULE, code).orElseThrow(() -> BusinessException.notFound("module"));
        Definitions.Module module = Drafts.read(version.getDefinition(), Definitions.Module.class);
        Instant readOn = em.createQuery("select max(c.completedAt) from Completion c where c.personId = :person and c.versionId = :version",
                        Instant.class)
                .setParameter("person", caller.personId()).setParameter("version", version.getId()).getSingleResult();
        Assignment live = assignments.liveAssignment(caller.personId(), Assignment.Kind.MODULE, code).orElse(null);
        return new ModuleView(code, version.getTitle(), version.getSummary(), module.minutes(), version.getHtml(), version.getPlainText(),
                version.getNumber(), module.track(), readOn, live, quizFor(code));
    }

    /** The reader has read the current version to the end: their module assignment, if any, is done. */
    public void markRead(@NotNull Caller caller, @NotNull String code) {
        ContentVersion version = catalog.current(CatalogItem.Kind.MODULE, code).orElseThrow(() -> BusinessException.notFound("module"));
        completed.fire(new ItemCompleted(caller.personId(), Assignment.Kind.MODULE, code, version.getId(), Completion.How.READ, null));
    }

    private QuizLink quizFor(String moduleCode) {
        List<ContentVersion> quizzes = catalog.currentOfKind(CatalogItem.Kind.QUIZ);
        for (ContentVersion quiz : quizzes) {
            if (moduleCode.equals(Drafts.read(quiz.getDefinition(), Definitions.Quiz.class).module())) {
                return new QuizLink(quiz.getItem().getCode(), quiz.getTitle());
            }
        }
        return null;
    }
}
