package org.everyoneserves.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.audit.AuditEntry;
import org.everyoneserves.platform.audit.AuditLog;
import org.everyoneserves.testing.AtOnce;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.People;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** People on real MariaDB: who may see whom, who may change what, and the rules of the organisation tree. */
@ExtendWith(ArquillianExtension.class)
class PersonServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(PersonServiceIT.class, People.class, AtOnce.class);
    }

    @Inject
    PersonService service;

    @Inject
    AuditLog audit;

    People people;
    long boss;
    long lead;
    long agent;
    long outsider;
    long admin;

    @BeforeEach
    void organisation() {
        people = new People(service);
        boss = people.create("boss", null);
        lead = people.create("lead", "boss");
        agent = people.create("agent", "lead");
        outsider = people.create("outsider", null);
        PersonDetails adminDetails = people.details("admin", null);
        adminDetails.setAdmin(true);
        admin = service.create(Caller.SYSTEM, adminDetails);
    }

    @Test
    void aManagerSeesTheirDirectAndIndirectReportsAndNobodyElse() {
        assertTrue(service.isInReportingLine(boss, agent), "indirect report");
        assertTrue(service.isInReportingLine(boss, lead), "direct report");
        assertFalse(service.isInReportingLine(lead, boss), "not upwards");
        assertFalse(service.isInReportingLine(boss, outsider));

        assertEquals(List.of(agent, lead).stream().sorted().toList(),
                service.reportingLine(People.manager(boss)).stream().map(PersonSummary::id).sorted().toList());
        assertEquals("Agent", service.get(People.manager(boss), agent).firstName());
        BusinessException hidden = assertThrows(BusinessException.class, () -> service.get(People.manager(boss), outsider));
        assertEquals(BusinessException.Kind.NOT_FOUND, hidden.kind(), "someone else's id looks like a missing one");

        PeoplePage everyoneTheBossMaySee = service.search(People.manager(boss), new PeopleQuery(null, null, null, "all", 0, 100));
        assertEquals(2, everyoneTheBossMaySee.total());
        assertEquals(0, service.search(People.manager(boss), new PeopleQuery("outsider", null, null, "all", 0, 100)).total(),
                "search never reaches outside the reporting line");
        assertEquals(1, service.search(People.admin(admin), new PeopleQuery(people.email("outsider"), null, null, "all", 0, 100)).total(),
                "an admin finds everyone");
    }

    @Test
    void aLearnerSeesOnlyThemselves() {
        assertEquals(agent, service.get(People.learner(agent), agent).id());
        assertThrows(BusinessException.class, () -> service.get(People.learner(agent), lead));
        assertEquals(0, service.search(People.learner(agent), new PeopleQuery(null, null, null, "all", 0, 10)).total());
    }

    /** Measured before: a search for text with an underscore found nobody ("_" and "%" were wildcards escaped in vain). */
    @Test
    void searchTextWithUnderscoresAndPercentSignsMatchesThemLiterally() {
        PersonDetails underscored = people.details("under_score", null);
        String lastName = underscored.getLastName();
        underscored.setLastName("Mc_Percent%" + lastName);
        long found = service.create(Caller.SYSTEM, underscored);
        people.create("underxscore", null);
        String localPart = people.email("under_score").substring(0, people.email("under_score").indexOf('@'));
        Caller caller = People.admin(admin);

        assertEquals(List.of(found), ids(service.search(caller, new PeopleQuery(localPart, null, null, "all", 0, 10))),
                "the underscore matches itself, not any character (underxscore is not found)");
        assertEquals(List.of(found), ids(service.search(caller, new PeopleQuery("mc_percent%" + lastName, null, null, "all", 0, 10))));
        assertEquals(List.of(found), ids(service.search(caller, new PeopleQuery("Under_score Mc_Percent%" + lastName, null, null, "all", 0, 10))),
                "first and last name together");
        assertEquals(List.of(), ids(service.search(caller, new PeopleQuery("mc_percentx" + lastName, null, null, "all", 0, 10))),
                "the percent sign matches itself, not any text");
        assertEquals(List.of(), ids(service.search(caller, new PeopleQuery(localPart.replace("_", "!_"), null, null, "all", 0, 10))),
                "the escape character is a literal too");
    }

    private static List<Long> ids(PeoplePage page) {
        return page.people().stream().map(PersonSummary::id).toList();
    }

    @Test
    void onlyAdminsChangePeopleAndEveryChangeIsAudited() {
        PersonDetails details = service.details(People.admin(admin), agent);
        details.setFirstName("Agnes");
        BusinessException refused = assertThrows(BusinessException.class, () -> service.update(People.manager(boss), agent, details));
        assertEquals(BusinessException.Kind.FORBIDDEN, refused.kind());
        assertThrows(BusinessException.class, () -> service.deactivate(People.learner(agent), outsider));

        service.update(People.admin(admin), agent, details);
        assertEquals("Agnes", service.get(People.admin(admin), agent).firstName());
        List<AuditEntry> history = audit.forSubject("person", agent, 10);
        assertEquals("person.updated", history.get(0).getAction());
        assertEquals(admin, history.get(0).getActorId());
        assertTrue(history.get(0).getDetail().contains("Agnes"));
    }

    @Test
    void aStaleFormIsAConflictAndChangesNothing() {
        PersonDetails first = service.details(People.admin(admin), agent);
        PersonDetails second = service.details(People.admin(admin), agent);
        first.setLastName("First");
        service.update(People.admin(admin), agent, first);
        second.setLastName("Second");
        BusinessException conflict = assertThrows(BusinessException.class, () -> service.update(People.admin(admin), agent, second));
        assertEquals("error.staleVersion", conflict.code());
        assertEquals("First", service.get(People.admin(admin), agent).lastName());
    }

    @Test
    void theManagerChainNeverLoops() {
        PersonDetails bossDetails = service.details(People.admin(admin), boss);
        bossDetails.setManagerEmail(people.email("agent"));
        BusinessException cycle = assertThrows(BusinessException.class, () -> service.update(People.admin(admin), boss, bossDetails));
        assertEquals("people.error.managerCycle", cycle.code());
        assertTrue(service.get(People.admin(admin), boss).managerId() == null, "nothing was saved");
    }

    @Test
    void emailsAreUniqueAndValidated() {
        PersonDetails duplicate = people.details("agent", null);
        duplicate.setEmail(people.email("AGENT").toUpperCase());
        assertEquals("people.error.duplicateEmail",
                assertThrows(BusinessException.class, () -> service.create(People.admin(admin), duplicate)).code());
        PersonDetails invalid = people.details("someone", null);
        invalid.setEmail("not an e-mail");
        invalid.setFirstName(" ");
        ConstraintViolationException violations = assertThrows(ConstraintViolationException.class,
                () -> service.create(People.admin(admin), invalid));
        assertEquals(2, violations.getConstraintViolations().size());
        PersonDetails unknownManager = people.details("newcomer", "nobody");
        assertEquals("people.error.unknownManager",
                assertThrows(BusinessException.class, () -> service.create(People.admin(admin), unknownManager)).code());
    }

    @Test
    void deactivationKeepsThePersonAndCanBeUndone() {
        service.deactivate(People.admin(admin), agent);
        assertFalse(service.get(People.admin(admin), agent).active());
        assertTrue(service.findActive(agent).isEmpty());
        assertFalse(service.hasActiveReports(lead), "the lead's only report is inactive");
        assertThrows(BusinessException.class, () -> service.deactivate(People.admin(admin), admin), "not yourself");
        service.reactivate(People.admin(admin), agent);
        assertTrue(service.get(People.admin(admin), agent).active());
        assertEquals(List.of("person.reactivated", "person.deactivated"),
                audit.forSubject("person", agent, 2).stream().map(AuditEntry::getAction).toList());
    }

    @Test
    void otherFeaturesReadPeopleByIdInOneQueryAndSignInOnlyFindsTheActive() {
        Map<Long, String> names = service.displayNames(List.of(agent, lead, agent, -1L));
        assertEquals(Map.of(agent, "Agent " + service.get(People.admin(admin), agent).lastName(),
                lead, "Lead " + service.get(People.admin(admin), lead).lastName()), names, "each person once; nobody's id left out");
        PersonSummary summary = service.summaries(List.of(agent)).get(agent);
        assertEquals(lead, summary.managerId());
        assertEquals("en", summary.locale());
        assertEquals(Map.of(), service.summaries(List.of()));

        assertEquals(agent, service.findActiveByEmail(people.email("AGENT").toUpperCase()).orElseThrow().id(), "any case");
        service.deactivate(People.admin(admin), agent);
        assertTrue(service.findActiveByEmail(people.email("agent")).isEmpty(), "an inactive person does not sign in");
        assertFalse(service.find(agent).orElseThrow().active(), "but other features still see who they were");
    }

    /** The duplicate check reads before the other creation commits: the key keeps one, and the others hear why. */
    @Test
    void twelveCreationsOfOneEmailAtOnceMakeOnePerson() throws Exception {
        PersonDetails details = people.details("twin", null);
        List<String> outcomes = AtOnce.run(() -> {
            try {
                service.create(Caller.SYSTEM, details);
                return "created";
            } catch (BusinessException e) {
                return e.code();
            }
        });
        assertEquals(1, outcomes.stream().filter("created"::equals).count(), outcomes.toString());
        assertEquals(AtOnce.TIMES - 1, outcomes.stream().filter("people.error.duplicateEmail"::equals).count(), outcomes.toString());
        assertTrue(service.findByEmail(details.getEmail()).isPresent());
    }

    /**
     * A catalog's organisation creates only what is missing, matched by code as the database compares them (a code in
     * other capitals is the same code), and one deleted since is made again.
     */
    @Test
    void adoptingAnOrganisationCreatesOnlyTheDepartmentsAndRolesMissing() {
        String code = "adopt-" + people.email("d").substring(2, 10).toLowerCase(java.util.Locale.ROOT);
        Map<String, String> departments = Map.of(code, "Adopted " + code);
        Map<String, List<String>> roles = Map.of(code + "-r", List.of("Adopted role " + code, code));
        assertEquals(2, service.adoptOrganisation(Caller.SYSTEM, departments, roles));
        assertEquals(0, service.adoptOrganisation(Caller.SYSTEM, departments, roles), "nothing missing the second time");
        assertEquals(0, service.adoptOrganisation(Caller.SYSTEM, Map.of(code.toUpperCase(java.util.Locale.ROOT), "Other name " + code), Map.of()),
                "the same code in capitals");

        long role = service.findByCode(JobRole.class, code + "-r").orElseThrow();
        service.deleteJobRole(People.admin(admin), role);
        assertEquals(1, service.adoptOrganisation(Caller.SYSTEM, departments, roles), "the role deleted since is made again");
        assertEquals(service.findByCode(Department.class, code), service.jobRoles().stream().filter(r -> r.getCode().equals(code + "-r"))
                .findFirst().map(r -> r.getDepartment().getId()), "in its department");
    }

    /** Twelve admins make the same department at once: one is made, the others are told it exists now. */
    @Test
    void twelveCreationsOfOneDepartmentAtOnceMakeOne() throws Exception {
        String code = "race-" + people.email("d").substring(2, 10).toLowerCase(java.util.Locale.ROOT);
        List<String> outcomes = AtOnce.run(() -> {
            try {
                service.createDepartment(People.admin(admin), new Department(code, "Race " + code));
                return "created";
            } catch (BusinessException e) {
                return e.code();
            }
        });
        assertEquals(1, outcomes.stream().filter("created"::equals).count(), outcomes.toString());
        assertTrue(outcomes.stream().allMatch(o -> o.equals("created") || o.startsWith("organisation.error.")), outcomes.toString());
        assertTrue(service.findByCode(Department.class, code).isPresent());
    }
}
