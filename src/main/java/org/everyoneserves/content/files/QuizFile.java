package org.everyoneserves.content.files;

import java.nio.file.Path;
import java.util.List;
import org.everyoneserves.content.Question;

/** A quiz from a {@code .quiz.yaml} file or converted from a GIFT file in {@code imports/}. */
public record QuizFile(
        String id,
        String module,
        String title,
        Integer passMark,
        int attempts,
        boolean shuffleQuestions,
        boolean shuffleChoices,
        Integer pool,
        int revision,
        List<Question> questions,
        Format format,
        Path file,
        String hash,
        Positions positions) {

    public QuizFile {
        questions = List.copyOf(questions);
    }

    public enum Format {
        YAML, GIFT, MOODLE_XML;

        /** Converted from a question bank exported from another system (imports/), rather than written here. */
        public boolean imported() {
            return this != YAML;
        }
    }

    /** The number of questions drawn for each attempt. */
    public int drawn() {
        return pool == null ? questions.size() : pool;
    }
}
