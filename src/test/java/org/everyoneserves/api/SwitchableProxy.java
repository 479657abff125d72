package org.everyoneserves.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP proxy in front of the test server that a test switches between three states: passing traffic on,
 * refusing connections (the phone has no network), and losing the answer to the next API write after the server
 * has taken it (the train enters a tunnel at the wrong moment).
 */
final class SwitchableProxy implements AutoCloseable {

    enum Mode { ON, OFF, LOSE_NEXT_ANSWER }

    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<String> lost = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ON;
    private volatile CountDownLatch answerLost = new CountDownLatch(1);
    private ServerSocket listener;
    private int port;

    SwitchableProxy(int target) throws IOException {
        this.target = target;
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        port = listener.getLocalPort();
        accept();
    }

    int port() {
        return port;
    }

    /** The request lines of the writes whose answers were lost. */
    List<String> lost() {
        return lost;
    }

    synchronized void mode(Mode next) throws IOException {
        if (next == Mode.OFF) {
            listener.close();
        } else if (listener.isClosed()) {
            listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            accept();
        }
        if (next == Mode.LOSE_NEXT_ANSWER) {
            answerLost = new CountDownLatch(1);
        }
        mode = next;
        for (Socket socket : open) {
            socket.close();
        }
    }

    boolean awaitLostAnswer(long seconds) throws InterruptedException {
        return answerLost.await(seconds, TimeUnit.SECONDS);
    }

    private void accept() {
        ServerSocket current = listener;
        daemon(() -> {
            while (!current.isClosed()) {
                try {
                    Socket client = current.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(client);
                    open.add(server);
                    boolean[] lose = {false};
                    pump(client, server, lose, true);
                    pump(server, client, lose, false);
                } catch (IOException e) {
                    // closed: the phone went offline
                }
            }
        });
    }

    private void pump(Socket from, Socket to, boolean[] lose, boolean request) {
        daemon(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (request && mode == Mode.LOSE_NEXT_ANSWER && answerLost.getCount() > 0 && isApiWrite(buffer, read)) {
                        lose[0] = true;
                        lost.add(new String(buffer, 0, Math.min(read, 200), StandardCharsets.ISO_8859_1).lines().findFirst().orElse(""));
                    }
                    if (!request && lose[0]) {
                        from.close();
                        to.close();
                        answerLost.countDown();
                        return;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (SocketException e) {
                // the other side or the test closed the connection
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                close(from);
                close(to);
            }
        });
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private static boolean isApiWrite(byte[] buffer, int length) {
        String start = new String(buffer, 0, Math.min(length, 40), StandardCharsets.ISO_8859_1);
        return (start.startsWith("POST /api/v1/") || start.startsWith("PUT /api/v1/")) && !start.contains("/api/v1/auth/");
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
