package org.everyoneserves.progress.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.progress.ShadowingReport;
import org.everyoneserves.shadowing.Friction;
import org.everyoneserves.shadowing.Idea;

/** /admin/themes.xhtml: the friction shadows saw most, month by month, and the ideas each department owns. */
@Named
@RequestScoped
public class ThemesBacking {

    @Inject
    ShadowingReport report;

    @Inject
    Caller caller;

    private ShadowingReport.Themes themes;

    public ShadowingReport.Themes getThemes() {
        if (themes == null) {
            themes = report.themes(caller);
        }
        return themes;
    }

    /** The largest count of any tag, for scaling the bars. */
    public long getMaxCount() {
        return Math.max(1, getThemes().frictions().stream().mapToLong(ShadowingReport.TagCount::total).max().orElse(1));
    }

    public List<Friction> getFrictions() {
        return List.of(Friction.values());
    }

    public List<Idea.Status> getStatuses() {
        return List.of(Idea.Status.values());
    }
}
