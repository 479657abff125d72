package org.everyoneserves.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launchers' class data sharing archive with the JVM that runs these tests: trained, used, trained again. */
class ClassDataSharingTest {

    @TempDir
    Path dir;

    private final Path javaHome = Path.of(System.getProperty("java.home"));
    private Path server;
    private Path jar;
    private Path cds;

    /** A "server" whose class path jar (jboss-modules.jar in the real one) holds one class with a main method. */
    @BeforeEach
    void server() throws IOException {
        server = Files.createDirectories(dir.resolve("server"));
        Files.createDirectories(server.resolve("bin"));
        Files.writeString(server.resolve("bin/everyone-serves.jvm.options"), "-Xmx256m\n");
        Path src = Files.writeString(dir.resolve("Hello.java"), "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()));
        jar = server.resolve("jboss-modules.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(Files.readAllBytes(classes.resolve("Hello.class")));
            out.closeEntry();
        }
        cds = dir.resolve("cds");
    }

    @Test
    void theFirstStartTrainsTheArchiveAndTheNextStartsLoadTheirClassesFromIt() throws Exception {
        List<String> training = ClassDataSharing.options(javaHome, server, cds);
        assertEquals("-XX:ArchiveClassesAtExit=" + cds.resolve("server.jsa.new"), training.get(0));
        assertTrue(run(training).contains("hello"));

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));   // a build lays it out again
        List<String> using = ClassDataSharing.options(javaHome, server, cds);
        assertEquals(List.of("-XX:SharedArchiveFile=" + cds.resolve("server.jsa")), using);
        List<String> required = new ArrayList<>(using);
        required.addAll(List.of("-Xshare:on", "-Xlog:class+load=info"));
        assertTrue(run(required).contains("Hello source: shared objects file (top)"), "the class comes from the archive");
        assertEquals(using, ClassDataSharing.options(javaHome, server, cds), "later starts use the same archive");
    }

    @Test
    void aChangeOfTheServersJvmOptionsTrainsANewArchive() throws Exception {
        run(ClassDataSharing.options(javaHome, server, cds));
        ClassDataSharing.options(javaHome, server, cds);
        assertTrue(Files.exists(cds.resolve("server.jsa")));

        Files.writeString(server.resolve("bin/everyone-serves.jvm.options"), "-Xmx384m\n");
        assertTrue(ClassDataSharing.options(javaHome, server, cds).get(0).startsWith("-XX:ArchiveClassesAtExit="));
        assertFalse(Files.exists(cds.resolve("server.jsa")));
    }

    @Test
    void anArchiveCutShortIsThrownAwayAndTrainedAgain() throws Exception {
        ClassDataSharing.options(javaHome, server, cds);
        try (OutputStream out = Files.newOutputStream(cds.resolve("server.jsa.new"))) {
            out.write(new byte[4096]);   // the server was killed while its JVM wrote the archive
        }
        assertTrue(ClassDataSharing.options(javaHome, server, cds).get(0).startsWith("-XX:ArchiveClassesAtExit="));
        assertFalse(Files.exists(cds.resolve("server.jsa")));
    }

    private String run(List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", jar.toString(), "Hello"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(java.getInputStream().readAllBytes());
        assertTrue(java.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, java.exitValue(), out);
        return out;
    }
}
