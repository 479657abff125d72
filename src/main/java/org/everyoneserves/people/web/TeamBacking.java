package org.everyoneserves.people.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.security.CurrentUser;

/** /manager/index.xhtml: the manager's people, direct and indirect. */
@Named
@RequestScoped
public class TeamBacking {

    @Inject
    PersonService people;

    @Inject
    CurrentUser currentUser;

    private List<PersonSummary> team;

    public List<PersonSummary> getTeam() {
        if (team == null) {
            team = people.reportingLine(currentUser.caller());
        }
        return team;
    }

    public long getDirectCount() {
        long me = currentUser.caller().personId();
        return getTeam().stream().filter(p -> p.managerId() != null && p.managerId() == me).count();
    }

    public boolean isDirect(PersonSummary person) {
        return person.managerId() != null && person.managerId() == currentUser.caller().personId();
    }
}
