package org.everyoneserves.people.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.everyoneserves.people.PersonService;

/** /admin/index.xhtml: the organisation at a glance. */
@Named
@RequestScoped
public class AdminHomeBacking {

    @Inject
    PersonService people;

    public long getActivePeople() {
        return people.countPeople(true);
    }

    public long getAllPeople() {
        return people.countPeople(false);
    }
}
