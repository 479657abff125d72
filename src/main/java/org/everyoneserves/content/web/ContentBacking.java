package org.everyoneserves.content.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.everyoneserves.content.CatalogItem;
import org.everyoneserves.content.CatalogPlan;
import org.everyoneserves.content.CatalogRow;
import org.everyoneserves.content.CatalogService;
import org.everyoneserves.content.files.ContentProblem;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.Messages;

/**
 * /admin/content.xhtml: the catalog, a check of the content folder with what importing it would change, and the
 * import itself. The import checks the folder again, so what it applies is what the folder holds at that moment.
 */
@Named
@ViewScoped
public class ContentBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CatalogService catalog;

    @Inject
    Provider<Caller> caller;

    @Inject
    org.everyoneserves.platform.AppConfig config;

    private CatalogItem.Kind kind;
    private boolean includeRetired;
    private CatalogService.Preview preview;
    private CatalogService.Outcome outcome;
    private transient List<CatalogRow> rows;

    public void check() {
        outcome = null;
        preview = catalog.preview(caller.get());
    }

    public void importNow() {
        outcome = catalog.importNow(caller.get());
        preview = null;
        rows = null;
        if (outcome.preview().refused()) {
            Messages.error("admin_content.message.refused", outcome.preview().errors());
        } else if (!outcome.applied()) {
            Messages.info("admin_content.message.nothing", outcome.preview().plan().unchanged());
        } else {
            CatalogPlan plan = outcome.preview().plan();
            Messages.info("admin_content.message.imported", plan.count(CatalogPlan.Type.NEW) + plan.count(CatalogPlan.Type.RESTORED),
                    plan.count(CatalogPlan.Type.MINOR), plan.count(CatalogPlan.Type.MATERIAL), plan.count(CatalogPlan.Type.RETIRED));
        }
    }

    public void filter() {
        rows = null;
    }

    public List<CatalogRow> getRows() {
        if (rows == null) {
            rows = catalog.catalog(caller.get(), kind, includeRetired);
        }
        return rows;
    }

    public Map<CatalogItem.Kind, Long> getCounts() {
        return catalog.activeCounts();
    }

    public List<CatalogService.ImportRow> getHistory() {
        return catalog.history(caller.get(), 10);
    }

    public List<ContentProblem> getErrors() {
        return preview == null ? List.of() : preview.problems().stream().filter(ContentProblem::isError).toList();
    }

    public List<ContentProblem> getWarnings() {
        return preview == null ? List.of() : preview.problems().stream().filter(p -> !p.isError()).toList();
    }

    /** The content comes from the WAR, not from a folder an operator configured. */
    public boolean isPackaged() {
        return config.contentDir().isEmpty();
    }

    public CatalogItem.Kind[] getKinds() {
        return CatalogItem.Kind.values();
    }

    public CatalogService.Preview getPreview() { return preview; }
    public CatalogService.Outcome getOutcome() { return outcome; }
    public CatalogItem.Kind getKind() { return kind; }
    public void setKind(CatalogItem.Kind kind) { this.kind = kind; }
    public boolean isIncludeRetired() { return includeRetired; }
    public void setIncludeRetired(boolean includeRetired) { this.includeRetired = includeRetired; }
}
