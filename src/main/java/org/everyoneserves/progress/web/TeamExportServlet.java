package org.everyoneserves.progress.web;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
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
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.progress.ProgressService;
import org.everyoneserves.progress.TeamQuery;
import org.everyoneserves.progress.TeamRow;

/**
 * /manager/team.csv?status=&amp;department=&amp;role=&amp;sort=: what the team overview shows, every page of it, as CSV
 * (and /admin/people.csv: the same for the whole organisation, for admins),
 * streamed while the database reads it. Cells that a spreadsheet would run as a formula are quoted as text ({@link CsvCells}).
 */
@WebServlet({"/manager/team.csv", "/admin/people.csv", "/manager/team.xlsx", "/admin/people.xlsx"})
public class TeamExportServlet extends HttpServlet {

    static final String[] HEADER = {"name", "email", "department", "job_role", "manager", "required", "done", "percent", "overdue",
            "due_soon", "expiring", "next_due_on", "shadowing_done", "shadowing_due_on"};

    @Inject
    ProgressService progress;

    @Inject
    Provider<Caller> caller;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TeamQuery query;
        try {
            query = TeamQueries.from(request, TeamQuery.MAX_SIZE);
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        boolean organisation = request.getServletPath().startsWith("/admin/");
        if (organisation ? !caller.get().admin() : !caller.get().manager()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean xlsx = request.getServletPath().endsWith(".xlsx");
        String file = (organisation ? "people-" : "team-") + LocalDate.now(clock) + (xlsx ? ".xlsx" : ".csv");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        if (xlsx) {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            writeXlsx(response, organisation, query);
            return;
        }
        response.setContentType("text/csv; charset=UTF-8");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        // closed only when every row is written: a failure (the database away) leaves the buffered start unsent, so the
        // error answer replaces it instead of a download with the header alone
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).build());
        if (organisation) {
            progress.exportOrganisation(caller.get(), query, row -> print(csv, row));
        } else {
            progress.export(caller.get(), query, row -> print(csv, row));
        }
        csv.close();
    }

    /** The same rows as a workbook, written row by row: fastexcel flushes each batch to the response. */
    private void writeXlsx(HttpServletResponse response, boolean organisation, TeamQuery query) throws IOException {
        Workbook workbook = new Workbook(response.getOutputStream(), "Everyone Serves", "1.0");
        Worksheet sheet = workbook.newWorksheet(organisation ? "People" : "Team");
        for (int c = 0; c < HEADER.length; c++) {
            sheet.value(0, c, HEADER[c]);
            sheet.style(0, c).bold().set();
        }
        int[] row = {1};
        java.util.function.Consumer<TeamRow> sink = r -> {
            int n = row[0]++;
            Object[] values = {r.name(), r.email(), r.department(), r.jobRole(), r.manager(), r.required(), r.done(), r.percent(), r.overdue(),
                    r.dueSoon(), r.expiring(), r.nextDueOn(), r.shadowingDone(), r.shadowingDueOn()};
            for (int c = 0; c < values.length; c++) {
                Object v = values[c];
                if (v instanceof Number number) {
                    sheet.value(n, c, number);
                } else if (v instanceof LocalDate date) {
                    sheet.value(n, c, date);
                    sheet.style(n, c).format("yyyy-mm-dd").set();
                } else if (v != null) {
                    sheet.value(n, c, v.toString());
                }
            }
            if (n % 500 == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        if (organisation) {
            progress.exportOrganisation(caller.get(), query, sink);
        } else {
            progress.export(caller.get(), query, sink);
        }
        workbook.finish();
    }

    private static void print(CSVPrinter csv, TeamRow r) {
        try {
            csv.printRecord(CsvCells.of(r.name(), r.email(), r.department(), r.jobRole(), r.manager(), r.required(), r.done(),
                    r.percent(), r.overdue(), r.dueSoon(), r.expiring(), r.nextDueOn(), r.shadowingDone(), r.shadowingDueOn()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
