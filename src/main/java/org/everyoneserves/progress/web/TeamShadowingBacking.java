package org.everyoneserves.progress.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.progress.ShadowingReport;

/** /manager/shadowing.xhtml: who in the reporting line owes a shadowing session, and where seats are short. */
@Named
@RequestScoped
public class TeamShadowingBacking {

    @Inject
    ShadowingReport report;

    @Inject
    Caller caller;

    private ShadowingReport.TeamView team;

    public ShadowingReport.TeamView getTeam() {
        if (team == null) {
            team = report.team(caller);
        }
        return team;
    }

    public int getHorizonDays() {
        return ShadowingReport.CAPACITY_DAYS;
    }
}
