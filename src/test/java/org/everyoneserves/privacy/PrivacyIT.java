package org.everyoneserves.privacy;

import static org.everyoneserves.testing.Errors.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.modules.ModuleService;
import org.everyoneserves.notifications.NotificationsPersonalData;
import org.everyoneserves.people.Department;
import org.everyoneserves.people.JobRole;
import org.everyoneserves.people.PersonDetails;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.Clocks;
import org.everyoneserves.platform.PersonalData;
import org.everyoneserves.progress.ItemAnalysisService;
import org.everyoneserves.progress.ProgressService;
import org.everyoneserves.progress.ReportService;
import org.everyoneserves.progress.ShadowingReport;
import org.everyoneserves.quizzes.AnswerSheets;
import org.everyoneserves.quizzes.QuizService;
import org.everyoneserves.refreshers.RefresherService;
import org.everyoneserves.security.SecurityPersonalData;
import org.everyoneserves.security.SignInEvents;
import org.everyoneserves.shadowing.Friction;
import org.everyoneserves.shadowing.ShadowingPersonalData;
import org.everyoneserves.shadowing.ShadowingService;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.People;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Personal data on MariaDB: a learner with data in every feature (plan, completion, quiz attempt, refreshers, a
 * shadowing session with the host's note, reflection and idea, a nudge) exports it all and nothing of a colleague who
 * shadowed in the same session; erasure leaves no trace of their name, e-mail or text in any table while reports,
 * quiz and item statistics and other people's views stay as they were; retention removes exactly what is past its
 * period, once per day. Sign-in events (written by the security log) are in the export, erased, kept for their period
 * and bounded per person.
 */
@ExtendWith(ArquillianExtension.class)
class PrivacyIT {

    static final String GUIDE = "shadowing-engineering";
    static final String QUIZ = "everyone-serves-quiz";

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(PrivacyIT.class, People.class);
    }

    @Inject
    PersonService service;

    @Inject
    PrivacyService privacy;

    @Inject
    Exports exports;

    @Inject
    RetentionJob retention;

    @Inject
    ShadowingService shadowing;

    @Inject
    QuizService quizzes;

    @Inject
    ModuleService modules;

    @Inject
    RefresherService refreshers;

    @Inject
    ProgressService progress;

    @Inject
    ReportService reports;

    @Inject
    ItemAnalysisService items;

    @Inject
    ShadowingReport shadowingReport;

    @Inject
    Catalog catalog;

    @Inject
    org.everyoneserves.security.AccountService accounts;

    @Inject
    org.everyoneserves.security.PasswordHasher hasher;

    @Inject
    org.everyoneserves.security.TokenService tokens;

    @Inject
    SignInEvents signInEvents;

    @Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<PersonalData> holders;

    @Inject
    Clocks clocks;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    People people;
    String words;
    long admin;
    long boss;
    long host;
    long ada;
    long ben;
    long engineering;

    @BeforeEach
    void aTeamAndAHost() {
        people = new People(service);
        words = "Outage notes first, says " + people.email("note");
        engineering = service.findByCode(Department.class, "engineering").orElseThrow();
        long support = service.findByCode(Department.class, "customer-support").orElseThrow();
        admin = create("admin", null, engineering, "people-manager");
        boss = create("boss", null, engineering, "people-manager");
        host = create("host", null, support, "support-agent");
        ada = create("ada", "boss", engineering, "software-engineer");
        ben = create("ben", "boss", engineering, "software-engineer");
    }

    @AfterEach
    void backToTheRealTime() {
        clocks.shift(Duration.ZERO);
    }

    long create(String name, String manager, long department, String role) {
        PersonDetails details = people.details(name, manager);
        details.setDepartmentId(department);
        details.setJobRoleId(service.findByCode(JobRole.class, role).orElseThrow());
        return service.create(Caller.SYSTEM, details);
    }

    /** Both shadows sit in one session of the host, who confirms them with a note; each reflects and raises an idea. */
    Map<Long, Long> aSessionWithReflections(Map<Long, String> takeaways) {
        long slot = shadowing.publish(People.learner(host), clock.instant().plus(Duration.ofDays(2)), 90, "Support desk", 2);
        Map<Long, Long> bookings = new LinkedHashMap<>();
        for (long shadow : takeaways.keySet()) {
            bookings.put(shadow, shadowing.book(People.learner(shadow), GUIDE, slot));
        }
        clocks.shift(clocks.offset().plus(Duration.ofDays(2)).plusHours(2));
        Map<Long, Long> reflections = new LinkedHashMap<>();
        for (var shadow : takeaways.entrySet()) {
            String name = service.displayNames(List.of(shadow.getKey())).get(shadow.getKey());
            shadowing.confirm(People.learner(host), bookings.get(shadow.getKey()), true, name + " asked about the billing screen.", 5);
            reflections.put(shadow.getKey(), shadowing.reflect(People.learner(shadow.getKey()), bookings.get(shadow.getKey()),
                    List.of("Agents read the history first. " + shadow.getValue(), "Transfers to engineering come back unanswered.",
                            "Error messages could say what to do next.", "An outage note in plain words."),
                    shadow.getValue(), EnumSet.of(Friction.HANDOFF),
                    List.of(new ShadowingService.IdeaRequest("Idea of " + name, "Raised after shadowing: " + shadow.getValue(), engineering))));
        }
        return reflections;
    }

    /** The person signs in to the app on a phone: a password, a device and its tokens. */
    void aPhone(long person, String name) {
        accounts.storePasswordHash(person, hasher.hash("a-long-test-password"));
        tokens.signIn(people.email(name), "a-long-test-password", "Phone of " + name, "127.0.0.1");
    }

    long count(String sql, long id) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue();
    }

    void aQuizAttempt(long person) {
        Caller me = People.learner(person);
        modules.markRead(me, "everyone-serves");
        long attempt = quizzes.start(me, QUIZ);
        quizzes.submit(me, attempt, AnswerSheets.of(catalog.getQuiz(QUIZ).definition(), quizzes.attempt(me, attempt), false));
        RefresherService.Item item = refreshers.today(me).items().get(0);
        refreshers.answer(me, LocalDate.now(clock), item.cardId(), switch (item.kind()) {
            case TRUE_FALSE -> new org.everyoneserves.quizzes.Answer("", List.of(), true);
            case ORDERING -> new org.everyoneserves.quizzes.Answer("", item.options().stream().map(RefresherService.Option::index).toList(), null);
            default -> new org.everyoneserves.quizzes.Answer("", List.of(item.options().get(0).index()), null);
        });
    }

    Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void anExportHoldsEveryKindOfTheirDataAndNothingOfAnyoneElse() throws Exception {
        aQuizAttempt(ada);
        aQuizAttempt(ben);
        aSessionWithReflections(Map.of(ada, words, ben, "Ben keeps a glossary of jargon."));
        progress.nudge(People.manager(boss), ada, "Please finish the foundation quiz before Friday.");
        aPhone(ada, "ada");
        aPhone(ben, "ben");
        accounts.signIn(people.email("ada"), "not-her-password", "198.51.100.7", "web");
        accounts.signIn(people.email("ben"), "not-his-password", "198.51.100.99", "web");

        assertEquals("error.forbidden", code(() -> privacy.requestExport(People.learner(ben), ada)), "not someone else's");
        long id = privacy.requestExport(People.learner(ada), ada);
        assertEquals(id, privacy.requestExport(People.learner(ada), ada), "asking again while it is made returns the same");
        exports.make(id);
        PrivacyService.ExportLine line = privacy.exports(People.learner(ada), false).get(0);
        assertEquals(PersonalDataExport.Status.READY, line.status());
        assertTrue(line.offered());
        assertEquals(Duration.ofDays(Exports.OFFERED_DAYS), Duration.between(clock.instant(), line.expiresAt()).plusMinutes(1).truncatedTo(
                java.time.temporal.ChronoUnit.DAYS), "offered for a week");
        assertEquals("error.notFound", code(() -> privacy.download(People.learner(ben), id)), "only the one who asked downloads it");

        Map<String, String> files = unzip(privacy.download(People.learner(ada), id).content());
        assertTrue(files.keySet().containsAll(List.of("summary.txt", "people.json", "assignments.json", "quizzes.json", "refreshers.json",
                "shadowing.json", "notifications.json", "security.json", "audit.json")), files.keySet().toString());
        String all = String.join("\n", files.values());
        assertTrue(files.get("people.json").contains(people.email("ada")));
        assertTrue(files.get("summary.txt").startsWith("Personal data of " + people.displayName("ada")), files.get("summary.txt"));
        assertTrue(files.get("assignments.json").contains("\"code\": \"everyone-serves\"") && files.get("assignments.json").contains("completions"));
        assertTrue(files.get("quizzes.json").contains("\"quiz\": \"" + QUIZ + "\"") && files.get("quizzes.json").contains("\"choices\": ["),
                "the attempt with its answers: " + files.get("quizzes.json"));
        assertTrue(files.get("refreshers.json").contains("\"answers\": [") && files.get("refreshers.json").contains("\"correct\""));
        assertTrue(files.get("shadowing.json").contains(words), "the reflection");
        assertTrue(files.get("shadowing.json").contains("Idea of " + people.displayName("ada")), "the idea");
        assertTrue(files.get("shadowing.json").contains("asked about the billing screen"), "the host's note on them");
        assertTrue(files.get("notifications.json").contains("Please finish the foundation quiz before Friday."), "the nudge");
        assertTrue(files.get("notifications.json").contains("A reminder from " + PersonalData.OTHER_PERSON), "without who sent it");
        assertTrue(files.get("audit.json").contains("person.created"), "the changes made to their data");
        assertTrue(files.get("security.json").contains("Phone of ada") && files.get("security.json").contains("changedAt"), "devices, password");
        assertFalse(files.get("security.json").contains(hasher.hash("x").substring(0, 10)), "never a password hash");
        String security = files.get("security.json");
        String events = security.substring(security.indexOf("\"signInEvents\""));
        assertTrue(events.contains("\"kind\": \"SIGNED_IN\"") && events.contains("\"channel\": \"api\""), "her sign-in in the app: " + events);
        assertTrue(events.contains("\"kind\": \"FAILED\"") && events.contains("198.51.100.7"), "the wrong password typed for her account: " + events);
        assertFalse(security.contains("not-her-password"), "never a password typed");
        assertTrue(files.get("summary.txt").contains(words), "the summary is readable and complete");

        for (String other : List.of(people.email("ben"), people.displayName("ben"), "Ben keeps a glossary", "Phone of ben", "198.51.100.99",
                people.email("host"), people.displayName("boss"),
                people.email("boss"), people.email("admin"))) {
            assertFalse(all.contains(other), "nothing about anyone else: " + other);
        }

        assertEquals("error.forbidden", code(() -> privacy.requestExport(People.learner(ben), ada)));
        long onRequest = privacy.requestExport(People.admin(admin), ada);
        exports.make(onRequest);
        assertTrue(privacy.exports(People.admin(admin), true).stream().anyMatch(e -> e.id() == onRequest && e.offered()));
        assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from audit_entry where action = 'personalData.exportRequested'"
                + " and actor_id = ?1 and subject_id = ?2").setParameter(1, admin).setParameter(2, ada).getSingleResult()).longValue(),
                "an export on request is audited");
        assertEquals("error.notFound", code(() -> privacy.download(People.learner(ada), onRequest)), "the admin sends it, not the page");
    }

    @Test
    void erasureLeavesNoNameEmailOrTextWhileReportsStatisticsAndOthersPagesStay() {
        aQuizAttempt(ada);
        Map<Long, Long> reflections = aSessionWithReflections(Map.of(ada, words,
                ben, "Ben learnt from " + people.displayName("ada") + " that agents read the history."));
        progress.nudge(People.manager(boss), ada, "Please finish the foundation quiz before Friday.");
        aPhone(ada, "ada");
        assertTrue(count("select count(*) from sign_in_event where person_id = ?1", ada) > 0, "her sign-in in the app is stored");
        service.deactivate(People.admin(admin), ada);

        ReportService.OrganisationReport report = reports.organisation(People.admin(admin));
        Object quizStats = em.createNativeQuery("select submitted, passed, first_submitted, first_passed from quiz_stats where quiz_code = ?1")
                .setParameter(1, QUIZ).getSingleResult();
        List<?> questionStats = em.createNativeQuery("select question_id, shown, missed from question_stats where quiz_code = ?1 order by question_id")
                .setParameter(1, QUIZ).getResultList();
        List<ItemAnalysisService.QuizVersionItems> analysis = itemsOf(QUIZ);
        ShadowingReport.Themes themes = shadowingReport.themes(People.admin(admin));

        assertEquals("error.forbidden", code(() -> privacy.erase(People.learner(boss), ada, "left", false)));
        assertEquals("privacy.error.reasonMissing", code(() -> privacy.erase(People.admin(admin), ada, " ", false)));
        assertEquals("privacy.error.ownErasure", code(() -> privacy.erase(People.admin(admin), admin, "me", false)));
        String email = people.email("ada");
        String name = people.displayName("ada");
        privacy.erase(People.admin(admin), ada, "Left in March; asked by e-mail from " + email + " to erase " + name, false);

        List<String> traces = new ArrayList<>();
        for (String needle : List.of(email, name, words, "Idea of " + name)) {
            traces.addAll(tablesHolding(needle));
        }
        assertEquals(List.of(), traces, "no table holds the person's name, e-mail or the text they wrote");
        assertEquals(0, count("select count(*) from credential where person_id = ?1", ada), "no password");
        assertEquals(0, count("select count(*) from api_session where person_id = ?1", ada), "no device");
        assertEquals(0, count("select count(*) from notification where person_id = ?1", ada), "no notification");
        assertEquals(0, count("select count(*) from sign_in_event where person_id = ?1", ada), "no sign-in event");

        assertEquals(report, reports.organisation(People.admin(admin)), "the organisation report counts as before");
        assertEquals(List.of((Object[]) quizStats).toString(), List.of((Object[]) em.createNativeQuery("select submitted, passed, first_submitted,"
                + " first_passed from quiz_stats where quiz_code = ?1").setParameter(1, QUIZ).getSingleResult()).toString(), "quiz statistics");
        assertEquals(questionStats.stream().map(r -> List.of((Object[]) r).toString()).toList(), em.createNativeQuery(
                        "select question_id, shown, missed from question_stats where quiz_code = ?1 order by question_id").setParameter(1, QUIZ)
                .getResultList().stream().map(r -> List.of((Object[]) r).toString()).toList(), "question statistics");
        assertEquals(analysis, itemsOf(QUIZ), "item analysis");
        ShadowingReport.Themes after = shadowingReport.themes(People.admin(admin));
        assertEquals(themes.reflections(), after.reflections(), "reflections still counted");
        assertEquals(themes.frictions(), after.frictions(), "and their friction tags");

        String pseudonym = PersonalData.Erasure.pseudonymOf(ada);
        ShadowingService.HostedSlot hosted = shadowing.hosting(People.learner(host)).get(0);
        assertEquals(2, hosted.guests().size(), "the host's session keeps both confirmed seats");
        ShadowingService.Guest erased = hosted.guests().stream().filter(g -> g.personId() == ada).findFirst().orElseThrow();
        assertEquals(pseudonym, erased.name());
        assertTrue(erased.completed(), "the host's confirmation stays");
        assertEquals(pseudonym + " asked about the billing screen.", erased.note(), "the host's note keeps its place without the name");
        ShadowingService.ReflectionView bens = shadowing.reflection(People.learner(ben), reflections.get(ben));
        assertEquals("Ben learnt from " + pseudonym + " that agents read the history.", bens.takeaway(), "others' text names the pseudonym");
        assertTrue(shadowing.reflection(People.learner(host), reflections.get(ada)).answers().isEmpty(), "their reflection has no text");
        assertTrue(service.reportingLine(People.manager(boss)).stream().anyMatch(p -> p.id() == ada && p.displayName().equals(pseudonym)),
                "the manager's team page still lists the erased person, by pseudonym");

        String detail = (String) em.createNativeQuery("select detail from audit_entry where action = 'person.erased' and subject_id = ?1")
                .setParameter(1, ada).getSingleResult();
        assertEquals("reason: Left in March; asked by e-mail from " + pseudonym + " to erase " + pseudonym, detail,
                "the audit log records the erasure without the erased data");
        assertEquals("privacy.error.alreadyErased", code(() -> privacy.erase(People.admin(admin), ada, "again", false)), "once");
        assertEquals("people.error.erased", code(() -> service.reactivate(People.admin(admin), ada)), "irreversible");
    }

    List<ItemAnalysisService.QuizVersionItems> itemsOf(String quiz) {
        return items.analysis(People.admin(admin)).stream().filter(q -> q.quizCode().equals(quiz)).toList();
    }

    /** "table.column" of every text column of the schema that contains {@code needle}. */
    List<String> tablesHolding(String needle) {
        List<String> found = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> columns = em.createNativeQuery("select table_name, column_name from information_schema.columns where table_schema = database()"
                + " and data_type in ('char', 'varchar', 'text', 'mediumtext', 'longtext') and table_name <> 'flyway_schema_history'").getResultList();
        for (Object[] column : columns) {
            Number hits = (Number) em.createNativeQuery("select count(*) from " + column[0] + " where " + column[1] + " like ?1")
                    .setParameter(1, "%" + needle + "%").getSingleResult();
            if (hits.longValue() > 0) {
                found.add(column[0] + "." + column[1] + " holds " + needle);
            }
        }
        return found;
    }

    @Test
    void retentionRemovesExactlyWhatIsPastItsPeriodOncePerDay() throws Exception {
        Instant start = clock.instant().minus(Duration.ofDays(3650));
        clocks.shift(Duration.between(clock.instant(), start));
        long leftLongAgo = create("gone", "boss", engineering, "software-engineer");
        long leftLately = create("recent", "boss", engineering, "software-engineer");
        service.deactivate(People.admin(admin), leftLongAgo);
        progress.nudge(People.manager(boss), ada, "An old nudge.");
        accounts.storePasswordHash(ada, hasher.hash("a-long-test-password"));
        accounts.signIn(people.email("ada"), "a-long-test-password", "198.51.100.1", "web");
        Map<Long, Long> old = aSessionWithReflections(Map.of(ada, "An old reflection."));

        clocks.shift(clocks.offset().plus(Duration.ofDays(500)));
        service.deactivate(People.admin(admin), leftLately);
        progress.nudge(People.manager(boss), ada, "A recent nudge.");
        Map<Long, Long> recent = aSessionWithReflections(Map.of(ben, "A recent reflection."));
        accounts.signIn(people.email("ada"), "a-long-test-password", "198.51.100.2", "web");
        clocks.shift(clocks.offset().plus(Duration.ofDays(250)));
        accounts.signIn(people.email("ada"), "a-long-test-password", "198.51.100.3", "web");

        Instant now = start.plus(Duration.ofDays(800));
        LocalDate day = LocalDate.ofInstant(now, clock.getZone());
        Map<String, Integer> removed = retention.run(day, now);
        assertEquals(1, removed.get(PersonalData.LEAVERS), "one person left more than a year before: " + removed);
        assertEquals(1, removed.get(ShadowingPersonalData.REFLECTIONS), "one reflection is older than two years: " + removed);
        assertTrue(removed.get(NotificationsPersonalData.NOTIFICATIONS) >= 1, removed.toString());
        assertTrue(removed.get(SecurityPersonalData.EVENTS) >= 2, removed.toString());
        assertEquals(List.of("198.51.100.3"), em.createNativeQuery("select address from sign_in_event where person_id = ?1 order by occurred_at")
                .setParameter(1, ada).getResultList(), "sign-ins 800 and 300 days old are gone, the one 50 days old stays");

        assertTrue(service.isErased(leftLongAgo), "deactivated 800 days before: erased");
        assertFalse(service.isErased(leftLately), "deactivated 300 days before: kept");
        List<String> nudges = em.createNativeQuery("select body from notification where person_id = ?1 and kind = 'NUDGE'").setParameter(1, ada)
                .getResultList().stream().map(Object::toString).toList();
        assertTrue(nudges.stream().noneMatch(b -> b.contains("An old nudge.")), "a notification 800 days old is gone");
        assertTrue(nudges.stream().anyMatch(b -> b.contains("A recent nudge.")), "one 300 days old stays");
        assertTrue(shadowing.reflection(People.learner(host), old.get(ada)).answers().isEmpty(), "the old reflection lost its text");
        assertEquals("A recent reflection.", shadowing.reflection(People.learner(host), recent.get(ben)).takeaway(), "the recent one kept it");

        assertEquals(Map.of(), retention.run(day, now), "the day's run is done: a second run (another server) does nothing");
        RetentionJob.Run run = privacy.runs(People.admin(admin)).stream().filter(r -> r.day().equals(day)).findFirst().orElseThrow();
        assertTrue(run.finishedAt() != null && run.removed().contains(PersonalData.LEAVERS + "=1"), run.toString());
        assertEquals("error.forbidden", code(() -> privacy.runs(People.learner(ada))));

        LocalDate next = day.plusDays(1);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                claims.add(two.submit(() -> {
                    go.await();
                    return retention.claim(next, now.plus(Duration.ofDays(1)));
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertEquals(1, won, "of two servers at once, one claims the day");
        } finally {
            two.shutdown();
        }
    }

    @Test
    void twoRequestsAtOnceMakeOneExport() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> requests = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                requests.add(two.submit(() -> {
                    go.await();
                    return privacy.requestExport(People.learner(ben), ben);
                }));
            }
            go.countDown();
            assertEquals(requests.get(0).get(), requests.get(1).get(), "both get the same export");
        } finally {
            two.shutdown();
        }
        assertEquals(1, count("select count(*) from personal_data_export where person_id = ?1", ben), "one row");
    }

    @Test
    void periodsAreSetByAdminsWithinBounds() {
        List<Policies.Policy> policies = privacy.policies(People.admin(admin));
        assertEquals(Set.of(PersonalData.LEAVERS, ShadowingPersonalData.REFLECTIONS, NotificationsPersonalData.NOTIFICATIONS,
                SecurityPersonalData.SIGN_INS, SecurityPersonalData.EVENTS, "audit.entries"), policies.stream().map(Policies.Policy::kind).collect(java.util.stream.Collectors.toSet()));
        assertEquals("error.forbidden", code(() -> privacy.policies(People.learner(ada))));
        assertEquals("error.forbidden", code(() -> privacy.changePolicies(People.learner(ada), Map.of("audit.entries", 10))));
        assertEquals("privacy.error.days", code(() -> privacy.changePolicies(People.admin(admin), Map.of("audit.entries", 0))));
        assertEquals("privacy.error.unknownKind", code(() -> privacy.changePolicies(People.admin(admin), Map.of("passwords", 10))));
        int before = policies.stream().filter(p -> p.kind().equals("audit.entries")).findFirst().orElseThrow().days();
        try {
            privacy.changePolicies(People.admin(admin), Map.of("audit.entries", before + 1));
            assertEquals(before + 1, privacy.policies(People.admin(admin)).stream().filter(p -> p.kind().equals("audit.entries")).findFirst()
                    .orElseThrow().days());
        } finally {
            privacy.changePolicies(People.admin(admin), Map.of("audit.entries", before));
        }
    }

    @Test
    void refusedAttemptsAreStoredAtMostThirtyAnHourPerPersonAndSignInsAlways() {
        Instant at = clock.instant().minus(Duration.ofDays(3));
        for (int i = 0; i < 35; i++) {
            signInEvents.record(ben, SignInEvents.Kind.FAILED, "api", "203.0.113." + i, "curl/8.5.0", at.plusSeconds(i));
        }
        assertEquals(30, count("select count(*) from sign_in_event where person_id = ?1 and kind = 'FAILED'", ben), "the rest only in the log");
        assertTrue(signInEvents.record(ben, SignInEvents.Kind.SIGNED_IN, "web", "203.0.113.200", null, at.plusSeconds(40)), "a sign-in is always kept");
        assertTrue(signInEvents.record(ben, SignInEvents.Kind.THROTTLED, "web", "203.0.113.201", null, at.plus(Duration.ofMinutes(61))),
                "an hour later refused attempts are kept again");

        List<SignInEvents.Event> recent = signInEvents.recent(People.learner(ben));
        assertEquals(10, recent.size(), "the account page shows the latest ten");
        assertEquals(SignInEvents.Kind.THROTTLED, recent.get(0).kind());
        assertEquals(new SignInEvents.Event(at.plusSeconds(40).truncatedTo(java.time.temporal.ChronoUnit.MILLIS), SignInEvents.Kind.SIGNED_IN, "web",
                "203.0.113.200", null), recent.get(1));
        assertEquals("curl/8.5.0", recent.get(2).browser());
        assertTrue(signInEvents.recent(People.learner(ada)).stream().noneMatch(e -> e.address() != null && e.address().startsWith("203.0.113.")),
                "only one's own");
    }

    /**
     * The demo company's people as they are (read only: nothing is requested or changed): each one's export holds a
     * part for every feature with a row of theirs, and no other demo person's e-mail or name.
     */
    @Test
    void everyDemoPersonsExportHoldsEveryKindOfTheirDataAndNothingOfAnyoneElse() {
        @SuppressWarnings("unchecked")
        List<Object[]> demo = em.createNativeQuery("select id, email, concat(first_name, ' ', last_name) from person"
                + " where email like '%@brightwater.example' and erased_at is null order by id").getResultList();
        assertTrue(demo.size() >= 50, "the demo company: " + demo.size());
        @SuppressWarnings("unchecked")
        Set<String> withPersonId = Set.copyOf(em.createNativeQuery("select lower(table_name) from information_schema.columns"
                + " where table_schema = database() and column_name = 'person_id'").getResultList());
        Map<String, String> owners = new LinkedHashMap<>();
        for (PersonalData holder : holders) {
            holder.holdings().stream().filter(h -> withPersonId.contains(h.table())).forEach(h -> owners.put(h.table(), holder.feature()));
        }
        List<String> wrong = new ArrayList<>();
        for (Object[] person : demo) {
            long id = ((Number) person[0]).longValue();
            Map<String, Map<String, List<Map<String, Object>>>> data = exports.collect(id);
            String all = data.toString();
            if (!all.contains((String) person[1])) {
                wrong.add(person[1] + ": their own e-mail is missing");
            }
            for (var table : owners.entrySet()) {
                if (count("select count(*) from " + table.getKey() + " where person_id = ?1", id) > 0
                        && data.getOrDefault(table.getValue(), Map.of()).values().stream().allMatch(List::isEmpty)) {
                    wrong.add(person[1] + ": rows in " + table.getKey() + " but nothing in " + table.getValue() + ".json");
                }
            }
            for (Object[] other : demo) {
                if (other != person && (all.contains((String) other[1]) || all.contains((String) other[2]))) {
                    wrong.add(person[1] + ": holds " + other[1] + " or " + other[2]);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
