package org.everyoneserves.people;

import java.util.List;

/** What importing a file of people would do, row by row. Applied only when it has no errors. */
public record ImportPlan(List<Row> rows, List<Issue> fileIssues, List<String> newDepartments, List<String> newJobRoles) implements java.io.Serializable {

    public enum Fate { CREATE, UPDATE, UNCHANGED, ERROR }

    /** @param changes the fields an update changes */
    public record Row(int line, String email, String name, Fate fate, List<String> changes, List<Issue> issues) implements java.io.Serializable {
    }

    /** A problem at a line and column (1-based) of the file. {@code code} is a message bundle key. */
    public record Issue(int line, int column, String field, String code, List<String> arguments) implements java.io.Serializable {
    }

    public boolean hasErrors() {
        return !fileIssues.isEmpty() || rows.stream().anyMatch(row -> row.fate() == Fate.ERROR);
    }

    public long count(Fate fate) {
        return rows.stream().filter(row -> row.fate() == fate).count();
    }

    public List<Issue> allIssues() {
        return java.util.stream.Stream.concat(fileIssues.stream(), rows.stream().flatMap(row -> row.issues().stream())).toList();
    }
}
