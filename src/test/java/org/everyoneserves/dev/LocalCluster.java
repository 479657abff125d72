package org.everyoneserves.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * Two nodes of the provisioned server (target/server) and HAProxy in front of them, on this machine: what
 * {@code mvn -Pcluster} runs for people trying it, and what ClusterFailoverIT kills and restarts. Each node has its own
 * base directory (configuration, data, log) under {@code runDir}, its own port offset, node name and transaction node
 * id; they find each other over JGroups TCP at 7600 + offset. HAProxy runs with wildfly-config/haproxy.cfg.
 */
public final class LocalCluster implements AutoCloseable {

    /** One WildFly node: its name is its route in the session cookie and its server name in HAProxy. */
    public static final class Node {
        private final String name;
        private final int offset;
        private final int txId;
        private Process process;
        private long logOffset;

        Node(String name, int offset, int txId) {
            this.name = name;
            this.offset = offset;
            this.txId = txId;
        }

        public String name() { return name; }
        public int httpPort() { return 8080 + offset; }
        public int managementPort() { return 9990 + offset; }
        public URI url() { return URI.create("http://127.0.0.1:" + httpPort()); }
        public boolean alive() { return process != null && process.isAlive(); }
        public long pid() { return process.pid(); }
    }

    private final Path project;
    private final Path runDir;
    private final String dbUrl;
    private final int lbPort;
    private final boolean inheritOutput;
    private final Map<String, String> extraProperties;
    private final List<Node> nodes;
    private Path content;
    private Process haproxy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param offsets the port offset of each node (node names nodeA, nodeB, ... as in haproxy.cfg)
     * @param inheritOutput true: the nodes' console goes to this process's (a person watching); false: to
     *                      {@code runDir/<node>.out}
     * @param extraProperties more system properties for every node (e.g. the test clock)
     */
    public LocalCluster(Path project, Path runDir, String dbUrl, int lbPort, int[] offsets, boolean inheritOutput,
                        Map<String, String> extraProperties) {
        this.project = project;
        this.runDir = runDir;
        this.dbUrl = dbUrl;
        this.lbPort = lbPort;
        this.inheritOutput = inheritOutput;
        this.extraProperties = new LinkedHashMap<>(extraProperties);
        List<Node> list = new ArrayList<>();
        for (int i = 0; i < offsets.length; i++) {
            list.add(new Node("node" + (char) ('A' + i), offsets[i], i + 1));
        }
        this.nodes = List.copyOf(list);
        this.content = project.resolve("content");
    }

    /** The content folder the nodes import from (this repository's content/ unless set before start). */
    public LocalCluster content(Path folder) {
        this.content = folder;
        return this;
    }

    public List<Node> nodes() { return nodes; }
    public Node node(String name) {
        return nodes.stream().filter(n -> n.name.equals(name)).findFirst().orElseThrow();
    }
    /** Where clients connect: the load balancer. */
    public URI url() { return URI.create("http://127.0.0.1:" + lbPort); }

    /** Starts every node at once, then HAProxy; returns when the load balancer sees every node ready. */
    public void start(Duration timeout) throws IOException, InterruptedException {
        Path server = project.resolve("target/server");
        if (!Files.isRegularFile(server.resolve("jboss-modules.jar"))) {
            throw new IllegalStateException("no server in " + server + ": run `mvn package` first");
        }
        for (Node node : nodes) {
            prepareBaseDir(server, node);
        }
        for (Node node : nodes) {
            launch(node);
        }
        startHaproxy();
        awaitReady(nodes, timeout);
    }

    private void prepareBaseDir(Path server, Node node) throws IOException {
        Path base = runDir.resolve(node.name);
        deleteRecursively(base);
        Files.deleteIfExists(runDir.resolve(node.name + ".out"));
        copyRecursively(server.resolve("standalone/configuration"), base.resolve("configuration"));
        copyRecursively(server.resolve("standalone/deployments"), base.resolve("deployments"));
    }

