package org.everyoneserves.assignments.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.everyoneserves.assignments.AssignmentService;
import org.everyoneserves.content.CatalogItem;
import org.everyoneserves.content.CatalogRow;
import org.everyoneserves.content.CatalogService;
import org.everyoneserves.people.Person;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.FieldErrors;
import org.everyoneserves.platform.web.Messages;

/** /admin/assign.xhtml: assign a module, quiz or shadowing guide by hand to a person, a department or a job role. */
@Named
@ViewScoped
public class AssignBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AssignmentService assignments;

    @Inject
    CatalogService catalog;

    @Inject
    PersonService people;

    @Inject
    Provider<Caller> caller;

    @Inject
    Clock clock;

    private AssignableItem item;
    private AssignmentService.Target target = AssignmentService.Target.PERSON;
    private String email;
    private Long departmentId;
    private Long jobRoleId;
    private LocalDate dueOn;

    /** Two weeks from today unless the admin picks another day. */
    @PostConstruct
    void init() {
        dueOn = LocalDate.now(clock).plusDays(14);
    }

    /** The item, the target's menu and the due date are required by the page; a person is found by their e-mail. */
    public void assign() {
        long targetId;
        switch (target) {
            case PERSON -> {
                Optional<Person> person = email == null || email.isBlank() ? Optional.empty() : people.findByEmail(email.strip());
                if (person.isEmpty()) {
                    Messages.fieldError("assign:email", "assign.error.unknownPerson", email == null ? "" : email);
                    return;
                }
                targetId = person.get().getId();
            }
            case DEPARTMENT -> targetId = departmentId;
            default -> targetId = jobRoleId;
        }
        int count;
        try {
            count = assignments.assign(caller.get(), target, targetId, item.kind(), item.code(), dueOn);
        } catch (BusinessException e) {
            FieldErrors.of(e).on("assign:dueOn", "assign.error.pastDue").on("assign:item", "assign.error.unknownItem").show();
            return;
        }
        Messages.info("assign.message.done", count);
    }

    /** The modules, quizzes and shadowing guides that can be assigned; the page offers each as {@link #itemOf}. */
    public List<CatalogRow> getItems() {
        List<CatalogRow> items = new ArrayList<>();
        for (CatalogItem.Kind kind : List.of(CatalogItem.Kind.MODULE, CatalogItem.Kind.QUIZ, CatalogItem.Kind.GUIDE)) {
            items.addAll(catalog.catalog(caller.get(), kind, false));
        }
        return items;
    }

    public AssignableItem itemOf(CatalogRow row) {
        return AssignableItem.of(row);
    }

    public AssignmentService.Target[] getTargets() {
        return AssignmentService.Target.values();
    }

    public AssignableItem getItem() { return item; }
    public void setItem(AssignableItem item) { this.item = item; }
    public AssignmentService.Target getTarget() { return target; }
    public void setTarget(AssignmentService.Target target) { this.target = target; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
    public Long getJobRoleId() { return jobRoleId; }
    public void setJobRoleId(Long jobRoleId) { this.jobRoleId = jobRoleId; }
    public LocalDate getDueOn() { return dueOn; }
    public void setDueOn(LocalDate dueOn) { this.dueOn = dueOn; }
}
