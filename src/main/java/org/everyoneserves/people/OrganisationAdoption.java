package org.everyoneserves.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.everyoneserves.content.OrganisationPublished;
import org.everyoneserves.platform.Caller;

/** Creates the departments and job roles that imported content is written for and the organisation lacks. */
@ApplicationScoped
class OrganisationAdoption {

    @Inject
    PersonService people;

    void onPublished(@Observes OrganisationPublished published) {
        Map<String, String> departments = new LinkedHashMap<>();
        published.departments().forEach(d -> departments.put(d.code(), d.name()));
        Map<String, List<String>> roles = new LinkedHashMap<>();
        published.roles().forEach(r -> roles.put(r.code(), r.department() == null ? List.of(r.name()) : List.of(r.name(), r.department())));
        people.adoptOrganisation(Caller.SYSTEM, departments, roles);
    }
}
