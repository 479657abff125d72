package org.everyoneserves.people.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.everyoneserves.people.Department;
import org.everyoneserves.people.JobRole;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.Messages;

/** /admin/organisation.xhtml: departments and job roles, with their headcount. */
@Named
@RequestScoped
public class OrganisationBacking {

    @Inject
    PersonService people;

    @Inject
    Caller caller;

    private final Department newDepartment = Department.blank();
    private final JobRole newJobRole = JobRole.blank();
    private Long newJobRoleDepartment;
    private Map<Long, Long> departmentHeadcount;
    private Map<Long, Long> jobRoleHeadcount;

    public String addDepartment() {
        people.createDepartment(caller, newDepartment);
        Messages.info("admin_organisation.message.departmentAdded", newDepartment.getName());
        return "/admin/organisation.xhtml?faces-redirect=true";
    }

    public String deleteDepartment(long id) {
        people.deleteDepartment(caller, id);
        Messages.info("admin_organisation.message.deleted");
        return "/admin/organisation.xhtml?faces-redirect=true";
    }

    public String addJobRole() {
        people.createJobRole(caller, newJobRole, newJobRoleDepartment);
        Messages.info("admin_organisation.message.jobRoleAdded", newJobRole.getName());
        return "/admin/organisation.xhtml?faces-redirect=true";
    }

    public String deleteJobRole(long id) {
        people.deleteJobRole(caller, id);
        Messages.info("admin_organisation.message.deleted");
        return "/admin/organisation.xhtml?faces-redirect=true";
    }

    public long departmentHeadcount(long id) {
        if (departmentHeadcount == null) {
            departmentHeadcount = people.headcountByDepartment();
        }
        return departmentHeadcount.getOrDefault(id, 0L);
    }

    public long jobRoleHeadcount(long id) {
        if (jobRoleHeadcount == null) {
            jobRoleHeadcount = people.headcountByJobRole();
        }
        return jobRoleHeadcount.getOrDefault(id, 0L);
    }

    public Department getNewDepartment() { return newDepartment; }
    public JobRole getNewJobRole() { return newJobRole; }
    public Long getNewJobRoleDepartment() { return newJobRoleDepartment; }
    public void setNewJobRoleDepartment(Long id) { this.newJobRoleDepartment = id; }
}
