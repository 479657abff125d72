package org.everyoneserves.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A MariaDB named lock ({@code GET_LOCK}) held on a connection of its own while some start-up work runs, so that
 * nodes starting together do it one after the other: the schema migrations, then the content import and the demo
 * company. The second node then finds the work done. The lock goes with its connection, so a node killed while
 * holding it frees it at once.
 */
public final class ClusterLock {

    private static final Logger LOG = Logger.getLogger(ClusterLock.class.getName());

    private ClusterLock() {
    }

    /** Runs {@code work} holding the named lock, waiting up to {@code wait} for another node to finish first. */
    public static void holding(DataSource dataSource, String name, Duration wait, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            long t0 = System.nanoTime();
            try (PreparedStatement lock = connection.prepareStatement("select get_lock(?, ?)")) {
                lock.setString(1, name);
                lock.setLong(2, wait.toSeconds());
                try (ResultSet result = lock.executeQuery()) {
                    if (!result.next() || result.getInt(1) != 1) {
                        throw new IllegalStateException("another node held the lock " + name + " for more than " + wait);
                    }
                }
            }
            long waitedMs = (System.nanoTime() - t0) / 1_000_000;
            if (waitedMs > 100) {
                LOG.info(() -> "Waited " + waitedMs + " ms for another node's " + name);
            }
            try {
                work.run();
            } finally {
                try (PreparedStatement release = connection.prepareStatement("select release_lock(?)")) {
                    release.setString(1, name);
                    release.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the lock " + name + ": " + e.getMessage(), e);
        }
    }
}
