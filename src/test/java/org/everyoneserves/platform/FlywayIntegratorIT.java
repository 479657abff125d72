package org.everyoneserves.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.everyoneserves.testing.ScratchDatabase;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/**
 * The migrations on a new database, on the tests' MariaDB (a database of its own per test). A server alone starts its
 * session store at once, and Infinispan creates the store's table (web_session_*) when it starts, which can be before
 * the migrations run: the migrations must still apply, from the first. Any other table without a schema history is
 * someone else's database, and the deployment stops as Flyway says.
 */
class FlywayIntegratorIT {

    @Test
    void aNewDatabaseWhoseOnlyTableIsTheSessionStoresGetsEveryMigration() throws SQLException {
        try (ScratchDatabase database = ScratchDatabase.create("flyway",
                "create table web_session_ROOT_war (id varchar(255) primary key, datum longblob, version bigint)")) {
            FlywayIntegrator.migrate(database.dataSource());
            assertEquals(1L, database.number("select count(*) from information_schema.tables where table_schema = database() and table_name = 'person'"),
                    "the first migration ran");
            long migrations;
            try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
                migrations = files.filter(f -> f.getFileName().toString().endsWith(".sql")).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertEquals(migrations, database.number("select count(*) from flyway_schema_history where success = 1 and type = 'SQL'"),
                    "and every other");
        }
    }

    @Test
    void aDatabaseWithAnotherTableAndNoHistoryIsRefused() throws SQLException {
        try (ScratchDatabase database = ScratchDatabase.create("flyway", "create table invoices (id bigint primary key)")) {
            assertThrows(FlywayException.class, () -> FlywayIntegrator.migrate(database.dataSource()));
        }
    }

    /**
     * A start skips Flyway only when the history has every migration of the build as it is: not before the first
     * migration, not with a migration still to apply, not with a script changed since it was applied (Flyway refuses that).
     */
    @Test
    void aStartSkipsFlywayOnlyWhenTheHistoryHasEveryMigrationAsItIs() throws SQLException {
        ClassLoader build = getClass().getClassLoader();
        try (ScratchDatabase database = ScratchDatabase.create("flyway",
                "create table web_session_ROOT_war (id varchar(255) primary key, datum longblob, version bigint)")) {
            javax.sql.DataSource dataSource = database.dataSource();
            assertEquals(Optional.empty(), AppliedMigrations.allApplied(dataSource, build), "no history yet");
            FlywayIntegrator.migrate(dataSource);
            String newest = database.text("select version from flyway_schema_history where type = 'SQL' order by installed_rank desc limit 1");
            assertEquals(Optional.of(newest), AppliedMigrations.allApplied(dataSource, build), "every migration applied");

            database.execute("update flyway_schema_history set checksum = checksum + 1 where version = '" + newest + "'");
            assertEquals(Optional.empty(), AppliedMigrations.allApplied(dataSource, build), "a script changed since");
            assertThrows(FlywayException.class, () -> FlywayIntegrator.migrate(dataSource), "which Flyway refuses");
            database.execute("update flyway_schema_history set checksum = checksum - 1 where version = '" + newest + "'");

            database.execute("delete from flyway_schema_history where version = '" + newest + "'");
            assertEquals(Optional.empty(), AppliedMigrations.allApplied(dataSource, build), "a migration to apply");
        }
    }
}
