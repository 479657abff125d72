package org.everyoneserves.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.everyoneserves.content.CatalogItem.Kind;
import org.everyoneserves.content.files.ContentTree;
import org.everyoneserves.content.files.QuizFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts from the shipped content: every item once, stable hashes, definitions that read back whole. */
class DraftsTest {

    static final Path SHIPPED = Path.of("content");

    static Map<String, Draft> drafts(Path root) {
        return Drafts.of(ContentLoader.load(root)).stream().collect(Collectors.toMap(Draft::key, Function.identity()));
    }

    @Test
    void everyShippedItemBecomesOneDraftWithAStableHash() {
        ContentTree tree = ContentLoader.load(SHIPPED);
        Map<String, Draft> first = drafts(SHIPPED);
        assertEquals(tree.modules().size() + tree.quizzes().size() + tree.guides().size() + tree.refreshers().size() + tree.curricula().size(),
                first.size(), "one draft per item, no key twice");
        Map<String, Draft> second = drafts(SHIPPED);
        first.forEach((key, draft) -> assertEquals(draft.hash(), second.get(key).hash(), key));
    }

    @Test
    void aQuizDefinitionKeepsItsAnswerKeyAndDropsFilePositions() {
        Draft draft = drafts(SHIPPED).get("QUIZ:everyone-serves-quiz");
        Definitions.Quiz quiz = Catalog.decode(draft.definition(), Definitions.Quiz.class);
        QuizFile source = ContentLoader.load(SHIPPED).quiz("everyone-serves-quiz").orElseThrow();
        assertEquals(source.questions().size(), quiz.questions().size());
        assertEquals(source.drawn(), quiz.pool());
        assertEquals(source.passMark(), quiz.passMark());
        Question first = quiz.questions().get(0);
        assertEquals(source.questions().get(0).correctChoices(), first.correctChoices());
        assertEquals(source.questions().get(0).choices().get(0).feedback(), first.choices().get(0).feedback());
        assertNull(first.positions());
        assertTrue(!draft.definition().contains("\"line\""), "no file positions in the stored definition");
    }

    @Test
    void aCurriculumDefinitionHasEveryItemWithItsDefaults() {
        Definitions.Curriculum receptionist = Catalog.decode(drafts(SHIPPED).get("CURRICULUM:receptionist").definition(), Definitions.Curriculum.class);
        assertEquals("receptionist", receptionist.role());
        Definitions.Item first = receptionist.items().get(0);
        assertEquals(new Definitions.Item("module", "everyone-serves", 7, "start", 12), first);
        assertTrue(receptionist.items().stream().anyMatch(i -> i.target().equals("shadowing") && i.from().equals("assignment")));
    }

    @Test
    void movingAQuestionInItsFileIsNoChangeButEditingItIs(@TempDir Path temp) throws IOException {
        Path root = temp.resolve("content");
        CatalogIT.copy(SHIPPED, root);
        Path file = root.resolve("tracks/foundation/everyone-serves.quiz.yaml");
        String before = drafts(root).get("QUIZ:everyone-serves-quiz").hash();
        Files.writeString(file, "# a comment that moves every line down\n" + Files.readString(file));
        assertEquals(before, drafts(root).get("QUIZ:everyone-serves-quiz").hash());
        Files.writeString(file, Files.readString(file).replace("pass_mark: 70", "pass_mark: 80"));
        assertNotEquals(before, drafts(root).get("QUIZ:everyone-serves-quiz").hash());
    }

    @Test
    void aChangedPictureChangesItsModule(@TempDir Path temp) throws IOException {
        Path root = temp.resolve("content");
        CatalogIT.copy(SHIPPED, root);
        Path module = root.resolve("tracks/foundation/everyone-serves.md");
        Files.createDirectories(root.resolve("tracks/foundation/images"));
        Files.write(root.resolve("tracks/foundation/images/a.png"), CatalogIT.PNG);
        Files.writeString(module, Files.readString(module) + "\n![A desk](images/a.png)\n");
        Draft with = drafts(root).get("MODULE:everyone-serves");
        assertTrue(with.images().containsKey("images/a.png"), "the new picture belongs to the module: " + with.images().keySet());
        Files.write(root.resolve("tracks/foundation/images/a.png"), new byte[] {1, 2, 3});
        assertNotEquals(with.hash(), drafts(root).get("MODULE:everyone-serves").hash());
    }
}
