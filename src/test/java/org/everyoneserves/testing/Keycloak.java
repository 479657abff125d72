package org.everyoneserves.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Keycloak for the sign-in tests, from the distribution the build unpacks into target/ (keycloak.home). Started
 * once per test class with the realm in src/test/resources/keycloak, on a fresh database (its data/h2 is deleted: an
 * import skips a realm that exists), with the issuer pinned to http://localhost:{it.keycloak.port}, which is what the
 * test server's APP_OIDC_ISSUER names, and the realm's redirect URIs for the test server moved to its port. Register it with {@code @RegisterExtension} on a static field.
 */
public final class Keycloak implements BeforeAllCallback, AfterAllCallback {

    public static final int PORT = Integer.getInteger("it.keycloak.port", 18380);
    public static final String ISSUER = "http://localhost:" + PORT + "/realms/everyoneserves";
    private static final long READY_TIMEOUT_MS = 300_000;
    /** The test server's address in the realm file's redirect URIs: replaced by this run's (-Dit.http.port). */
    private static final String REALM_TEST_BASE = "http://localhost:8180";
    private Process process;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak"));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home + " (the build's pre-integration-test phase does it)");
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        try (InputStream realm = Keycloak.class.getResourceAsStream("/keycloak/everyoneserves-realm.json")) {
            String text = new String(realm.readAllBytes(), StandardCharsets.UTF_8).replace(REALM_TEST_BASE, Web.BASE);
            Files.writeString(imports.resolve("everyoneserves-realm.json"), text);
        }
        deleteTree(home.resolve("data/h2"));
        File log = new File("target/keycloak.log");
        process = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev", "--http-port=" + PORT,
                "--http-host=127.0.0.1", "--hostname=http://localhost:" + PORT, "--import-realm", "--cache=local")
                .redirectErrorStream(true).redirectOutput(log).start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/openid-configuration")).build();
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; see " + log.getAbsolutePath());
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Keycloak was not ready in " + READY_TIMEOUT_MS / 1000 + " s; see " + log.getAbsolutePath());
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
