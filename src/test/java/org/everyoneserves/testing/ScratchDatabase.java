package org.everyoneserves.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * A database of a test's own on the tests' MariaDB (failsafe's {@code app.db.url}), dropped when closed: for a test
 * that needs a schema no other test sees (a new database, a trigger dropped).
 */
public final class ScratchDatabase implements AutoCloseable {

    private final String name;

    private ScratchDatabase(String name) {
        this.name = name;
    }

    /** A new, empty database, with these statements run in it. */
    public static ScratchDatabase create(String prefix, String... statements) throws SQLException {
        ScratchDatabase database = new ScratchDatabase(prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("create database " + database.name);
        }
        for (String sql : statements) {
            database.execute(sql);
        }
        return database;
    }

    public DataSource dataSource() throws SQLException {
        MariaDbDataSource dataSource = new MariaDbDataSource(url(name));
        dataSource.setUser(user());
        dataSource.setPassword(password());
        return dataSource;
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(name); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row of a query. */
    public long number(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    /** The first column of the first row of a query, as text. */
    public String text(String sql) throws SQLException {
        try (Connection connection = connect(name); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("drop database " + name);
        }
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
