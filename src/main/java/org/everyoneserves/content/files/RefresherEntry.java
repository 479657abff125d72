package org.everyoneserves.content.files;

import java.nio.file.Path;
import org.everyoneserves.content.Question;

/** A one-minute refresher item from a track's {@code refreshers.yaml}. */
public record RefresherEntry(String track, String module, Question question, Path file, String hash) {

    public String id() {
        return question.id();
    }
}
