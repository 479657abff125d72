package org.everyoneserves.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A person's history on the admin's person page names each entry by its text {@code audit.<action>}: an action the
 * code writes without a text showed as "???audit.api.signedIn???" (an app sign-in), which also widened the page on a
 * phone. Every action written literally (to {@code audit.record}, or through the helpers that pass one on) has a text in
 * English and in German.
 */
class AuditTextsTest {

    private static final Pattern WRITES = Pattern.compile("audit\\.record\\(|openSession\\(|audited\\(");
    private static final Pattern ACTION = Pattern.compile("\"([a-z]+\\.[a-zA-Z.]+)\"");

    @Test
    void everyActionWrittenHasATextInEnglishAndGerman() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (WRITES.matcher(line).find()) {
                        Matcher action = ACTION.matcher(line);
                        while (action.find()) {
                            actions.add(action.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(actions.containsAll(List.of("person.created", "api.signedIn", "export.team")), "the scan finds the actions: " + actions);
        for (String bundle : List.of("messages.properties", "messages_de.properties")) {
            Properties texts = new Properties();
            try (InputStream in = AuditTextsTest.class.getResourceAsStream("/org/everyoneserves/" + bundle)) {
                texts.load(in);
            }
            List<String> missing = actions.stream().filter(action -> !texts.containsKey("audit." + action)).toList();
            assertEquals(List.of(), missing, "actions without a text in " + bundle);
        }
    }
}
