package org.everyoneserves.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class ExportArchiveTest {

    static Map<String, Map<String, List<Map<String, Object>>>> data() {
        Map<String, Object> reflection = new LinkedHashMap<>();
        reflection.put("takeaway", "Write outage notes\nfor support first.");
        reflection.put("submittedAt", "2026-11-30T10:00:00Z");
        reflection.put("outcome", "DUE_SOON");
        Map<String, Map<String, List<Map<String, Object>>>> data = new LinkedHashMap<>();
        data.put("people", Map.of("profile", List.of(Map.of("email", "ada@example.org"))));
        data.put("shadowing", Map.of("reflections", List.of(reflection), "ideas", List.of()));
        return data;
    }

    @Test
    void theZipHasAReadableSummaryAndOneJsonFilePerFeature() throws IOException {
        byte[] zip = ExportArchive.zip("Ada Lovelace", "en", Instant.parse("2026-12-01T09:00:00Z"), data());
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("summary.txt", "people.json", "shadowing.json"), List.copyOf(files.keySet()));
        assertTrue(files.get("shadowing.json").contains("\"takeaway\": \"Write outage notes\\nfor support first.\""), files.get("shadowing.json"));
        String summary = files.get("summary.txt");
        assertTrue(summary.startsWith("Personal data of Ada Lovelace held by Everyone Serves"), summary);
        assertTrue(summary.contains("== Shadowing, reflections and ideas (shadowing.json)"), summary);
        assertTrue(summary.contains("-- Reflections: one entry"), summary);
        assertTrue(summary.contains("-- Ideas: no entries"), summary);
        assertTrue(summary.contains("   Takeaway: Write outage notes\n      for support first."), "multi-line text stays readable: " + summary);
        assertTrue(summary.contains("   Submitted at: 2026-11-30T10:00:00Z"), "fields are named in words: " + summary);
        assertTrue(summary.contains("   Outcome: due soon"), "code words are written as words: " + summary);
    }

    @Test
    void theSummaryIsInThePersonsLanguage() {
        String summary = ExportArchive.summary("Ada Lovelace", "de", Instant.parse("2026-12-01T09:00:00Z"), data());
        assertTrue(summary.startsWith("Personenbezogene Daten von Ada Lovelace bei Everyone Serves"), summary);
        assertTrue(summary.contains("-- Reflexionen: ein Eintrag"), summary);
        assertTrue(summary.contains("   Abgegeben am: 2026-11-30T10:00:00Z"), summary);
    }
}
