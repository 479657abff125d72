package org.everyoneserves.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Direct SQL against the test server's database from a client test, for what a browser cannot do: letting time pass
 * (a booked session "has started"). The URL is the one the embedded MariaDB published for the server.
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

    public static int update(String sql, Object... arguments) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, arguments)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
