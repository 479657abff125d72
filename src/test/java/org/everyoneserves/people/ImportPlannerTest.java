package org.everyoneserves.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each line of an HR export would do, and every error a person can make in one, by line and column. */
class ImportPlannerTest {

    static final String HEADER = "email,first_name,last_name,department,job_role,manager_email,start_date\n";

    final Map<String, ImportPlanner.Existing> people = new HashMap<>();
    final Map<String, String> departments = new HashMap<>(Map.of("finance", "Finance", "fin", "Finance"));
    final Map<String, String> roles = new HashMap<>(Map.of("accountant", "Accountant"));

    ImportPlan plan(String csv) {
        return new ImportPlanner(people, departments, roles).plan(PeopleCsv.parse(csv));
    }

    static ImportPlan.Issue onlyIssue(ImportPlan.Row row) {
        assertEquals(1, row.issues().size(), row.issues().toString());
        return row.issues().get(0);
    }

    @Test
    void newPeopleAreCreatedWithTheirManagerFromTheSameFileInAnyOrder() {
        ImportPlan plan = plan(HEADER
                + "ann@x.example,Ann,Able,Finance,Accountant,bob@x.example,2026-02-01\n"
                + "bob@x.example,Bob,Boss,fin,,,2025-01-01\n");
        assertFalse(plan.hasErrors(), plan.allIssues().toString());
        assertEquals(2, plan.count(ImportPlan.Fate.CREATE));
        assertEquals(List.of(), plan.newDepartments(), "Finance matched by name, fin by code");
    }

    @Test
    void reimportingWhatIsStoredChangesNothingAndAChangedFieldIsNamed() {
        people.put("ann@x.example", new ImportPlanner.Existing("ann@x.example", "Ann", "Able", "Finance", "Accountant", null,
                LocalDate.of(2026, 2, 1), "en"));
        ImportPlan same = plan(HEADER + "ANN@x.example ,Ann,Able,finance,accountant,,2026-02-01\n");
        assertEquals(ImportPlan.Fate.UNCHANGED, same.rows().get(0).fate());
        ImportPlan moved = plan(HEADER + "ann@x.example,Ann,Able,Sales,Accountant,,2026-02-01\n");
        assertEquals(ImportPlan.Fate.UPDATE, moved.rows().get(0).fate());
        assertEquals(List.of("department"), moved.rows().get(0).changes());
        assertEquals(List.of("Sales"), moved.newDepartments());
    }

    @Test
    void errorsNameTheirLineAndColumn() {
        ImportPlan plan = plan(HEADER
                + "ann@x.example,Ann,Able,,,nobody@x.example,2026-02-01\n"
                + "not-an-email,Bea,Bee,,,,2026-02-01\n"
                + "cid@x.example,Cid,Cee,,,,01/02/2026\n"
                + "ann@x.example,Ann,Again,,,,2026-02-01\n"
                + "dan@x.example,,Dee,,,,2026-02-30\n");
        assertTrue(plan.hasErrors());
        List<ImportPlan.Row> rows = plan.rows();

        ImportPlan.Issue unknownManager = onlyIssue(rows.get(0));
        assertEquals(List.of(2, 6, "manager_email", "import.error.unknownManager", List.of("nobody@x.example")),
                List.of(unknownManager.line(), unknownManager.column(), unknownManager.field(), unknownManager.code(), unknownManager.arguments()));
        ImportPlan.Issue badEmail = onlyIssue(rows.get(1));
        assertEquals(List.of(3, 1, "import.error.email"), List.of(badEmail.line(), badEmail.column(), badEmail.code()));
        ImportPlan.Issue badDate = onlyIssue(rows.get(2));
        assertEquals(List.of(4, 7, "import.error.date", List.of("01/02/2026")),
                List.of(badDate.line(), badDate.column(), badDate.code(), badDate.arguments()));
        ImportPlan.Issue duplicate = onlyIssue(rows.get(3));
        assertEquals(List.of(5, "import.error.duplicateEmail", List.of("ann@x.example", "2")),
                List.of(duplicate.line(), duplicate.code(), duplicate.arguments()));
        assertEquals(List.of("import.error.required", "import.error.date"),
                rows.get(4).issues().stream().map(ImportPlan.Issue::code).toList(), "a missing first name and 30 February");
        assertEquals(5, plan.count(ImportPlan.Fate.ERROR));
    }

    @Test
    void aManagerChainThatComesBackToItsStartIsACycleOnEveryLineOfIt() {
        people.put("top@x.example", new ImportPlanner.Existing("top@x.example", "Top", "T", null, null, "low@x.example",
                LocalDate.of(2020, 1, 1), "en"));
        ImportPlan plan = plan(HEADER + "low@x.example,Low,L,,,top@x.example,2026-01-01\n");
        ImportPlan.Issue cycle = onlyIssue(plan.rows().get(0));
        assertEquals("import.error.managerCycle", cycle.code());
        assertEquals(List.of("low@x.example → top@x.example → low@x.example"), cycle.arguments());

        ImportPlan self = plan(HEADER + "me@x.example,Me,M,,,me@x.example,2026-01-01\n");
        assertEquals("import.error.ownManager", onlyIssue(self.rows().get(0)).code());
    }

    @Test
    void headersAreMatchedLooselyAndAMissingColumnStopsTheFile() {
        ImportPlan loose = plan("E-mail;First Name;Surname;Hire Date;Language\nann@x.example;Ann;Able;2026-02-01;de\n");
        assertFalse(loose.hasErrors(), loose.allIssues().toString());
        ImportPlan missing = plan("email,first_name,start_date\nann@x.example,Ann,2026-02-01\n");
        assertEquals(List.of("import.error.missingColumn"), missing.fileIssues().stream().map(ImportPlan.Issue::code).toList());
        assertEquals(List.of("last_name"), missing.fileIssues().get(0).arguments());
        assertEquals("import.error.empty", plan("").fileIssues().get(0).code());
        assertEquals("import.error.noRows", plan(HEADER).fileIssues().get(0).code());
    }

    @Test
    void anUnknownLanguageIsAnError() {
        ImportPlan plan = plan("email,first_name,last_name,start_date,locale\nann@x.example,Ann,Able,2026-02-01,fr\n");
        assertEquals("import.error.locale", onlyIssue(plan.rows().get(0)).code());
        assertEquals(5, onlyIssue(plan.rows().get(0)).column());
    }
}
