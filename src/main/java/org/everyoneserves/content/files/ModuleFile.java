package org.everyoneserves.content.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A reading module: the YAML header fields and the Markdown body. {@code bodyLine} is the file's line
 * number of the body's first line, so positions inside the body can be reported as real file lines.
 * Fields the writer left out or got wrong are {@code null}; the validator has reported them.
 */
public record ModuleFile(
        String id,
        String track,
        String title,
        String summary,
        List<String> audience,
        Integer minutes,
        List<String> tags,
        int revision,
        Map<String, String> keyPoints,
        String body,
        int bodyLine,
        Path file,
        String hash,
        Positions positions) {

    public ModuleFile {
        audience = List.copyOf(audience);
        tags = List.copyOf(tags);
        keyPoints = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keyPoints));
    }
}
