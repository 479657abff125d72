package org.everyoneserves.people;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a people file as HR systems export it: a header line, then one person a line. Headers are matched loosely
 * ("E-mail", "Work Email" and "email" are the same column); commas or semicolons separate the fields.
 */
final class PeopleCsv {

    enum Column {
        EMAIL("email", true, "email", "emailaddress", "workemail", "mail"),
        FIRST_NAME("first_name", true, "firstname", "givenname", "forename"),
        LAST_NAME("last_name", true, "lastname", "surname", "familyname"),
        DEPARTMENT("department", false, "department", "dept", "team"),
        JOB_ROLE("job_role", false, "jobrole", "jobtitle", "role", "title", "position"),
        MANAGER_EMAIL("manager_email", false, "manageremail", "manager", "supervisoremail", "reportsto", "linemanageremail"),
        START_DATE("start_date", true, "startdate", "hiredate", "datehired", "joiningdate"),
        LOCALE("locale", false, "locale", "language");

        final String label;
        final boolean required;
        final List<String> aliases;

        Column(String label, boolean required, String... aliases) {
            this.label = label;
            this.required = required;
            this.aliases = List.of(aliases);
        }

        static Column of(String header) {
            String key = header.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            for (Column column : values()) {
                if (column.aliases.contains(key)) {
                    return column;
                }
            }
            return null;
        }
    }

    /** One data line: the values by column, and the 1-based position of each column in the file. */
    record Line(int number, Map<Column, String> values) {
        String get(Column column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        boolean has(Column column) {
            return values.containsKey(column);
        }
    }

    record Parsed(List<Line> lines, Map<Column, Integer> positions, List<ImportPlan.Issue> issues) {
    }

    static final int MAX_LINES = 100_000;

    private PeopleCsv() {
    }

    static Parsed parse(String text) {
        List<ImportPlan.Issue> issues = new ArrayList<>();
        Map<Column, Integer> positions = new LinkedHashMap<>();
        List<Line> lines = new ArrayList<>();
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (content.isBlank()) {
            issues.add(new ImportPlan.Issue(1, 1, null, "import.error.empty", List.of()));
            return new Parsed(lines, positions, issues);
        }
        char delimiter = detectDelimiter(content);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            long lastLine = 0;
            boolean header = true;
            for (CSVRecord record : parser) {
                int number = (int) lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (header) {
                    header = false;
                    readHeader(record, positions, issues);
                    if (!issues.isEmpty()) {
                        return new Parsed(lines, positions, issues);
                    }
                    continue;
                }
                if (lines.size() == MAX_LINES) {
                    issues.add(new ImportPlan.Issue(number, 1, null, "import.error.tooManyLines", List.of(String.valueOf(MAX_LINES))));
                    break;
                }
                Map<Column, String> values = new LinkedHashMap<>();
                positions.forEach((column, position) -> values.put(column, position - 1 < record.size() ? record.get(position - 1) : ""));
                lines.add(new Line(number, values));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            issues.add(new ImportPlan.Issue(1, 1, null, "import.error.unreadable", List.of()));
        }
        if (lines.isEmpty() && issues.isEmpty()) {
            issues.add(new ImportPlan.Issue(2, 1, null, "import.error.noRows", List.of()));
        }
        return new Parsed(lines, positions, issues);
    }

    private static void readHeader(CSVRecord record, Map<Column, Integer> positions, List<ImportPlan.Issue> issues) {
        for (int i = 0; i < record.size(); i++) {
            Column column = Column.of(record.get(i));
            if (column != null && !positions.containsKey(column)) {
                positions.put(column, i + 1);
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !positions.containsKey(column)) {
                issues.add(new ImportPlan.Issue(1, 1, column.label, "import.error.missingColumn", List.of(column.label)));
            }
        }
    }

    private static char detectDelimiter(String content) {
        int end = content.indexOf('\n');
        String first = end < 0 ? content : content.substring(0, end);
        return first.chars().filter(c -> c == ';').count() > first.chars().filter(c -> c == ',').count() ? ';' : ',';
    }
}
