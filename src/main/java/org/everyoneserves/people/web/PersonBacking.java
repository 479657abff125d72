package org.everyoneserves.people.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.everyoneserves.people.PersonDetails;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.audit.AuditEntry;
import org.everyoneserves.platform.audit.AuditLog;
import org.everyoneserves.platform.web.FieldErrors;
import org.everyoneserves.platform.web.Messages;

/** /admin/person.xhtml[?id=N]: create or edit a person, deactivate or reactivate them, give them a password link. */
@Named
@ViewScoped
public class PersonBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PersonService people;

    @Inject
    AuditLog audit;

    @Inject
    Provider<Caller> caller;

    @Inject
    Clock clock;

    private Long id;
    private PersonDetails details;
    private PersonSummary summary;

    public void load() {
        if (details != null) {
            return;
        }
        if (id == null) {
            details = new PersonDetails();
            details.setStartDate(LocalDate.now(clock));
        } else {
            details = people.details(caller.get(), id);
            summary = people.get(caller.get(), id);
        }
    }

    public String save() {
        try {
            if (id == null) {
                long created = people.create(caller.get(), details);
                Messages.info("admin_person.message.created", details.getFirstName() + " " + details.getLastName());
                return "/admin/person.xhtml?faces-redirect=true&id=" + created;
            }
            people.update(caller.get(), id, details);
        } catch (BusinessException e) {
            FieldErrors.of(e)
                    .on("person:email", "people.error.duplicateEmail")
                    .on("person:manager", "people.error.unknownManager", "people.error.managerCycle")
                    .show();
            return null;
        }
        Messages.info("admin_person.message.saved");
        return "/admin/person.xhtml?faces-redirect=true&id=" + id;
    }

    public String deactivate() {
        people.deactivate(caller.get(), id);
        Messages.info("admin_person.message.deactivated", summary.displayName());
        return "/admin/person.xhtml?faces-redirect=true&id=" + id;
    }

    public String reactivate() {
        people.reactivate(caller.get(), id);
        Messages.info("admin_person.message.reactivated", summary.displayName());
        return "/admin/person.xhtml?faces-redirect=true&id=" + id;
    }

    public List<AuditEntry> getHistory() {
        return id == null ? List.of() : audit.forSubject("person", id, 20);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public PersonDetails getDetails() { return details; }
    public PersonSummary getSummary() { return summary; }
}
