package org.everyoneserves.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.testing.AtOnce;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.People;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Importing an HR export on MariaDB: all or nothing, idempotent, admins only. */
@ExtendWith(ArquillianExtension.class)
class PeopleImportIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(PeopleImportIT.class, People.class, AtOnce.class);
    }

    @Inject
    PersonService service;

    People people;
    long admin;

    @BeforeEach
    void anAdmin() {
        people = new People(service);
        PersonDetails details = people.details("admin", null);
        details.setAdmin(true);
        admin = service.create(org.everyoneserves.platform.Caller.SYSTEM, details);
    }

    String csv(String... lines) {
        return "email,first_name,last_name,department,job_role,manager_email,start_date\n" + String.join("\n", lines) + "\n";
    }

    @Test
    void aCleanFileIsAppliedAndTheSameFileAgainChangesNothing() {
        String dept = "Import Dept " + people.email("x").substring(2, 10);
        String file = csv(
                people.email("ivy") + ",Ivy,Import," + dept + ",Importer " + dept + "," + people.email("hal") + ",2026-03-02",
                people.email("hal") + ",Hal,Import," + dept + ",,,2025-11-03");
        ImportPlan preview = service.previewImport(People.admin(admin), file);
        assertEquals(2, preview.count(ImportPlan.Fate.CREATE));
        assertTrue(service.findByEmail(people.email("ivy")).isEmpty(), "a preview changes nothing");

        service.applyImport(People.admin(admin), file);
        Person ivy = service.findByEmail(people.email("ivy")).orElseThrow();
        PersonSummary summary = service.get(People.admin(admin), ivy.getId());
        assertEquals("Hal Import", summary.manager());
        assertEquals(dept, summary.department());
        assertEquals("Importer " + dept, summary.jobRole());

        ImportPlan again = service.applyImport(People.admin(admin), file);
        assertEquals(2, again.count(ImportPlan.Fate.UNCHANGED));
        assertEquals(0, again.count(ImportPlan.Fate.CREATE) + again.count(ImportPlan.Fate.UPDATE));
    }

    @Test
    void aFileWithOneBadLineImportsNothing() {
        String file = csv(
                people.email("good") + ",Good,Line,,,,2026-03-02",
                people.email("bad") + ",Bad,Line,,,,2026-13-01");
        BusinessException refused = assertThrows(BusinessException.class, () -> service.applyImport(People.admin(admin), file));
        assertEquals("import.error.hasErrors", refused.code());
        assertTrue(service.findByEmail(people.email("good")).isEmpty(), "the good line was not imported either");
    }

    @Test
    void aChangeOfManagerThatWouldMakeACircleIsRefusedAgainstStoredPeople() {
        long top = people.create("top", null);
        people.create("middle", "top");
        String file = csv(people.email("top") + ",Top,Test,,,"
                + people.email("middle") + ",2026-01-05");
        ImportPlan plan = service.previewImport(People.admin(admin), file);
        assertEquals("import.error.managerCycle", plan.rows().get(0).issues().get(0).code());
        assertThrows(BusinessException.class, () -> service.applyImport(People.admin(admin), file));
        assertEquals(null, service.get(People.admin(admin), top).managerId());
    }

    @Test
    void onlyAdminsImport() {
        long learner = people.create("learner", null);
        assertEquals(BusinessException.Kind.FORBIDDEN, assertThrows(BusinessException.class,
                () -> service.previewImport(People.learner(learner), csv())).kind());
    }

    /** The same file imported twelve times at once: one import makes the people, the others find nothing to change. */
    @Test
    void twelveImportsOfOneFileAtOnceMakeEachPersonOnce() throws Exception {
        String dept = "Race Dept " + people.email("x").substring(2, 10);
        String file = csv(people.email("ada") + ",Ada,Race," + dept + ",Racer " + dept + ",,2026-03-02");
        List<String> outcomes = AtOnce.run(() -> {
            try {
                ImportPlan plan = service.applyImport(People.admin(admin), file);
                return plan.count(ImportPlan.Fate.CREATE) == 1 ? "created" : plan.count(ImportPlan.Fate.UNCHANGED) == 1 ? "unchanged" : plan.toString();
            } catch (RuntimeException e) {
                return e.toString();
            }
        });
        assertEquals(1, outcomes.stream().filter("created"::equals).count(), outcomes.toString());
        assertEquals(AtOnce.TIMES - 1, outcomes.stream().filter("unchanged"::equals).count(), outcomes.toString());
        assertTrue(service.findByEmail(people.email("ada")).isPresent());
    }
}
