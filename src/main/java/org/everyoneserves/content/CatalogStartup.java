package org.everyoneserves.content;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.everyoneserves.content.files.ContentProblem;
import org.everyoneserves.platform.ApplicationStarted;
import org.everyoneserves.platform.Caller;

/**
 * Imports the content at deployment, before anything that needs the catalog (the demo organisation), unless the folder
 * and the build are those of the last import ({@link CatalogService#importIfChanged}). Content with errors is refused and
 * logged, and the application starts with the catalog it had.
 */
@ApplicationScoped
public class CatalogStartup {

    private static final Logger LOG = Logger.getLogger(CatalogStartup.class.getName());

    @Inject
    CatalogService catalog;

    @Inject
    ContentSource source;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION) ApplicationStarted started) {
        long t0 = System.nanoTime();
        Path root = source.root();
        Optional<CatalogService.Outcome> checked = catalog.importIfChanged(Caller.SYSTEM, root);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (checked.isEmpty()) {
            LOG.info(() -> String.format("Content from %s is as it was at the last import, for this build: not checked again (%d ms)", root, ms));
            return;
        }
        CatalogService.Preview preview = checked.get().preview();
        if (preview.refused()) {
            LOG.severe(() -> "Content in " + preview.source() + " was not imported: " + preview.errors() + " errors. The catalog stays as it was.");
            preview.problems().stream().filter(ContentProblem::isError).forEach(p -> LOG.severe(p::toString));
        } else {
            CatalogPlan plan = preview.plan();
            LOG.info(() -> String.format("Content from %s: %d new, %d minor, %d material, %d restored, %d retired, %d unchanged (%d warnings) in %d ms",
                    preview.source(), plan.count(CatalogPlan.Type.NEW), plan.count(CatalogPlan.Type.MINOR), plan.count(CatalogPlan.Type.MATERIAL),
                    plan.count(CatalogPlan.Type.RESTORED), plan.count(CatalogPlan.Type.RETIRED), plan.unchanged(), preview.warnings(), ms));
            if (LOG.isLoggable(Level.FINE)) {
                preview.problems().forEach(p -> LOG.fine(p::toString));
            }
        }
    }
}
