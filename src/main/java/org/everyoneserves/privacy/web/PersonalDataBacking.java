package org.everyoneserves.privacy.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.privacy.Exports;
import org.everyoneserves.privacy.PrivacyService;

/** /account/data.xhtml: a person asks for an export of everything the platform holds about them and downloads it. */
@Named
@RequestScoped
public class PersonalDataBacking {

    @Inject
    PrivacyService privacy;

    @Inject
    Caller caller;

    private List<PrivacyService.ExportLine> exports;

    public String request() {
        privacy.requestExport(caller, caller.personId());
        Messages.info("account_data.message.requested");
        return "/account/data.xhtml?faces-redirect=true";
    }

    public List<PrivacyService.ExportLine> getExports() {
        if (exports == null) {
            exports = privacy.exports(caller, false);
        }
        return exports;
    }

    public boolean isWaiting() {
        return getExports().stream().anyMatch(e -> !e.offered() && e.status() != org.everyoneserves.privacy.PersonalDataExport.Status.FAILED
                && e.status() != org.everyoneserves.privacy.PersonalDataExport.Status.READY);
    }

    public int getOfferedDays() {
        return Exports.OFFERED_DAYS;
    }
}