    /** Starts a node that was stopped or killed, with the data folder it had. */
    public void launch(Node node) throws IOException {
        Path log = serverLog(node);
        node.logOffset = Files.exists(log) ? Files.size(log) : 0;
        String hosts = nodes.stream().map(n -> "127.0.0.1[" + (7600 + n.offset) + "]").collect(Collectors.joining(","));
        List<String> options = new ArrayList<>(List.of(DevServer.jvmOptions(project.resolve("target/server")), "-Djava.net.preferIPv4Stack=true",
                "-Djboss.node.name=" + node.name, "-Djboss.tx.node.id=" + node.txId,
                "-Djboss.socket.binding.port-offset=" + node.offset,
                "-Dapp.cluster.hosts=" + hosts, "-Dapp.cluster.name=everyoneserves-local-" + lbPort,
                "-Dapp.db.url=" + dbUrl, "-Dapp.db.password=" + EmbeddedMariaDb.PASSWORD,
                "-Deveryoneserves.demo=true", "-Deveryoneserves.db.embedded=true",
                "-Deveryoneserves.content.dir=" + content,
                "-Dapp.trusted.proxies=127\\.0\\.0\\.1"));   // HAProxy on this machine: its X-Forwarded-For names the client
        extraProperties.forEach((key, value) -> options.add("-D" + key + "=" + value));
        StandaloneCommandBuilder command = StandaloneCommandBuilder.of(project.resolve("target/server"))
                .setBaseDirectory(runDir.resolve(node.name))
                .addJavaOptions(options);
        Launcher launcher = Launcher.of(command);
        if (inheritOutput) {
            launcher.inherit();
        } else {
            // appended: a node's console from before a kill or restart is what explains it
            launcher.setRedirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(runDir.resolve(node.name + ".out").toFile()));
        }
        node.process = launcher.launch();
    }

    private void startHaproxy() throws IOException {
        String executable = Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";
        ProcessBuilder builder = new ProcessBuilder(executable, "-db", "-f",
                project.resolve("wildfly-config/haproxy.cfg").toString());
        Map<String, String> env = builder.environment();
        env.put("ES_LB_BIND", "127.0.0.1:" + lbPort);
        env.put("ES_LB_SOCKET", socket().toString());
        for (Node node : nodes) {
            env.put("ES_NODE_" + node.name.substring(4), "127.0.0.1:" + node.httpPort());
        }
        Files.deleteIfExists(socket());
        builder.redirectErrorStream(true);
        if (inheritOutput) {
            builder.inheritIO();
        } else {
            builder.redirectOutput(runDir.resolve("haproxy.out").toFile());
        }
        try {
            haproxy = builder.start();
        } catch (IOException e) {
            throw new IOException("HAProxy did not start (Debian: apt-get install haproxy): " + e.getMessage(), e);
        }
    }

    private Path socket() {
        return runDir.resolve("haproxy.sock");
    }

    /**
     * Waits until each of these nodes answers /health/ready and HAProxy counts it as up (or would, once a node in
     * maintenance or draining is enabled again). Fails at once when a node exits or its server started with a failed
     * deployment (WFLYSRV0026 in its log since it was launched).
     */
    public void awaitReady(List<Node> which, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Node node : which) {
            while (!(ready(node) && List.of("UP", "MAINT", "DRAIN").contains(lbState(node)))) {
                if (!node.alive()) {
                    throw new IllegalStateException(node.name + " exited while starting: see " + runDir.resolve(node.name + ".out"));
                }
                if (logSinceLaunch(node).contains("WFLYSRV0026")) {
                    throw new IllegalStateException(node.name + " started with errors (WFLYSRV0026): see " + serverLog(node));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(node.name + " not ready after " + timeout + ": see " + runDir.resolve(node.name + ".out"));
                }
                Thread.sleep(250);
            }
        }
    }

    private String logSinceLaunch(Node node) throws IOException {
        Path log = serverLog(node);
        if (!Files.exists(log) || Files.size(log) <= node.logOffset) {
            return "";
        }
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            file.seek(node.logOffset);
            byte[] tail = new byte[(int) Math.min(Integer.MAX_VALUE, file.length() - node.logOffset)];
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        }
    }

    private Path serverLog(Node node) {
        return runDir.resolve(node.name).resolve("log/server.log");
    }

    private boolean ready(Node node) {
        try {
            return http.send(HttpRequest.newBuilder(node.url().resolve("/health/ready")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** HAProxy's view of a node: UP, DOWN, MAINT, DRAIN or NOLB (from its runtime API). */
    public String lbState(Node node) {
        String stat = haproxyCommand("show stat");
        for (String line : stat.split("\n")) {
            String[] fields = line.split(",", -1);
            if (fields.length > 17 && "wildfly".equals(fields[0]) && node.name.equals(fields[1])) {
                return fields[17].split(" ")[0];
            }
        }
        return "UNKNOWN";
    }

    /** No new sessions for this node; sessions pinned to it stay until they end or it goes to maintenance. */
    public void drain(Node node) {
        haproxyCommand("set server wildfly/" + node.name + " state drain");
    }

    /** No traffic at all for this node: its sessions are served by the others from the shared copies. */
    public void maintenance(Node node) {
        haproxyCommand("set server wildfly/" + node.name + " state maint");
    }

    public void enable(Node node) {
        haproxyCommand("set server wildfly/" + node.name + " state ready");
    }

    /**
     * The rolling restart of one node, as an operator does it (README, "Several nodes"): maintenance at the load balancer,
     * wait until no request is in flight on the node, SIGTERM, start it, wait until it is ready, and let the load
     * balancer send it requests again once its health check passes. Its sessions meanwhile are served by the others,
     * which read them from the database.
     */
    public void restartRolling(Node node, Duration timeout) throws IOException, InterruptedException {
        maintenance(node);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight(node) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(node.name + " still has requests in flight after " + timeout);
            }
            Thread.sleep(100);
        }
        stop(node);
        launch(node);
        awaitReady(List.of(node), timeout);
        enable(node);
        while (!"UP".equals(lbState(node))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(node.name + " not UP at the load balancer after " + timeout + ": " + lbState(node));
            }
            Thread.sleep(200);
        }
    }

    /** Requests HAProxy has on this node now: queued and being answered (its runtime API's qcur and scur). */
    public int inFlight(Node node) {
        for (String line : haproxyCommand("show stat").split("\n")) {
            String[] fields = line.split(",", -1);
            if (fields.length > 4 && "wildfly".equals(fields[0]) && node.name.equals(fields[1])) {
                return Integer.parseInt(fields[2]) + Integer.parseInt(fields[4]);
            }
        }
        throw new IllegalStateException("HAProxy does not list " + node.name);
    }

    private String haproxyCommand(String command) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket()));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            StringBuilder answer = new StringBuilder();
            while (channel.read(buffer) > 0) {
                buffer.flip();
                answer.append(StandardCharsets.US_ASCII.decode(buffer));
                buffer.clear();
            }
            return answer.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("HAProxy runtime API: " + command, e);
        }
    }

    /** SIGKILL: the node vanishes mid-request, as when its machine dies. */
    public void kill(Node node) throws InterruptedException {
        node.process.destroyForcibly();
        node.process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: WildFly's graceful shutdown (requests in flight finish). */
    public void stop(Node node) throws InterruptedException {
        if (node.alive()) {
            node.process.destroy();
            if (!node.process.waitFor(60, TimeUnit.SECONDS)) {
                node.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Blocks until the load balancer process or every node exits (for the run command). */
    public void waitForExit() throws InterruptedException {
        haproxy.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
        for (Node node : nodes) {
            if (node.process != null) {
                node.process.destroy();
            }
        }
        for (Node node : nodes) {
            if (node.process != null && !node.process.waitFor(60, TimeUnit.SECONDS)) {
                node.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    public static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        EmbeddedMariaDb.deleteRecursively(dir);
    }
}
