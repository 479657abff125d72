package org.everyoneserves.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.everyoneserves.content.files.ContentProblem;

/** The test content trees: a good one, and broken files laid over a copy of it. */
final class Fixtures {

    private Fixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/content-fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path good() {
        return resource("good/content");
    }

    /** A copy of the good tree in {@code dir}/content with the files of {@code broken/<name>} laid over it. */
    static Path goodWith(String brokenCase, Path dir) {
        Path content = dir.resolve("content");
        copy(good(), content);
        copy(resource("broken/" + brokenCase), content);
        return content;
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> problems(Path content) {
        return ContentValidator.check(content).stream().map(ContentProblem::toString).toList();
    }
}
