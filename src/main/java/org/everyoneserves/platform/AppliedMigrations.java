package org.everyoneserves.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether the schema history already holds every migration of this build as Flyway would find it: each script with
 * its version, description and checksum, applied successfully, and no other migration. Then Flyway would neither apply
 * nor refuse anything, and a start need not run it (its configuration, its scan of the class path, its lock and its
 * validation took about 0.5 s of every start). Any difference, a history that cannot be read or a build without its
 * list of migrations ({@value #LIST}, written by the build) leaves the decision to Flyway, as before.
 */
final class AppliedMigrations {

    static final String LIST = "db/migrations.list";

    /** Flyway's versioned migrations: {@code V16_1__export_once.sql} is version 16.1, "export once". */
    private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    record Migration(String version, String description, String script, int checksum) {
    }

    private AppliedMigrations() {
    }

    /** The newest version when every migration of this build is in the history as Flyway would find it; else empty. */
    static Optional<String> allApplied(DataSource dataSource, ClassLoader loader) {
        Optional<List<Migration>> migrations = migrations(loader);
        if (migrations.isEmpty() || migrations.get().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Migration> applied = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version, description, type, script, checksum, success from flyway_schema_history")) {
            while (rows.next()) {
                if ("BASELINE".equals(rows.getString("type"))) {
                    continue;
                }
                int checksum = rows.getInt("checksum");
                boolean noChecksum = rows.wasNull();
                if (noChecksum || !"SQL".equals(rows.getString("type")) || !rows.getBoolean("success")
                        || applied.put(rows.getString("version"), new Migration(rows.getString("version"), rows.getString("description"),
                        rows.getString("script"), checksum)) != null) {
                    return Optional.empty();
                }
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
        Map<String, Migration> packaged = new HashMap<>();
        migrations.get().forEach(m -> packaged.put(m.version(), m));
        if (packaged.size() != migrations.get().size() || !packaged.equals(applied)) {
            return Optional.empty();
        }
        return migrations.get().stream().map(Migration::version).max(AppliedMigrations::compareVersions);
    }

    /** The build's migrations, from its list; empty when the list or a script it names cannot be read or a name is not Flyway's. */
    static Optional<List<Migration>> migrations(ClassLoader loader) {
        try (InputStream list = loader.getResourceAsStream(LIST)) {
            if (list == null) {
                return Optional.empty();
            }
            List<Migration> migrations = new ArrayList<>();
            for (String script : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (script.isBlank()) {
                    continue;
                }
                Optional<Migration> migration = migration(loader, script.strip());
                if (migration.isEmpty()) {
                    return Optional.empty();
                }
                migrations.add(migration.get());
            }
            return Optional.of(migrations);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Migration> migration(ClassLoader loader, String script) throws IOException {
        Matcher name = NAME.matcher(script);
        if (!name.matches()) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream("db/migration/" + script)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new Migration(name.group(1).replace('_', '.'), name.group(2).replace('_', ' '), script, checksum(in)));
        }
    }

    /** Flyway's checksum of a script: CRC-32 over its lines' UTF-8 bytes, without line ends or byte order marks. */
    static int checksum(InputStream script) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader lines = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8), 4096);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            crc.update((line.startsWith("\uFEFF") ? line.substring(1) : line).getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = new java.math.BigInteger(i < x.length ? x[i] : "0").compareTo(new java.math.BigInteger(i < y.length ? y[i] : "0"));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
