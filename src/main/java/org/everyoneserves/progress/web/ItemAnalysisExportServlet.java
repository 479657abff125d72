package org.everyoneserves.progress.web;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.progress.ItemAnalysisService;

/**
 * /admin/items.csv: the item analysis, one row per question of each quiz version, for admins. Figures have a dot as
 * decimal separator whatever the language; texts that a spreadsheet would run as a formula are quoted as text.
 */
@WebServlet("/admin/items.csv")
public class ItemAnalysisExportServlet extends HttpServlet {

    static final String[] HEADER = {"quiz", "quiz_title", "version", "question", "prompt", "kind", "attempts", "answered", "right",
            "facility", "discrimination", "wrong_choices", "flags"};

    @Inject
    ItemAnalysisService analysis;

    @Inject
    Provider<Caller> caller;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!caller.get().admin()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var quizzes = analysis.analysis(caller.get());
        response.setHeader("Content-Disposition", "attachment; filename=\"item-analysis-" + LocalDate.now(clock) + ".csv\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentType("text/csv; charset=UTF-8");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).build())) {
            for (ItemAnalysisService.QuizVersionItems quiz : quizzes) {
                for (ItemAnalysisService.ItemRow item : quiz.items()) {
                    var s = item.statistics();
                    csv.printRecord(CsvCells.of(quiz.quizCode(), quiz.title(), quiz.version(), item.questionId(), item.prompt(),
                            item.kind().code(), s.attempts(), s.answered(), s.right(), figure(s.facility()), figure(s.discrimination()),
                            item.distractors().stream().map(d -> d.text() + ": " + d.picked()).collect(Collectors.joining(" | ")),
                            item.flags().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" "))));
                }
            }
        }
    }

    private static String figure(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.3f", value);
    }
}
