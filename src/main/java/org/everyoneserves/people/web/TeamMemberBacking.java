package org.everyoneserves.people.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.Caller;

/** /manager/person.xhtml?id=N: one person of the manager's reporting line; anyone else is "not found". */
@Named
@RequestScoped
public class TeamMemberBacking {

    @Inject
    PersonService people;

    @Inject
    Caller caller;

    private Long id;
    private PersonSummary person;

    public void load() {
        person = people.get(caller, id == null ? -1 : id);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public PersonSummary getPerson() { return person; }
}
