package org.everyoneserves.progress.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.FieldErrors;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.progress.ProgressService;

/** The "send a reminder" forms of the manager's pages: to one person, or to everyone in the team who is overdue. */
@Named
@RequestScoped
public class NudgeBacking {

    @Inject
    ProgressService progress;

    @Inject
    Caller caller;

    private Long id;
    private String note;

    public String send() {
        String name;
        try {
            name = progress.nudge(caller, id == null ? -1 : id, note);
        } catch (BusinessException e) {
            FieldErrors.of(e).on("nudge:note", "nudge.error.noteTooLong").show();
            return null;
        }
        Messages.info("nudge.message.sent", name);
        return "/manager/person.xhtml?faces-redirect=true&id=" + id;
    }

    public String overdue() {
        int count;
        try {
            count = progress.nudgeOverdue(caller, note);
        } catch (BusinessException e) {
            FieldErrors.of(e).on("nudgeOverdue:note", "nudge.error.noteTooLong").show();
            return null;
        }
        Messages.info("nudge.message.sentOverdue", count);
        return "/manager/index.xhtml?faces-redirect=true&status=OVERDUE";
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
