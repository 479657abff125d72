package org.everyoneserves.people.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.everyoneserves.people.Department;
import org.everyoneserves.people.JobRole;
import org.everyoneserves.people.PersonDetails;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.audit.AuditEntry;
import org.everyoneserves.platform.audit.AuditLog;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.security.AccountService;
import org.everyoneserves.security.CurrentUser;

/** /admin/person.xhtml[?id=N]: create or edit a person, deactivate or reactivate them, give them a password link. */
@Named
@ViewScoped
public class PersonBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PersonService people;

    @Inject
    transient AccountService accounts;

    @Inject
    transient AuditLog audit;

    @Inject
    transient CurrentUser currentUser;

    @Inject
    Clock clock;

    private Long id;
    private PersonDetails details;
    private PersonSummary summary;
    private AccountService.IssuedLink issuedLink;
    private transient List<Department> departments;
    private transient List<JobRole> jobRoles;

    public void load() {
        if (details != null) {
            return;
        }
        if (id == null) {
            details = new PersonDetails();
            details.setStartDate(LocalDate.now(clock));
        } else {
            details = people.details(currentUser.caller(), id);
            summary = people.get(currentUser.caller(), id);
        }
    }

    public String save() {
        try {
            if (id == null) {
                long created = people.create(currentUser.caller(), details);
                Messages.info("admin_person.message.created", details.getFirstName() + " " + details.getLastName());
                return "/admin/person.xhtml?faces-redirect=true&id=" + created;
            }
            people.update(currentUser.caller(), id, details);
        } catch (BusinessException e) {
            switch (e.code()) {
                case "people.error.duplicateEmail" -> Messages.fieldError("person:email", e.code(), e.arguments().toArray());
                case "people.error.unknownManager", "people.error.managerCycle" ->
                        Messages.fieldError("person:manager", e.code(), e.arguments().toArray());
                default -> throw e;
            }
            return null;
        }
        Messages.info("admin_person.message.saved");
        return "/admin/person.xhtml?faces-redirect=true&id=" + id;
    }

    public String deactivate() {
        people.deactivate(currentUser.caller(), id);
        Messages.info("admin_person.message.deactivated", summary.displayName());
        return "/admin/person.xhtml?faces-redirect=true&id=" + id;
    }

    public String reactivate() {
        people.reactivate(currentUser.caller(), id);
        Messages.info("admin_person.message.reactivated", summary.displayName());
        return "/admin/person.xhtml?faces-redirect=true&id=" + id;
    }

    public void issuePasswordLink() {
        issuedLink = accounts.issueSetPasswordLink(currentUser.caller(), id);
    }

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

    public List<AuditEntry> getHistory() {
        return id == null ? List.of() : audit.forSubject("person", id, 20);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public PersonDetails getDetails() { return details; }
    public PersonSummary getSummary() { return summary; }
    public AccountService.IssuedLink getIssuedLink() { return issuedLink; }
}
