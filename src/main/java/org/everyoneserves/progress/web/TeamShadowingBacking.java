package org.everyoneserves.progress.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.everyoneserves.progress.ShadowingReport;
import org.everyoneserves.security.CurrentUser;

/** /manager/shadowing.xhtml: who in the reporting line owes a shadowing session, and where seats are short. */
@Named
@RequestScoped
public class TeamShadowingBacking {

    @Inject
    ShadowingReport report;

    @Inject
    CurrentUser currentUser;

    private ShadowingReport.TeamView team;

    public ShadowingReport.TeamView getTeam() {
        if (team == null) {
            team = report.team(currentUser.caller());
        }
        return team;
    }

    public int getHorizonDays() {
        return ShadowingReport.CAPACITY_DAYS;
    }
}
