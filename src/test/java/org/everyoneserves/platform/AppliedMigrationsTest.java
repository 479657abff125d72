package org.everyoneserves.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resolver.MigrationInfoHelper;
import org.junit.jupiter.api.Test;

/**
 * The build's list of migrations names every script, and each is read as Flyway reads it (version, description,
 * checksum): a start that finds them all in the schema history skips Flyway, so a difference here would let a start
 * skip a migration Flyway would apply or refuse.
 */
class AppliedMigrationsTest {

    private static final Path FOLDER = Path.of("src/main/resources/db/migration");

    @Test
    void theListNamesEveryScriptAndEachIsReadAsFlywayReadsIt() throws IOException {
        List<AppliedMigrations.Migration> migrations = AppliedMigrations.migrations(getClass().getClassLoader()).orElseThrow();
        List<String> scripts;
        try (Stream<Path> files = Files.list(FOLDER)) {
            scripts = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        assertEquals(scripts, migrations.stream().map(AppliedMigrations.Migration::script).sorted().toList());
        for (AppliedMigrations.Migration migration : migrations) {
            var flyway = MigrationInfoHelper.extractVersionAndDescription(migration.script(), "V", "__", new String[] {".sql"}, false);
            assertEquals(flyway.getLeft().getVersion(), migration.version(), migration.script());
            assertEquals(flyway.getRight(), migration.description(), migration.script());
            assertEquals(ChecksumCalculator.calculate(resource(FOLDER.resolve(migration.script()))), migration.checksum(), migration.script());
        }
    }

    @Test
    void theChecksumIsFlywaysWithByteOrderMarksAndLineEnds() throws IOException {
        Path script = Files.createTempFile("V1__x", ".sql");
        try {
            Files.writeString(script, "\uFEFFcreate table a (id int);\r\n\r\n-- é\ninsert into a values (1);", StandardCharsets.UTF_8);
            try (InputStream in = Files.newInputStream(script)) {
                assertEquals(ChecksumCalculator.calculate(resource(script)), AppliedMigrations.checksum(in));
            }
        } finally {
            Files.delete(script);
        }
    }

    private static LoadableResource resource(Path file) {
        return new LoadableResource() {
            @Override
            public Reader read() {
                try {
                    return Files.newBufferedReader(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public String getAbsolutePath() {
                return file.toAbsolutePath().toString();
            }

            @Override
            public String getAbsolutePathOnDisk() {
                return getAbsolutePath();
            }

            @Override
            public String getFilename() {
                return file.getFileName().toString();
            }

            @Override
            public String getRelativePath() {
                return getFilename();
            }
        };
    }
}
