package org.everyoneserves.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.everyoneserves.content.files.ContentProblem;
import org.everyoneserves.content.files.ContentTree;
import org.junit.jupiter.api.Test;

/**
 * The project's real content folder must load and validate without errors (other warnings are allowed), and its quiz
 * and refresher items must not give the right answer away: no item cue, and the right answer no more often the longest
 * choice than chance would make it.
 */
class ShippedContentTest {

    @Test
    void shippedContentHasNoErrors() {
        Path content = Path.of("content");
        assertTrue(Files.isDirectory(content), "run from the Maven basedir, next to content/");
        ContentTree tree = ContentLoader.load(content);
        List<String> errors = ContentValidator.validate(tree).stream().filter(ContentProblem::isError).map(ContentProblem::toString).toList();
        assertEquals(List.of(), errors, () -> String.join("\n", errors));
    }

    @Test
    void shippedQuestionsShowNoMarkdownMarks() {
        List<String> marks = ContentValidator.check(Path.of("content")).stream().map(ContentProblem::toString)
                .filter(problem -> problem.contains("question texts are not Markdown")).toList();
        assertEquals(List.of(), marks, () -> String.join("\n", marks));
    }

    @Test
    void shippedItemsGiveNoSurfaceCues() {
        ItemCues.Report report = ItemCues.of(ContentLoader.load(Path.of("content")));
        List<String> cues = report.problems().stream().map(ContentProblem::toString).toList();
        assertEquals(List.of(), cues, () -> String.join("\n", cues));
        assertTrue(report.keyLongest() <= report.chance(), report::summary);
    }
}
