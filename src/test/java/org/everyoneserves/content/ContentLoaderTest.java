package org.everyoneserves.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.everyoneserves.content.files.ContentProblem;
import org.everyoneserves.content.files.ContentTree;
import org.everyoneserves.content.files.CurriculumFile;
import org.everyoneserves.content.files.GuideFile;
import org.everyoneserves.content.files.Location;
import org.everyoneserves.content.files.ModuleFile;
import org.everyoneserves.content.files.QuizFile;
import org.everyoneserves.content.files.RoleEntry;
import org.everyoneserves.content.files.TrackFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {

    private final ContentTree tree = ContentLoader.load(Fixtures.good());

    @Test
    void readsEveryKindOfFile() {
        assertEquals(List.of(), tree.loadProblems());
        assertEquals(2, tree.departments().size());
        assertEquals(List.of("support-agent", "accounts-receivable", "accountant"), tree.roles().stream().map(RoleEntry::code).toList());
        assertEquals(List.of("finance", "foundation"), tree.tracks().stream().map(TrackFile::id).toList());
        assertEquals(List.of("invoices-and-collections-calls", "everyone-serves"), tree.modules().stream().map(ModuleFile::id).toList());
        assertEquals(List.of("service-basics-gift-quiz", "everyone-serves-quiz"), tree.quizzes().stream().map(QuizFile::id).toList());
        assertEquals(2, tree.refreshers().size());
        assertEquals(1, tree.guides().size());
        assertEquals(1, tree.curricula().size());
    }

    @Test
    void moduleHeaderAndBodyKeepTheFilesLineNumbers() {
        ModuleFile module = tree.module("everyone-serves").orElseThrow();
        assertEquals("Everyone serves", module.title());
        assertEquals("foundation", module.track());
        assertEquals(List.of("all"), module.audience());
        assertEquals(2, module.minutes());
        assertEquals(List.of("touchpoints", "two-jobs"), module.tags());
        assertEquals(1, module.revision());
        assertEquals(List.of("touchpoints", "two-jobs"), List.copyOf(module.keyPoints().keySet()));
        assertEquals(new Location("content/tracks/foundation/everyone-serves.md", 2, 5), module.positions().at("id"));
        assertEquals(new Location("content/tracks/foundation/everyone-serves.md", 6, 10), module.positions().at("minutes"));
        assertEquals(new Location("content/tracks/foundation/everyone-serves.md", 10, 3), module.positions().at("key_points.touchpoints"));
        assertEquals(13, module.bodyLine());
        assertTrue(module.body().startsWith("\nCustomer service is not a department."));
    }

    @Test
    void quizWithEveryQuestionKind() {
        QuizFile quiz = tree.quiz("everyone-serves-quiz").orElseThrow();
        assertEquals("Everyone serves: check your understanding", quiz.title());
        assertEquals(70, quiz.passMark());
        assertEquals(3, quiz.attempts());
        assertEquals(4, quiz.pool());
        assertEquals(4, quiz.drawn());
        assertTrue(quiz.shuffleQuestions());
        assertEquals(QuizFile.Format.YAML, quiz.format());
        assertEquals(List.of(Question.Kind.SCENARIO, Question.Kind.SINGLE, Question.Kind.MULTIPLE, Question.Kind.TRUE_FALSE,
                Question.Kind.ORDERING), quiz.questions().stream().map(Question::kind).toList());
        Question scenario = quiz.questions().get(0);
        assertEquals("A customer calls finance about a double charge.\n", scenario.situation() + "\n");
        assertEquals(1, scenario.correctChoices());
        assertEquals("You own the moment.", scenario.choices().get(1).feedback());
        assertEquals(new Location("content/tracks/foundation/everyone-serves.quiz.yaml", 20, 9),
                scenario.choices().get(1).positions().element());
        assertEquals(Boolean.FALSE, quiz.questions().get(3).answer());
        assertEquals(3, quiz.questions().get(4).items().size());
    }

    @Test
    void curriculumItems() {
        CurriculumFile curriculum = tree.curricula().get(0);
        assertEquals("accounts-receivable", curriculum.role());
        CurriculumFile.Item item = curriculum.items().get(2);
        assertEquals(CurriculumFile.Target.MODULE, item.target());
        assertEquals("invoices-and-collections-calls", item.id());
        assertEquals(30, item.dueDays());
        assertEquals(CurriculumFile.From.ASSIGNMENT, item.from());
        assertNull(item.repeatMonths());
        assertEquals(CurriculumFile.From.START, curriculum.items().get(0).from());
        assertEquals(12, curriculum.items().get(0).repeatMonths());
        assertEquals(CurriculumFile.Target.SHADOWING, curriculum.items().get(4).target());
    }

    @Test
    void shadowingGuideGetsTheDefaultQuestions() {
        GuideFile guide = tree.guide("shadowing-finance").orElseThrow();
        assertEquals(List.of("support-agent"), guide.hostRoles());
        assertEquals(120, guide.durationMinutes());
        assertEquals(GuideFile.DEFAULT_QUESTIONS, guide.questions());
    }

    @Test
    void giftQuizTakesPartInTheTree() {
        QuizFile gift = tree.quiz("service-basics-gift-quiz").orElseThrow();
        assertEquals(QuizFile.Format.GIFT, gift.format());
        assertEquals("everyone-serves", gift.module());
        assertEquals(2, gift.questions().size());
    }

    @Test
    void contentHashIgnoresLineEndingsAndTrailingWhitespace() throws IOException {
        ModuleFile module = tree.module("everyone-serves").orElseThrow();
        String text = Files.readString(module.file());
        assertEquals(module.hash(), ContentHash.of(text));
        assertEquals(module.hash(), ContentHash.of(text.replace("\n", "\r\n") + "\n\n  \n"));
        assertNotEquals(module.hash(), ContentHash.of(text.replace("department", "team")));
        assertEquals(64, module.hash().length());
        assertFalse(tree.quizzes().stream().anyMatch(q -> q.hash() == null));
        assertFalse(tree.curricula().get(0).hash().isEmpty());
        assertFalse(tree.guides().get(0).hash().isEmpty());
    }

    @Test
    void moduleWithoutHeaderIsReported(@TempDir Path dir) throws IOException {
        Path content = dir.resolve("content");
        Fixtures.copy(Fixtures.good(), content);
        Files.writeString(content.resolve("tracks/finance/no-header.md"), "# Just Markdown\n");
        Files.writeString(content.resolve("tracks/finance/unclosed.md"), "---\nid: unclosed\n");
        Files.writeString(content.resolve("tracks/finance/notes.txt"), "scratch");
        assertEquals(List.of(
                "content/tracks/finance/no-header.md:1:1: a module starts with a YAML header between two '---' lines"
                        + " — start the file with '---', the header fields, then '---' and the Markdown",
                "content/tracks/finance/notes.txt:1:1: unexpected file or folder 'notes.txt' is ignored"
                        + " — expected here: track.yaml, <module>.md, <module>.quiz.yaml, refreshers.yaml, shadowing.yaml, images/",
                "content/tracks/finance/unclosed.md:1:1: the YAML header has no closing '---' line"
                        + " — start the file with '---', the header fields, then '---' and the Markdown"),
                ContentLoader.load(content).loadProblems().stream().map(ContentProblem::toString).sorted().toList());
    }

    @Test
    void missingRequiredFieldsAndWrongShapes(@TempDir Path dir) throws IOException {
        Path content = dir.resolve("content");
        Fixtures.copy(Fixtures.good(), content);
        Files.writeString(content.resolve("tracks/finance/track.yaml"), "id: finance\ntitle: [a, b]\n");
        assertEquals(List.of(
                "content/tracks/finance/track.yaml:1:1: missing required field 'summary' in track.yaml — add 'summary:' with a value",
                "content/tracks/finance/track.yaml:2:8: 'title' must be text, not a list or mapping — write one value after 'title:'"),
                Fixtures.problems(content));
    }

    @Test
    void refusesAMissingFolder(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> ContentLoader.load(dir.resolve("nope")));
    }

    @Test
    void keyPointsKeepTheirOrder() {
        Map<String, String> keyPoints = tree.module("everyone-serves").orElseThrow().keyPoints();
        assertEquals("Every point where someone meets the company is part of its service.", keyPoints.get("touchpoints"));
    }
}
