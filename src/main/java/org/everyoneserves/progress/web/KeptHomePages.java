package org.everyoneserves.progress.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.api.ChangeStamps;
import org.everyoneserves.platform.web.KeptPage;
import org.everyoneserves.progress.ProgressService;
import org.everyoneserves.shadowing.ShadowingService;

/**
 * The two pages people open most, kept by {@code KeptPagesFilter} while unchanged: the learner's home and the manager's
 * overview of their team. Here, in progress, because their content comes from every feature a person's progress does
 * (the plan, refreshers, shadowing, the team) and this feature already sees them all.
 */
final class KeptHomePages {

    private KeptHomePages() {
    }

    /**
     * /learner/index.xhtml: the person's plan and certificate (their change stamp of plan: assignments, progress, their
     * own row's start date), today's refreshers (refreshers), the next shadowing session (bookings, and how many of the
     * booked slots have started), whether they may host (their job role, counted by their own row in the layout's key)
     * and the titles of the current catalog (its generation).
     */
    @ApplicationScoped
    static class LearnerHome implements KeptPage {

        @Inject
        Provider<Caller> caller;

        @Inject
        ChangeStamps stamps;

        @Inject
        ShadowingService shadowing;

        @Inject
        Catalog catalog;

        @Override
        public String path() {
            return "/learner/index.xhtml";
        }

        @Override
        public String basis(HttpServletRequest request) {
            Caller me = caller.get();
            ChangeStamps.Stamps mine = stamps.of(me.personId());
            return catalog.generation() + "|" + mine.plan() + "|" + mine.refreshers() + "|" + mine.bookings() + "."
                    + shadowing.startedBookings(me, mine.bookings());
        }
    }

    /**
     * /manager/index.xhtml: the team's rows and counts ({@link ProgressService#teamStamp}), the departments and job roles
     * of its filters (everyone's stamp, in the layout's key) and the parameters (in the address, in the key).
     */
    @ApplicationScoped
    static class TeamOverview implements KeptPage {

        @Inject
        Provider<Caller> caller;

        @Inject
        ProgressService progress;

        @Inject
        Catalog catalog;

        @Override
        public String path() {
            return "/manager/index.xhtml";
        }

        @Override
        public Set<String> parameters() {
            return Set.of("status", "department", "role", "sort", "page");
        }

        @Override
        public String basis(HttpServletRequest request) {
            Caller me = caller.get();
            return me.manager() ? catalog.generation() + "|" + progress.teamStamp(me) : null;
        }
    }
}
