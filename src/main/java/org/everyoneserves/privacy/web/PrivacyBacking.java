package org.everyoneserves.privacy.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.FieldErrors;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.privacy.Policies;
import org.everyoneserves.privacy.PrivacyService;
import org.everyoneserves.privacy.RetentionJob;

/**
 * /admin/privacy.xhtml: answer a person's request (export their data, or erase them with a reason after typing their
 * e-mail again), set how long each kind of data is kept, and see what the daily runs removed.
 */
@Named
@ViewScoped
public class PrivacyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PrivacyService privacy;

    @Inject
    Provider<Caller> caller;

    private String email;
    private Long personId;
    private String reason;
    private String confirmation;
    private boolean keepText;
    private HashMap<String, Integer> days;

    private transient PersonSummary person;
    private transient List<Policies.Policy> policies;
    private transient List<RetentionJob.Run> runs;
    private transient List<PrivacyService.ExportLine> exports;

    public String find() {
        person = privacy.findForRequest(caller.get(), email).orElse(null);
        if (person == null) {
            Messages.fieldError("request:email", "admin_privacy.error.notFound");
            personId = null;
            return null;
        }
        personId = person.id();
        return null;
    }

    public String export() {
        privacy.requestExport(caller.get(), requirePerson());
        Messages.info("admin_privacy.message.exportRequested", getPerson().displayName());
        return "/admin/privacy.xhtml?faces-redirect=true";
    }

    public String erase() {
        PersonSummary target = getPerson();
        if (target == null) {
            return null;
        }
        if (confirmation == null || !confirmation.strip().equalsIgnoreCase(target.email())) {
            Messages.fieldError("erase:confirmation", "admin_privacy.error.confirmation");
            return null;
        }
        try {
            privacy.erase(caller.get(), target.id(), reason, keepText);
        } catch (BusinessException e) {
            FieldErrors.of(e).on("erase:reason", "privacy.error.reasonMissing", "privacy.error.reasonTooLong").show();
            return null;
        }
        Messages.info("admin_privacy.message.erased", target.id());
        return "/admin/privacy.xhtml?faces-redirect=true";
    }

    public String savePolicies() {
        try {
            privacy.changePolicies(caller.get(), getDays());
        } catch (BusinessException e) {
            Messages.error(e);
            return null;
        }
        Messages.info("admin_privacy.message.policiesSaved");
        return "/admin/privacy.xhtml?faces-redirect=true";
    }

    private long requirePerson() {
        if (personId == null) {
            throw BusinessException.notFound("person");
        }
        return personId;
    }

    public PersonSummary getPerson() {
        if (person == null && personId != null) {
            person = privacy.findForRequest(caller.get(), email).filter(p -> p.id() == personId).orElse(null);
        }
        return person;
    }

    public List<Policies.Policy> getPolicies() {
        if (policies == null) {
            policies = privacy.policies(caller.get());
        }
        return policies;
    }

    public Map<String, Integer> getDays() {
        if (days == null) {
            days = new LinkedHashMap<>();
            getPolicies().forEach(p -> days.put(p.kind(), p.days()));
        }
        return days;
    }

    public List<RetentionJob.Run> getRuns() {
        if (runs == null) {
            runs = privacy.runs(caller.get());
        }
        return runs;
    }

    public List<PrivacyService.ExportLine> getExports() {
        if (exports == null) {
            exports = privacy.exports(caller.get(), true);
        }
        return exports;
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    public boolean isKeepText() { return keepText; }
    public void setKeepText(boolean keepText) { this.keepText = keepText; }
}
