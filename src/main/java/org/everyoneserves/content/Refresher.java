package org.everyoneserves.content;

import java.nio.file.Path;

/** A one-minute refresher item from a track's {@code refreshers.yaml}. */
public record Refresher(String track, String module, Question question, Path file, String hash) {

    public String id() {
        return question.id();
    }
}
