package org.everyoneserves.dev;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed number of concurrent clients sending one request again and again for a bounded time (a closed loop): Debian's
 * {@code wrk} when it is installed (2 threads; it costs the shared cores least), else plain Java threads with the JDK's
 * HTTP client. Answers requests per second, p50/p99 latency and how many answers had an unexpected status.
 */
final class Load {

    /** The outcome of one run. */
    record Result(long requests, double seconds, double perSecond, double p50Millis, double p99Millis, long unexpected) {
    }

    private static final Path WRK = Path.of("/usr/bin/wrk");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s|m)\\s*$");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private final int clients;

    Load(int clients) {
        this.clients = clients;
    }

    static boolean usesWrk() {
        return Files.isExecutable(WRK) && !Boolean.getBoolean("bench.java.client");
    }

    Result run(String url, Map<String, String> headers, int seconds, int expectedStatus) throws IOException, InterruptedException {
        return usesWrk() && expectedStatus / 100 <= 3 ? wrk(url, headers, seconds) : java(url, headers, seconds, expectedStatus);
    }

    private Result wrk(String url, Map<String, String> headers, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(WRK.toString(), "-t2", "-c" + clients, "-d" + seconds + "s", "--latency",
                "--timeout", "10s"));
        headers.forEach((name, value) -> {
            command.add("-H");
            command.add(name + ": " + value);
        });
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(wrk.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + String.join("\n", lines));
        }
        double rate = -1;
        double p50 = -1;
        double p99 = -1;
        long requests = 0;
        double elapsed = seconds;
        long unexpected = 0;
        for (String line : lines) {
            Matcher m;
            if ((m = RATE.matcher(line)).find()) {
                rate = Double.parseDouble(m.group(1));
            } else if ((m = TOTAL.matcher(line)).find()) {
                requests = Long.parseLong(m.group(1));
                elapsed = millis(m.group(2), m.group(3)) / 1000;
            } else if ((m = NON_2XX.matcher(line)).find()) {
                unexpected = Long.parseLong(m.group(1));
            } else if ((m = PERCENTILE.matcher(line)).find()) {
                if (m.group(1).equals("50")) {
                    p50 = millis(m.group(2), m.group(3));
                } else {
                    p99 = millis(m.group(2), m.group(3));
                }
            }
        }
        if (rate < 0 || p50 < 0 || p99 < 0) {
            throw new IllegalStateException("unexpected wrk output: " + String.join("\n", lines));
        }
        return new Result(requests, elapsed, rate, p50, p99, unexpected);
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            default -> v * 60_000;
        };
    }

    /** The connections an open loop sends on: each sends the next request that is due as soon as it is free. */
    static final int STEADY_CONNECTIONS = 32;

    /**
     * An open loop: requests sent at a steady rate whatever the answers do, each timed from the moment it was due, so a
     * stall counts against every request it held back (no coordinated omission). What latency a person sees when the
     * server is busy but not overrun, which a closed loop of more clients than cores cannot show: there every request
     * queues behind the others, the floor's too. Answers the rate reached and p50/p99 from when each was due.
     * <p>
     * {@value #STEADY_CONNECTIONS} kept-alive connections, a thread each, take the requests in the order they are due
     * and write them as plain HTTP/1.1 (as wrk2 does): the JDK's asynchronous client, used before, could not keep a rate
     * of 1,300 a second on the shared cores and measured its own queue (the floor's p50 was 1.4 s).
     */
    Result steady(String url, Map<String, String> headers, int seconds, double perSecond, int expectedStatus) throws InterruptedException {
        URI uri = URI.create(url);
        StringBuilder head = new StringBuilder("GET ").append(uri.getRawPath()).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                .append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        int total = (int) Math.max(1, Math.round(seconds * perSecond));
        long interval = (long) (1e9 / perSecond);
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicLong unexpected = new AtomicLong();
        long t0 = System.nanoTime() + 50_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < STEADY_CONNECTIONS; c++) {
            Thread thread = new Thread(() -> {
                Connection connection = null;
                for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                    long due = t0 + n * interval;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        if (connection == null) {
                            connection = new Connection(uri.getHost(), uri.getPort());
                        }
                        int status = connection.exchange(request);
                        if (status != expectedStatus) {
                            unexpected.incrementAndGet();
                        }
                        if (!connection.keptAlive()) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException | RuntimeException e) {
                        // a failed connection or an answer that is not HTTP: counted, and the next request opens another
                        unexpected.incrementAndGet();
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                    }
                    latencies[n] = System.nanoTime() - due;
                }
                if (connection != null) {
                    connection.close();
                }
            }, "steady-" + c);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 30L);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (thread.isAlive()) {
                throw new IllegalStateException("requests to " + url + " unanswered 30 s after the last was due");
            }
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(total, elapsed, total / elapsed, sorted[total / 2] / 1e6,
                sorted[Math.min(total - 1, (int) Math.ceil(total * 0.99) - 1)] / 1e6, unexpected.get());
    }

    /** One kept-alive HTTP/1.1 connection of {@link #steady}: writes a request, reads the whole answer, gives its status. */
    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean keptAlive;

        Connection(String host, int port) throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = socket.getOutputStream();
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = code == 204 || code == 304 ? 0 : -1;
            boolean chunked = false;
            keptAlive = true;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    keptAlive = false;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0; size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers: none expected, read past them
                }
            } else if (length > 0) {
                skip(length);
            } else if (length < 0) {
                keptAlive = false;
                while (in.read() >= 0) {
                    // an answer without a length ends with the connection
                }
            }
            return code;
        }

        boolean keptAlive() {
            return keptAlive;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the connection ended mid-answer");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("the connection ended mid-answer");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a connection that failed: nothing to do
            }
        }
    }

    /** The same closed loop in Java: each client thread sends, waits for the whole answer, and sends again. */
    private Result java(String url, Map<String, String> headers, int seconds, int expectedStatus) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong unexpected = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] latencies = new long[1 << 20];
            int[] count = new int[1];
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end && count[0] < latencies.length) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != expectedStatus) {
                            unexpected.incrementAndGet();
                        }
                    } catch (IOException e) {
                        unexpected.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    latencies[count[0]++] = System.nanoTime() - start;
                }
                synchronized (perClient) {
                    perClient.add(Arrays.copyOf(latencies, count[0]));
                }
            }, "load-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            throw new IllegalStateException("no request to " + url + " was answered");
        }
        return new Result(all.length, elapsed, all.length / elapsed, all[all.length / 2] / 1e6,
                all[Math.min(all.length - 1, (int) Math.ceil(all.length * 0.99) - 1)] / 1e6, unexpected.get());
    }
}
