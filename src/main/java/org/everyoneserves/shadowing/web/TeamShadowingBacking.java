package org.everyoneserves.shadowing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.shadowing.ShadowingService;

/** /manager/shadowing.xhtml: who in the reporting line owes a shadowing session, and where seats are short. */
@Named
@RequestScoped
public class TeamShadowingBacking {

    @Inject
    ShadowingService shadowing;

    @Inject
    Caller caller;

    private ShadowingService.TeamView team;

    public ShadowingService.TeamView getTeam() {
        if (team == null) {
            team = shadowing.team(caller);
        }
        return team;
    }

    public int getHorizonDays() {
        return ShadowingService.CAPACITY_DAYS;
    }
}
