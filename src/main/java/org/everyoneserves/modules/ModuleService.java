package org.everyoneserves.modules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.everyoneserves.assignments.Assignment;
import org.everyoneserves.assignments.AssignmentService;
import org.everyoneserves.assignments.Completion;
import org.everyoneserves.assignments.ItemCompleted;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Published;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.PersonLock;

/** Reading modules: everyone signed in may read any current module; reading one to the end completes it. */
@ApplicationScoped
@Transactional
public class ModuleService {

    @Inject
    Catalog catalog;

    @Inject
    AssignmentService assignments;

    @Inject
    Event<ItemCompleted> completed;

    @Inject
    PersonLock personLock;

    /**
     * A module as its reader sees it.
     *
     * @param readOn     when the reader finished the current version, null if they have not
     * @param assignment the reader's live assignment of it, null if none
     * @param quiz       the quiz that checks this module, null if none
     */
    public record ModuleView(String code, String title, String summary, int minutes, String html, String text, int version,
                             String track, Instant readOn, LocalDate dueOn, QuizLink quiz) implements java.io.Serializable {
    }

    public record QuizLink(String code, String title) implements java.io.Serializable {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ModuleView module(@NotNull Caller caller, @NotNull String code) {
        Published<Definitions.Module> version = catalog.getModule(code);
        Definitions.Module module = version.definition();
        Instant readOn = assignments.lastCompletion(caller.personId(), version.versionId()).orElse(null);
        LocalDate dueOn = assignments.liveAssignment(caller.personId(), Assignment.Kind.MODULE, code).map(Assignment::getDueOn).orElse(null);
        QuizLink quiz = catalog.quizOfModule(code).map(q -> new QuizLink(q.code(), q.title())).orElse(null);
        return new ModuleView(code, version.title(), version.summary(), module.minutes(), version.html(), version.plainText(),
                version.number(), module.track(), readOn, dueOn, quiz);
    }

    /** The reader has read the current version to the end: their module assignment, if any, is done. */
    public void markRead(@NotNull Caller caller, @NotNull String code) {
        personLock.hold(caller.personId());
        long versionId = catalog.getModule(code).versionId();
        completed.fire(new ItemCompleted(caller.personId(), Assignment.Kind.MODULE, code, versionId, Completion.How.READ, null));
    }
}
