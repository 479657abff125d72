package org.everyoneserves.progress.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.everyoneserves.progress.ProgressService;
import org.everyoneserves.progress.TeamQuery;
import org.everyoneserves.progress.TeamRow;
import org.everyoneserves.security.CurrentUser;

/**
 * /manager/team.csv?status=&amp;department=&amp;role=&amp;sort=: what the team overview shows, every page of it, as CSV
 * (and /admin/people.csv: the same for the whole organisation, for admins),
 * streamed while the database reads it. Cells that a spreadsheet would run as a formula are quoted as text.
 */
@WebServlet({"/manager/team.csv", "/admin/people.csv"})
public class TeamExportServlet extends HttpServlet {

    static final String[] HEADER = {"name", "email", "department", "job_role", "manager", "required", "done", "percent", "overdue",
            "due_soon", "expiring", "next_due_on", "shadowing_done", "shadowing_due_on"};

    @Inject
    ProgressService progress;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TeamQuery query = TeamQueries.from(request, TeamQuery.MAX_SIZE);
        boolean organisation = request.getServletPath().startsWith("/admin/");
        if (organisation ? !currentUser.caller().admin() : !currentUser.caller().manager()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + (organisation ? "people-" : "team-") + LocalDate.now(clock) + ".csv\"");
        response.setHeader("Cache-Control", "private, no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).build())) {
            if (organisation) {
                progress.exportOrganisation(currentUser.caller(), query, row -> print(csv, row));
            } else {
                progress.export(currentUser.caller(), query, row -> print(csv, row));
            }
        }
    }

    private static void print(CSVPrinter csv, TeamRow r) {
        try {
            csv.printRecord(text(r.name()), r.email(), text(r.department()), text(r.jobRole()), text(r.manager()), r.required(), r.done(),
                    r.percent(), r.overdue(), r.dueSoon(), r.expiring(), r.nextDueOn() == null ? "" : r.nextDueOn(), r.shadowingDone(),
                    r.shadowingDueOn() == null ? "" : r.shadowingDueOn());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value that starts like a formula (=, +, -, @) is prefixed with an apostrophe so spreadsheets show it as text. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
