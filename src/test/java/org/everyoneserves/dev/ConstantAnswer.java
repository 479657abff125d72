package org.everyoneserves.dev;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The machine's own floor for latency: Debian's HAProxy answering every request with a constant "ok" (no Java, no
 * garbage collector, no database), on the same loopback and cores as the server. What tail the machine and the load
 * generator give a request that costs nothing, to read the server's tail against.
 */
final class ConstantAnswer implements AutoCloseable {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private final Process process;
    private final Path config;
    final String url;

    private ConstantAnswer(Process process, Path config, int port) {
        this.process = process;
        this.config = config;
        this.url = "http://localhost:" + port + "/";
    }

    /** Started on this port, or null when HAProxy is not installed. */
    static ConstantAnswer start(int port) throws IOException, InterruptedException {
        if (!Files.isExecutable(HAPROXY)) {
            return null;
        }
        Path config = Files.createTempFile("constant-answer", ".cfg");
        Files.writeString(config, String.join("\n", "global", "  maxconn 1000", "defaults", "  mode http", "  timeout client 30s",
                "  timeout server 30s", "  timeout connect 5s", "frontend constant", "  bind 127.0.0.1:" + port,
                "  http-request return status 200 content-type text/plain string ok", ""));
        Process process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ConstantAnswer answer = new ConstantAnswer(process, config, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return answer;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        answer.close();
        throw new IOException("HAProxy did not answer on port " + port);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(config);
    }
}
