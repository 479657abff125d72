package org.everyoneserves.people.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.everyoneserves.people.Department;
import org.everyoneserves.people.JobRole;
import org.everyoneserves.people.PersonService;

/**
 * The departments and job roles, by name, for every page that lists them or offers them in a menu:
 * {@code #{organisation.departments}}. Read once per request.
 */
@Named
@RequestScoped
public class Organisation {

    @Inject
    PersonService people;

    private List<Department> departments;
    private List<JobRole> jobRoles;

    public List<Department> getDepartments() {
        if (departments == null) {
            departments = people.departments();
        }
        return departments;
    }

    public List<JobRole> getJobRoles() {
        if (jobRoles == null) {
            jobRoles = people.jobRoles();
        }
        return jobRoles;
    }
}
