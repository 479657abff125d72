package org.everyoneserves.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The migrations on a new database, on the tests' MariaDB (a database of its own per test). A server alone starts its
 * session store at once, and Infinispan creates the store's table (web_session_*) when it starts, which can be before
 * the migrations run: the migrations must still apply, from the first. Any other table without a schema history is
 * someone else's database, and the deployment stops as Flyway says.
 */
class FlywayIntegratorIT {

    @Test
    void aNewDatabaseWhoseOnlyTableIsTheSessionStoresGetsEveryMigration() throws SQLException {
        String database = fresh("create table web_session_ROOT_war (id varchar(255) primary key, datum longblob, version bigint)");
        try {
            FlywayIntegrator.migrate(dataSource(database));
            assertEquals(1L, number(database, "select count(*) from information_schema.tables where table_schema = database() and table_name = 'person'"),
                    "the first migration ran");
            long migrations;
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
                migrations = files.filter(f -> f.getFileName().toString().endsWith(".sql")).count();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertEquals(migrations, number(database, "select count(*) from flyway_schema_history where success = 1 and type = 'SQL'"),
                    "and every other");
        } finally {
            drop(database);
        }
    }

    @Test
    void aDatabaseWithAnotherTableAndNoHistoryIsRefused() throws SQLException {
        String database = fresh("create table invoices (id bigint primary key)");
        try {
            assertThrows(FlywayException.class, () -> FlywayIntegrator.migrate(dataSource(database)));
        } finally {
            drop(database);
        }
    }

    /**
     * A start skips Flyway only when the history has every migration of the build as it is: not before the first
     * migration, not with a migration still to apply, not with a script changed since it was applied (Flyway refuses that).
     */
    @Test
    void aStartSkipsFlywayOnlyWhenTheHistoryHasEveryMigrationAsItIs() throws SQLException {
        String database = fresh("create table web_session_ROOT_war (id varchar(255) primary key, datum longblob, version bigint)");
        ClassLoader build = getClass().getClassLoader();
        try {
            MariaDbDataSource dataSource = dataSource(database);
            assertEquals(Optional.empty(), AppliedMigrations.allApplied(dataSource, build), "no history yet");
            FlywayIntegrator.migrate(dataSource);
            String newest = text(database, "select version from flyway_schema_history where type = 'SQL' order by installed_rank desc limit 1");
            assertEquals(Optional.of(newest), AppliedMigrations.allApplied(dataSource, build), "every migration applied");

            execute(database, "update flyway_schema_history set checksum = checksum + 1 where version = '" + newest + "'");
            assertEquals(Optional.empty(), AppliedMigrations.allApplied(dataSource, build), "a script changed since");
            assertThrows(FlywayException.class, () -> FlywayIntegrator.migrate(dataSource), "which Flyway refuses");
            execute(database, "update flyway_schema_history set checksum = checksum - 1 where version = '" + newest + "'");

            execute(database, "delete from flyway_schema_history where version = '" + newest + "'");
            assertEquals(Optional.empty(), AppliedMigrations.allApplied(dataSource, build), "a migration to apply");
        } finally {
            drop(database);
        }
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String text(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String fresh(String table) throws SQLException {
        String database = "flyway_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
            statement.execute("use " + database);
            statement.execute(table);
        }
        return database;
    }

    private static void drop(String database) throws SQLException {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("drop database " + database);
        }
    }

    private static long number(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static MariaDbDataSource dataSource(String database) throws SQLException {
        MariaDbDataSource dataSource = new MariaDbDataSource(url(database));
        dataSource.setUser(user());
        dataSource.setPassword(password());
        return dataSource;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user(), password());
    }

    /** The tests' database URL with another database in place of its own. */
    private static String url(String database) {
        String url = System.getProperty("app.db.url");
        if (url == null) {
            throw new IllegalStateException("app.db.url is not set: this test runs under failsafe with the embedded MariaDB");
        }
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    private static String user() {
        return System.getProperty("app.db.user", "everyoneserves");
    }

    private static String password() {
        return System.getProperty("app.db.password", "everyoneserves");
    }
}
