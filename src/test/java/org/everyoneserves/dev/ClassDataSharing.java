package org.everyoneserves.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Application class data sharing for the server JVM that {@code mvn -Prun} and the benchmark start (the JDK's dynamic
 * archive, JEP 350): most of the 31,000 classes a start loads, WildFly's modules and the application's alike (JBoss
 * Modules' class loaders define them from the jars' bytes), are mapped from an archive instead of being parsed and
 * verified again. A restart of the demo took 16-22 s instead of 34-38 s on the clock (README, start-up with class data
 * sharing).
 *
 * <p>A start without a usable archive trains one: its JVM writes every class it loaded to {@code server.jsa.new} when it
 * exits (Ctrl-C or SIGTERM; the dump takes a few seconds). The next start has a JVM map that file once with sharing
 * required, and from then on every start uses it, until the java runtime, {@code jboss-modules.jar} or the server's JVM
 * options file changes: then the next start trains again. The JVM matches each archived class of a user-defined loader by
 * name, size and CRC of the bytes being defined, so a changed WAR or module only loads its changed classes as before, and
 * a JVM that cannot map the archive at all warns and starts without it.
 *
 * <p>Every build lays the server out again, which gives {@code jboss-modules.jar} (the JVM's class path) a new
 * modification time; the JVM refuses an archive whose class path jar has another size or time than at training. When its
 * bytes are those of the training (their SHA-256 is part of the archive's fingerprint), the time of the training is
 * put back.
 */
final class ClassDataSharing {

    private static final String ARCHIVE = "server.jsa";
    private static final String TRAINED = "server.jsa.new";

    /** The JVM options for the next start of the server in {@code jbossHome} with the java runtime in {@code javaHome}. */
    static List<String> options(Path javaHome, Path jbossHome, Path dir) {
        try {
            Files.createDirectories(dir);
            Path jar = jbossHome.resolve("jboss-modules.jar");
            String fingerprint = fingerprint(javaHome, jbossHome);
            Path archive = dir.resolve(ARCHIVE);
            Path trained = dir.resolve(TRAINED);
            if (Files.exists(trained)) {
                if (fingerprint.equals(stamp(trained).getProperty("fingerprint")) && usable(javaHome, jar, trained, stamp(trained))) {
                    Files.move(stampOf(trained), stampOf(archive), StandardCopyOption.REPLACE_EXISTING);
                    Files.move(trained, archive, StandardCopyOption.REPLACE_EXISTING);
                    System.out.println("[dev] class data sharing archive trained: " + archive);
                } else {
                    Files.deleteIfExists(trained);
                    Files.deleteIfExists(stampOf(trained));
                    System.out.println("[dev] the class data sharing archive of the last start cannot be used (see " + dir.resolve("training.log")
                            + "); this start trains a new one");
                }
            }
            if (Files.exists(archive)) {
                Properties stamp = stamp(archive);
                if (fingerprint.equals(stamp.getProperty("fingerprint"))) {
                    restoreTime(jar, stamp);
                    return List.of("-XX:SharedArchiveFile=" + archive);
                }
                Files.delete(archive);
                Files.deleteIfExists(stampOf(archive));
                System.out.println("[dev] the java runtime, jboss-modules.jar or the server's JVM options changed: this start trains a new"
                        + " class data sharing archive");
            }
            Properties stamp = new Properties();
            stamp.setProperty("fingerprint", fingerprint);
            stamp.setProperty("jboss-modules.jar.time", String.valueOf(Files.getLastModifiedTime(jar).toMillis()));
            try (OutputStream out = Files.newOutputStream(stampOf(trained))) {
                stamp.store(out, "what the class data sharing archive " + TRAINED + " was trained with");
            }
            System.out.println("[dev] this start trains the class data sharing archive for the next ones: when it is stopped, its JVM"
                    + " writes " + trained + " (10-30 s)");
            // the dump lists every class it leaves out ("Skipping ...: Not linked", thousands): into a file, not the console
            return List.of("-XX:ArchiveClassesAtExit=" + trained, "-Xlog:cds*=off",
                    "-Xlog:cds*=warning:file=" + dir.resolve("training.log"));
        } catch (IOException e) {
            System.out.println("[dev] no class data sharing archive for this start: " + e);
            return List.of();
        }
    }

    /** The runtime (its path and its libjvm's size and time), the server's class path jar and its JVM options file. */
    private static String fingerprint(Path javaHome, Path jbossHome) throws IOException {
        Path home = javaHome.toRealPath();
        Path libjvm = home.resolve("lib/server/libjvm.so");
        String runtime = Files.exists(libjvm) ? home + " " + Files.size(libjvm) + " " + Files.getLastModifiedTime(libjvm).toMillis() : home.toString();
        return runtime + " jboss-modules.jar " + sha256(jbossHome.resolve("jboss-modules.jar")) + " everyone-serves.jvm.options "
                + sha256(jbossHome.resolve("bin/everyone-serves.jvm.options"));
    }

    /** A JVM that must map the archive (and fails otherwise) starts with it; a dump cut short by a kill does not. */
    private static boolean usable(Path javaHome, Path jar, Path archive, Properties stamp) throws IOException {
        restoreTime(jar, stamp);
        Process check = new ProcessBuilder(javaHome.resolve("bin/java").toString(), "-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                "-cp", jar.toString(), "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!check.waitFor(60, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                return false;
            }
            return check.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            check.destroyForcibly();
            return false;
        }
    }

    /** The jar's bytes are those of the training (the fingerprint says so): give it the time the archive recorded. */
    private static void restoreTime(Path jar, Properties stamp) throws IOException {
        FileTime trainedAt = FileTime.fromMillis(Long.parseLong(stamp.getProperty("jboss-modules.jar.time")));
        if (!Files.getLastModifiedTime(jar).equals(trainedAt)) {
            Files.setLastModifiedTime(jar, trainedAt);
        }
    }

    private static Properties stamp(Path archive) throws IOException {
        Properties stamp = new Properties();
        Path file = stampOf(archive);
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                stamp.load(in);
            }
        }
        return stamp;
    }

    private static Path stampOf(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".properties");
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ClassDataSharing() {
    }
}
