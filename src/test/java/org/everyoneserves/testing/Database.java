package org.everyoneserves.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct SQL against the test server's database from a client test, for what the application offers no client a way
 * to do (publishing a host's slots) and for checking what was stored. Time passes on the server's clock
 * ({@link ServerClock}), not here. The URL is the one the embedded MariaDB published for the server.
 */
public final class Database {

    private Database() {
    }

    /** The first column of the first row, or null. */
    public static Object value(String sql, Object... arguments) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, arguments);
             java.sql.ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        String url = System.getProperty("app.db.url");
        if (url == null) {
            throw new IllegalStateException("app.db.url is not set: client tests that change data run under failsafe with the embedded MariaDB");
        }
        return DriverManager.getConnection(url, System.getProperty("app.db.user", "everyoneserves"),
                System.getProperty("app.db.password", "everyoneserves"));
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... arguments) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < arguments.length; i++) {
            statement.setObject(i + 1, arguments[i]);
        }
        return statement;
    }

    /** Publishes the host's shadowing slots of {@code seats} seats, each starting in so many days from now; their ids. */
    public static List<Long> slots(long hostId, String place, int seats, int... inDays) {
        List<Long> ids = new ArrayList<>();
        for (int days : inDays) {
            update("insert into shadowing_slot (host_id, starts_at, minutes, place, capacity, booked, created_at, version)"
                    + " values (?, now(3) + interval ? day, 60, ?, ?, 0, now(3), 0)", hostId, days, place, seats);
            ids.add(((Number) value("select max(id) from shadowing_slot where host_id = ?", hostId)).longValue());
        }
        return ids;
    }

    /**
     * Runs a locking read ({@code select ... for update}) in a transaction that stays open, holding its row locks, until
     * the returned connection is closed (which rolls it back).
     */
    public static Connection holdingLocks(String sql, Object... arguments) {
        try {
            Connection connection = connect();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = prepare(connection, sql, arguments); java.sql.ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    connection.close();
                    throw new IllegalStateException("nothing to lock: " + sql);
                }
            }
            return new LockHolder(connection).proxy();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closing the connection rolls its transaction back first, which releases the locks at once. */
    private record LockHolder(Connection connection) implements java.lang.reflect.InvocationHandler {

        Connection proxy() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, this);
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] arguments) throws Throwable {
            if ("close".equals(method.getName())) {
                connection.rollback();
            }
            return method.invoke(connection, arguments);
        }
    }

    public static int update(String sql, Object... arguments) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, arguments)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
