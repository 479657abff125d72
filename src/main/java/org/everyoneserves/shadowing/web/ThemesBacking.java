package org.everyoneserves.shadowing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.shadowing.Friction;
import org.everyoneserves.shadowing.Idea;
import org.everyoneserves.shadowing.ShadowingService;

/** /admin/themes.xhtml: the friction shadows saw most, month by month, and the ideas each department owns. */
@Named
@RequestScoped
public class ThemesBacking {

    @Inject
    ShadowingService shadowing;

    @Inject
    Caller caller;

    private ShadowingService.Themes themes;

    public ShadowingService.Themes getThemes() {
        if (themes == null) {
            themes = shadowing.themes(caller);
        }
        return themes;
    }

    /** The largest count of any tag, for scaling the bars. */
    public long getMaxCount() {
        return Math.max(1, getThemes().frictions().stream().mapToLong(ShadowingService.TagCount::total).max().orElse(1));
    }

    public List<Friction> getFrictions() {
        return List.of(Friction.values());
    }

    public List<Idea.Status> getStatuses() {
        return List.of(Idea.Status.values());
    }
}
