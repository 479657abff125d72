package org.everyoneserves.progress.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.progress.ReportService;

/** /admin/reports.xhtml: completion across the organisation, its trend, and where the content is hardest. */
@Named
@RequestScoped
public class ReportsBacking {

    @Inject
    ReportService reports;

    @Inject
    Caller caller;

    private ReportService.OrganisationReport report;

    public ReportService.OrganisationReport getReport() {
        if (report == null) {
            report = reports.organisation(caller);
        }
        return report;
    }

    /** The largest month, for scaling the trend bars. */
    public long getMaxMonth() {
        return Math.max(1, getReport().months().stream().mapToLong(ReportService.MonthCount::completions).max().orElse(1));
    }
}
