package org.everyoneserves.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.everyoneserves.content.CatalogItem.Kind;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Importing content into the catalog on MariaDB: the shipped curriculum is there after deployment; a copy of it with
 * one extra track goes through new, unchanged, minor, material, retired and refused, as an author would make it.
 */
@ExtendWith(ArquillianExtension.class)
class CatalogIT {

    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(CatalogIT.class, MaterialChanges.class, org.everyoneserves.testing.People.class,
                org.everyoneserves.testing.Web.class, org.everyoneserves.testing.AtOnce.class);
    }

    @Inject
    CatalogService catalog;

    @Inject
    Catalog published;

    @Inject
    ContentSource source;

    @Inject
    MaterialChanges events;

    @Inject
    PersonService people;

    Path root;
    String track;
    String module;

    @BeforeEach
    void aCopyOfTheShippedContentWithOneMoreTrack() throws IOException {
        root = Files.createTempDirectory("content-it").resolve("content");
        copy(source.root(), root);
        // Six letters (a UUID's letters alone were sometimes fewer than six: about one run in fifty failed here).
        String suffix = java.util.concurrent.ThreadLocalRandom.current().ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        track = "it-track-" + suffix;
        module = "it-module-" + suffix;
        Path folder = Files.createDirectories(root.resolve("tracks").resolve(track).resolve("images"));
        Files.writeString(folder.getParent().resolve("track.yaml"), "id: " + track + "\ntitle: Test track\nsummary: For the test.\n");
        Files.write(folder.resolve("desk.png"), PNG);
        writeModule(1, "A customer calls about an invoice.");
        Files.writeString(folder.getParent().resolve(module + ".quiz.yaml"), """
                id: %s-quiz
                module: %s
                title: Test quiz
                pass_mark: 50
                questions:
                  - id: q1
                    kind: true_false
                    prompt: The customer sees one company.
                    answer: true
                    key_points: [one-company]
                    explanation: Whoever picks up owns the moment.
                """.formatted(module, module));
        events.clear();
    }

    @AfterEach
    void removeTheCopy() throws IOException {
        try (Stream<Path> files = Files.walk(root.getParent())) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    void writeModule(int revision, String firstLine) throws IOException {
        Files.writeString(root.resolve("tracks").resolve(track).resolve(module + ".md"), """
                ---
                id: %s
                title: Test module
                summary: A module written by the test.
                audience: [all]
                minutes: 1
                revision: %d
                key_points:
                  one-company: The customer sees one company.
                ---

                %s

                ![The support desk](images/desk.png)

                See [the foundation](module:everyone-serves) and <script>alert('x')</script> this.

                <img src="x" onerror="alert('y')">

                > [!TIP]
                > Own the moment.
                """.formatted(module, revision, firstLine));
    }

    @Test
    void theShippedCurriculumIsInTheCatalogAfterDeployment() {
        Map<Kind, Long> counts = catalog.activeCounts();
        assertTrue(counts.get(Kind.MODULE) >= 12, "modules: " + counts);
        assertTrue(counts.get(Kind.QUIZ) >= 12, "quizzes: " + counts);
        assertTrue(counts.get(Kind.GUIDE) >= 9, "guides: " + counts);
        assertEquals(27, counts.get(Kind.CURRICULUM), "a curriculum for every job role, and the default one");
        assertTrue(counts.get(Kind.REFRESHER) >= 100, "refreshers: " + counts);
        Published<Definitions.Module> foundation = published.getModule("everyone-serves");
        assertTrue(foundation.html().contains("<h2"), foundation.html());
        assertFalse(foundation.plainText().contains("<"), "plain text has no markup");
        assertTrue(people.findByCode(org.everyoneserves.people.JobRole.class, "support-agent").isPresent(),
                "the job roles the curricula are written for exist");
    }

    @Test
    void aNewTrackIsImportedOnceWithItsPicturesAndNothingThatRuns() {
        CatalogService.Outcome first = catalog.importFrom(Caller.SYSTEM, root);
        assertTrue(first.applied());
        List<CatalogPlan.Change> changes = first.preview().plan().changes();
        assertEquals(List.of(module, module + "-quiz"), changes.stream().filter(c -> c.type() == CatalogPlan.Type.NEW)
                .map(CatalogPlan.Change::code).sorted().toList());
        assertTrue(changes.stream().allMatch(c -> c.code().startsWith("it-module-")),
                "the shipped content is unchanged (earlier tests' tracks are retired): " + changes);

        Published<Definitions.Module> v1 = published.getModule(module);
        assertEquals(1, v1.number());
        String html = v1.html();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("onerror"), html);
        assertTrue(html.contains("href=\"/learner/module.xhtml?id&#61;everyone-serves\""), html);
        String pictureUrl = org.everyoneserves.platform.WebPaths.CONTENT_ASSETS + ContentHash.of(PNG) + ".png";
        assertTrue(html.contains("src=\"" + pictureUrl + "\""), html);
        assertTrue(html.contains("callout"), html);
        ContentAsset picture = catalog.asset(ContentHash.of(PNG)).orElseThrow();
        assertEquals("image/png", picture.getMediaType());
        assertPictureLoadsWithTheAppsToken(pictureUrl);

        Definitions.Quiz quiz = published.getQuiz(module + "-quiz").definition();
        assertEquals(Boolean.TRUE, quiz.questions().get(0).answer(), "the answer key is kept with the version");
        assertEquals(Question.Kind.TRUE_FALSE, quiz.questions().get(0).kind());

        CatalogService.Outcome again = catalog.importFrom(Caller.SYSTEM, root);
        assertFalse(again.applied(), "the same files again change nothing");
        assertTrue(again.preview().plan().isEmpty());
        assertEquals(1, catalog.versions(Kind.MODULE, module).size());
    }

    /** What a restart does: a folder exactly as the last import read it is not checked again; one changed byte is. */
    @Test
    void aStartSkipsTheFolderOfTheLastImportAndChecksItAfterAnyChange() throws IOException {
        assertTrue(source.build().isPresent(), "the WAR says which build it is");
        assertTrue(catalog.importIfChanged(Caller.SYSTEM, root).orElseThrow().applied(), "a new folder is imported");
        assertTrue(catalog.importIfChanged(Caller.SYSTEM, root).isEmpty(), "the same folder again is not checked again");

        writeModule(1, "A customer calls about an invoice, twice.");
        CatalogService.Outcome changed = catalog.importIfChanged(Caller.SYSTEM, root).orElseThrow();
        assertEquals(List.of(CatalogPlan.Type.MINOR), changed.preview().plan().changes().stream().map(CatalogPlan.Change::type).toList());
        assertEquals(2, catalog.versions(Kind.MODULE, module).size());

        Path quiz = root.resolve("tracks").resolve(track).resolve(module + ".quiz.yaml");
        Files.writeString(quiz, Files.readString(quiz).replace("pass_mark: 50", "pas_mark: 50"));
        assertTrue(catalog.importIfChanged(Caller.SYSTEM, root).orElseThrow().preview().refused());
        assertTrue(catalog.importIfChanged(Caller.SYSTEM, root).orElseThrow().preview().refused(),
                "refused content is checked (and its errors logged) at every start until it is fixed");
    }

    /** Twelve imports at once (servers starting, admins pressing "Import now"): each item is published once, without an error. */
    @Test
    void twelveImportsAtOncePublishEachVersionOnce() throws Exception {
        List<String> outcomes = org.everyoneserves.testing.AtOnce.run(() -> {
            try {
                return catalog.importFrom(Caller.SYSTEM, root).applied() ? "applied" : "unchanged";
            } catch (RuntimeException e) {
                return e.toString();
            }
        });
        assertEquals(1, outcomes.stream().filter("applied"::equals).count(), outcomes.toString());
        assertEquals(org.everyoneserves.testing.AtOnce.TIMES - 1, outcomes.stream().filter("unchanged"::equals).count(), outcomes.toString());
        assertEquals(1, catalog.versions(Kind.MODULE, module).size());
    }

    @Test
    void aTypoFixIsMinorARaisedRevisionIsMaterialAndARemovedFileRetiresWithHistoryKept() throws IOException {
        catalog.importFrom(Caller.SYSTEM, root);
        assertEquals(1, published.module(module).orElseThrow().number(), "read once, so that the catalog keeps it in memory");

        writeModule(1, "A customer calls about an invoice, twice.");
        CatalogPlan minor = catalog.check(root).plan();
        assertEquals(1, minor.changes().size(), minor.toString());
        assertEquals(CatalogPlan.Type.MINOR, minor.changes().get(0).type());
        assertEquals(1, catalog.versions(Kind.MODULE, module).size(), "a check changes nothing");
        catalog.importFrom(Caller.SYSTEM, root);
        ContentVersion v2 = catalog.versions(Kind.MODULE, module).get(0);
        assertEquals(2, v2.getNumber());
        assertEquals(v2.getId(), published.module(module).orElseThrow().versionId(), "the import replaced the copy in memory at once");
        assertFalse(v2.isMaterial());
        assertTrue(events.material().isEmpty(), "a minor change asks nobody to redo anything");

        writeModule(2, "A customer calls about an invoice, twice, and is angry.");
        CatalogService.Outcome material = catalog.importFrom(Caller.SYSTEM, root);
        assertEquals(CatalogPlan.Type.MATERIAL, material.preview().plan().changes().get(0).type());
        ContentVersion v3 = catalog.versions(Kind.MODULE, module).get(0);
        assertEquals(3, v3.getNumber());
        assertEquals(v3.getId(), published.getModule(module).versionId());
        assertTrue(v3.isMaterial());
        assertEquals(List.of(new ContentChangedMaterially(Kind.MODULE, module, v3.getId(), 3)), events.material());

        deleteTree(root.resolve("tracks").resolve(track));
        CatalogService.Outcome removed = catalog.importFrom(Caller.SYSTEM, root);
        assertEquals(2, removed.preview().plan().count(CatalogPlan.Type.RETIRED));
        assertTrue(published.module(module).isEmpty(), "a retired module is no longer offered");
        assertEquals(List.of(3, 2, 1), catalog.versions(Kind.MODULE, module).stream().map(ContentVersion::getNumber).toList(),
                "its history stays");
        assertTrue(catalog.catalog(Caller.SYSTEM, Kind.MODULE, true).stream().anyMatch(r -> r.code().equals(module) && r.retired()));
        assertTrue(catalog.catalog(Caller.SYSTEM, Kind.MODULE, false).stream().noneMatch(r -> r.code().equals(module)));
    }

    @Test
    void contentWithAnErrorIsRefusedAndTheCatalogStaysAsItWas() throws IOException {
        catalog.importFrom(Caller.SYSTEM, root);
        Path quiz = root.resolve("tracks").resolve(track).resolve(module + ".quiz.yaml");
        Files.writeString(quiz, Files.readString(quiz).replace("pass_mark: 50", "pass_mark: 50\npas_mark: 60"));
        writeModule(1, "Changed, but the quiz next to it is broken.");

        CatalogService.Outcome outcome = catalog.importFrom(Caller.SYSTEM, root);
        assertTrue(outcome.preview().refused());
        assertFalse(outcome.applied());
        assertTrue(outcome.preview().problems().stream().anyMatch(p -> p.isError() && p.message().contains("pas_mark")
                && p.path().endsWith(module + ".quiz.yaml") && p.line() == 5), outcome.preview().problems().toString());
        assertEquals(1, catalog.versions(Kind.MODULE, module).size(), "nothing was imported");
        assertEquals(CatalogService.ImportRow.class, catalog.history(Caller.SYSTEM, 1).get(0).getClass());
        assertEquals(ContentImport.Outcome.REFUSED, catalog.history(Caller.SYSTEM, 1).get(0).outcome());
    }

    @Test
    void onlyAdminsImportOrCheck() {
        Caller learner = new Caller(42, false, false);
        Caller manager = new Caller(42, false, true);
        assertThrows(BusinessException.class, () -> catalog.importFrom(learner, root));
        assertThrows(BusinessException.class, () -> catalog.preview(manager));
        assertThrows(BusinessException.class, () -> catalog.catalog(learner, null, false));
        assertTrue(published.module(module).isEmpty(), "nothing was imported");
    }

    @Test
    void aCurriculumChangeIsAnnounced() throws IOException {
        Path curriculum = root.resolve("curricula/receptionist.yaml");
        Files.writeString(curriculum, Files.readString(curriculum) + "\n# reviewed\n  - module: " + module + "\n    due_days: 90\n");
        CatalogService.Outcome outcome = catalog.importFrom(Caller.SYSTEM, root);
        assertTrue(outcome.applied(), outcome.preview().problems().toString());
        assertEquals(List.of(new CurriculumChanged("receptionist")), events.curricula(), outcome.preview().plan().changes().toString());
        Definitions.Curriculum stored = published.curriculum("receptionist").orElseThrow().definition();
        assertTrue(stored.items().stream().anyMatch(i -> i.id().equals(module) && i.dueDays() == 90 && i.target().equals("module")));
        Files.writeString(curriculum, Files.readString(source.root().resolve("curricula/receptionist.yaml")));
        catalog.importFrom(Caller.SYSTEM, root);
        assertEquals(2, events.curricula().size(), "putting it back is a change too");
    }

    @Inject
    org.everyoneserves.quizzes.QuizService quizzes;

    /** An attempt answered offline and submitted after a new version came out is scored against the questions it showed. */
    @Test
    void anAttemptIsScoredAgainstTheVersionItShowedEvenAfterANewOne() throws IOException {
        catalog.importFrom(Caller.SYSTEM, root);
        Caller learner = org.everyoneserves.testing.People.learner(new org.everyoneserves.testing.People(people).create("offline", null));
        long attempt = quizzes.start(learner, module + "-quiz");
        Path quiz = root.resolve("tracks").resolve(track).resolve(module + ".quiz.yaml");
        Files.writeString(quiz, Files.readString(quiz).replace("pass_mark: 50", "pass_mark: 50\nrevision: 2")
                .replace("answer: true", "answer: false").replace("The customer sees one company.", "The customer sees our org chart."));
        CatalogService.Outcome outcome = catalog.importFrom(Caller.SYSTEM, root);
        assertTrue(outcome.applied(), outcome.toString());
        assertEquals(2, published.getQuiz(module + "-quiz").number(), "a new version is current");

        long submitted = quizzes.submit(learner, attempt, java.util.List.of(org.everyoneserves.quizzes.Answer.trueFalse("q1", true)));
        org.everyoneserves.quizzes.QuizService.ResultView result = quizzes.result(learner, submitted);
        assertEquals(100, result.percent(), "true was right in the version shown");
        assertEquals("The customer sees one company.", result.questions().get(0).prompt(), "and the result shows the question as it was");
    }

    @Inject
    org.everyoneserves.security.AccountService accounts;

    @Inject
    org.everyoneserves.security.TokenService tokens;

    @Inject
    org.everyoneserves.security.PasswordHasher hasher;

    /** The mobile app shows a module's HTML; its pictures load with the app's access token, and not without one. */
    void assertPictureLoadsWithTheAppsToken(String pictureUrl) {
        org.everyoneserves.testing.People builder = new org.everyoneserves.testing.People(people);
        long reader = builder.create("reader", null);
        accounts.storePasswordHash(reader, hasher.hash("a long enough passphrase"));
        String token = tokens.signIn(builder.email("reader"), "a long enough passphrase", "Phone", "10.0.0.1").accessToken();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        try {
            var withToken = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(org.everyoneserves.testing.Web.BASE + pictureUrl))
                    .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, withToken.statusCode());
            assertEquals("image/png", withToken.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(withToken.headers().firstValue("Set-Cookie").isEmpty(), "no session is made for the app");
            var without = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(org.everyoneserves.testing.Web.BASE + pictureUrl))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(404, without.statusCode());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
