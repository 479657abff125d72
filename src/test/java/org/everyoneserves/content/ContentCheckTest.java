package org.everyoneserves.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentCheckTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ContentCheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void goodTreePrintsTheSummaryAndExitsZero() {
        assertEquals(0, run(Fixtures.good().toString()));
        assertEquals("item cues: 0 right answer longest by a margin, 0 right answer often longest, 0 true/false imbalance,"
                        + " 0 multiple answer with too few wrong choices, 0 all/none of the above, 0 duplicate choices,"
                        + " 0 choice repeats the question — the right answer is the longest choice in 1 of 4 one-answer questions"
                        + " (chance: 2.0)\n"
                        + "content: 2 modules, 2 quizzes, 1 shadowing guide, 1 curriculum, 2 refreshers — 0 errors, 0 warnings\n",
                out().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void errorsArePrintedAndExitOne(@TempDir Path dir) {
        assertEquals(1, run(Fixtures.goodWith("shadowing-rules", dir).toString()));
        String[] lines = out().split("\\R");
        assertEquals(7, lines.length);
        assertEquals("content/tracks/foundation/shadowing.yaml:4:14: unknown job role 'support-agnt' in host_roles"
                + " — did you mean 'support-agent'?", lines[0]);
        assertEquals("content: 2 modules, 2 quizzes, 2 shadowing guides, 1 curriculum, 2 refreshers — 4 errors, 1 warning", lines[6]);
    }

    @Test
    void warningsAloneExitZero(@TempDir Path dir) {
        assertEquals(0, run(Fixtures.goodWith("reading-time", dir).toString()));
        assertTrue(out().contains("— 0 errors, 1 warning"), out());
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) {
        assertEquals(2, run("a", "b"));
        assertEquals(2, run(dir.resolve("missing").toString()));
        assertEquals(2, run("--help"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: ContentCheck [content-folder]"));
    }
}
