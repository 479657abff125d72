package org.everyoneserves.people;

import static org.everyoneserves.people.PeopleCsv.Column.DEPARTMENT;
import static org.everyoneserves.people.PeopleCsv.Column.EMAIL;
import static org.everyoneserves.people.PeopleCsv.Column.FIRST_NAME;
import static org.everyoneserves.people.PeopleCsv.Column.JOB_ROLE;
import static org.everyoneserves.people.PeopleCsv.Column.LAST_NAME;
import static org.everyoneserves.people.PeopleCsv.Column.LOCALE;
import static org.everyoneserves.people.PeopleCsv.Column.MANAGER_EMAIL;
import static org.everyoneserves.people.PeopleCsv.Column.START_DATE;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides the fate of every line of a people file against what the organisation holds now. Pure: it reads a
 * snapshot and writes nothing, so the preview and the apply step compute the same plan.
 */
final class ImportPlanner {

    /** A person as stored, reduced to what the file can say about them. */
    record Existing(String email, String firstName, String lastName, String department, String jobRole,
                    String managerEmail, LocalDate startDate, String locale) {
    }

    /** A line's wanted state, after checks: what apply writes. */
    record Wanted(int line, String email, String firstName, String lastName, String department, String jobRole,
                  String managerEmail, LocalDate startDate, String locale, ImportPlan.Fate fate) {
    }

    private static final Pattern EMAIL_PATTERN = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Map<String, Existing> people;
    private final Map<String, String> departments;
    private final Map<String, String> jobRoles;
    private final List<Wanted> wanted = new ArrayList<>();

    /**
     * @param departments every department, looked up by lower-case name and by code, mapped to its name
     * @param jobRoles    every job role, likewise
     */
    ImportPlanner(Map<String, Existing> people, Map<String, String> departments, Map<String, String> jobRoles) {
        this.people = people;
        this.departments = departments;
        this.jobRoles = jobRoles;
    }

    List<Wanted> wanted() {
        return wanted;
    }

    ImportPlan plan(PeopleCsv.Parsed parsed) {
        if (!parsed.issues().isEmpty()) {
            return new ImportPlan(List.of(), parsed.issues(), List.of(), List.of());
        }
        Map<PeopleCsv.Column, Integer> positions = parsed.positions();
        Map<String, Integer> firstLineOf = new HashMap<>();
        Set<String> newDepartments = new TreeSet<>();
        Set<String> newJobRoles = new TreeSet<>();
        List<ImportPlan.Row> rows = new ArrayList<>();
        Map<String, String> managerOf = new HashMap<>();
        people.values().forEach(p -> managerOf.put(p.email(), p.managerEmail()));
        Map<String, PeopleCsv.Line> fileLines = new HashMap<>();

        for (PeopleCsv.Line line : parsed.lines()) {
            String email = line.get(EMAIL) == null ? null : Person.normaliseEmail(line.get(EMAIL));
            if (email != null && EMAIL_PATTERN.matcher(email).matches() && !firstLineOf.containsKey(email)) {
                firstLineOf.put(email, line.number());
                fileLines.put(email, line);
                managerOf.put(email, line.has(MANAGER_EMAIL) ? Person.normaliseEmail(line.get(MANAGER_EMAIL))
                        : managerOf.get(email));
            }
        }

        for (PeopleCsv.Line line : parsed.lines()) {
            List<ImportPlan.Issue> issues = new ArrayList<>();
            Issues at = new Issues(line.number(), positions, issues);
            String email = line.get(EMAIL) == null ? null : Person.normaliseEmail(line.get(EMAIL));
            if (email == null) {
                at.add(EMAIL, "import.error.required");
            } else if (!EMAIL_PATTERN.matcher(email).matches() || email.length() > Person.EMAIL_MAXLENGTH) {
                at.add(EMAIL, "import.error.email", email);
            } else if (firstLineOf.get(email) != line.number()) {
                at.add(EMAIL, "import.error.duplicateEmail", email, String.valueOf(firstLineOf.get(email)));
            }
            String firstName = name(line, FIRST_NAME, at);
            String lastName = name(line, LAST_NAME, at);
            LocalDate startDate = date(line, at);
            String department = lookup(line, DEPARTMENT, departments, newDepartments, at);
            String jobRole = lookup(line, JOB_ROLE, jobRoles, newJobRoles, at);
            String locale = line.has(LOCALE) && line.get(LOCALE) != null ? line.get(LOCALE).toLowerCase(Locale.ROOT) : null;
            if (locale != null && !Person.LOCALES.contains(locale)) {
                at.add(LOCALE, "import.error.locale", locale, String.join(", ", new TreeSet<>(Person.LOCALES)));
            }
            String managerEmail = line.has(MANAGER_EMAIL) ? Person.normaliseEmail(line.get(MANAGER_EMAIL)) : null;
            if (managerEmail != null && email != null) {
                if (managerEmail.equals(email)) {
                    at.add(MANAGER_EMAIL, "import.error.ownManager");
                } else if (!people.containsKey(managerEmail) && !fileLines.containsKey(managerEmail)) {
                    at.add(MANAGER_EMAIL, "import.error.unknownManager", managerEmail);
                } else {
                    List<String> loop = loopFrom(email, managerOf);
                    if (!loop.isEmpty()) {
                        at.add(MANAGER_EMAIL, "import.error.managerCycle", String.join(" → ", loop));
                    }
                }
            }

            Existing existing = email == null ? null : people.get(email);
            String name = (firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName);
            if (!issues.isEmpty()) {
                rows.add(new ImportPlan.Row(line.number(), email, name.strip(), ImportPlan.Fate.ERROR, List.of(), issues));
                continue;
            }
            Wanted want = new Wanted(line.number(), email, firstName, lastName,
                    line.has(DEPARTMENT) ? department : existing == null ? null : existing.department(),
                    line.has(JOB_ROLE) ? jobRole : existing == null ? null : existing.jobRole(),
                    line.has(MANAGER_EMAIL) ? managerEmail : existing == null ? null : existing.managerEmail(),
                    startDate,
                    locale != null ? locale : existing == null ? "en" : existing.locale(),
                    null);
            List<String> changes = existing == null ? List.of() : changes(existing, want);
            ImportPlan.Fate fate = existing == null ? ImportPlan.Fate.CREATE
                    : changes.isEmpty() ? ImportPlan.Fate.UNCHANGED : ImportPlan.Fate.UPDATE;
            wanted.add(new Wanted(want.line(), want.email(), want.firstName(), want.lastName(), want.department(),
                    want.jobRole(), want.managerEmail(), want.startDate(), want.locale(), fate));
            rows.add(new ImportPlan.Row(line.number(), email, name.strip(), fate, changes, List.of()));
        }
        return new ImportPlan(rows, List.of(), List.copyOf(newDepartments), List.copyOf(newJobRoles));
    }

    private static List<String> changes(Existing existing, Wanted want) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(existing.firstName(), want.firstName()) || !Objects.equals(existing.lastName(), want.lastName())) {
            changes.add("name");
        }
        if (!equalsIgnoreCase(existing.department(), want.department())) {
            changes.add("department");
        }
        if (!equalsIgnoreCase(existing.jobRole(), want.jobRole())) {
            changes.add("job_role");
        }
        if (!Objects.equals(existing.managerEmail(), want.managerEmail())) {
            changes.add("manager_email");
        }
        if (!Objects.equals(existing.startDate(), want.startDate())) {
            changes.add("start_date");
        }
        if (!Objects.equals(existing.locale(), want.locale())) {
            changes.add("locale");
        }
        return changes;
    }

    private static boolean equalsIgnoreCase(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    /** The manager chain starting at {@code email}, if it comes back to a person already on it. */
    private static List<String> loopFrom(String email, Map<String, String> managerOf) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String current = email; current != null; current = managerOf.get(current)) {
            chain.add(current);
            if (!seen.add(current)) {
                return current.equals(email) ? chain : List.of();
            }
        }
        return List.of();
    }

    private static String name(PeopleCsv.Line line, PeopleCsv.Column column, Issues at) {
        String value = line.get(column);
        if (value == null) {
            at.add(column, "import.error.required");
        } else if (value.length() > Person.NAME_MAXLENGTH) {
            at.add(column, "import.error.tooLong", String.valueOf(Person.NAME_MAXLENGTH));
        }
        return value;
    }

    private static LocalDate date(PeopleCsv.Line line, Issues at) {
        String value = line.get(START_DATE);
        if (value == null) {
            at.add(START_DATE, "import.error.required");
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            at.add(START_DATE, "import.error.date", value);
            return null;
        }
    }

    private static String lookup(PeopleCsv.Line line, PeopleCsv.Column column, Map<String, String> known,
                                 Set<String> created, Issues at) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        if (value.length() > Department.NAME_MAXLENGTH) {
            at.add(column, "import.error.tooLong", String.valueOf(Department.NAME_MAXLENGTH));
            return null;
        }
        String found = known.get(value.toLowerCase(Locale.ROOT));
        if (found != null) {
            return found;
        }
        for (String name : created) {
            if (name.equalsIgnoreCase(value)) {
                return name;
            }
        }
        created.add(value);
        return value;
    }

    private record Issues(int line, Map<PeopleCsv.Column, Integer> positions, List<ImportPlan.Issue> list) {
        void add(PeopleCsv.Column column, String code, String... arguments) {
            list.add(new ImportPlan.Issue(line, positions.getOrDefault(column, 1), column.label, code, List.of(arguments)));
        }
    }
}
