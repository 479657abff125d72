package org.everyoneserves.privacy;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.everyoneserves.platform.web.Messages;

/**
 * The ZIP of one export: {@code summary.txt}, readable, in the person's language (every section with its entries, a
 * line per field, named in words; the JSON keeps the field names), and {@code <feature>.json} per feature with the same data for machines.
 */
final class ExportArchive {

    static final String SUMMARY = "summary.txt";

    /** Fields whose values are the application's code words (a name typed in capitals is left as typed). */
    private static final Set<String> CODE_FIELDS = Set.of("kind", "status", "outcome", "channel", "action", "how", "source",
            "origin", "reason", "signedOutBecause", "purpose");

    private static final Pattern CODE_WORD = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    private ExportArchive() {
    }

    /**
     * @param data feature to section to rows, in the order to show
     */
    static byte[] zip(String name, String locale, Instant madeAt, Map<String, Map<String, List<Map<String, Object>>>> data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(SUMMARY));
            zip.write(summary(name, locale, madeAt, data).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (var feature : data.entrySet()) {
                zip.putNextEntry(new ZipEntry(feature.getKey() + ".json"));
                zip.write(JSON.toJson(feature.getValue()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String summary(String name, String locale, Instant madeAt, Map<String, Map<String, List<Map<String, Object>>>> data) {
        Locale language = Locale.forLanguageTag(locale == null || locale.isBlank() ? "en" : locale);
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, language);
        StringBuilder text = new StringBuilder();
        text.append(format(bundle, language, "privacy_summary.title", name)).append("\n\n");
        text.append(format(bundle, language, "privacy_summary.intro", madeAt.toString())).append("\n");
        for (var feature : data.entrySet()) {
            text.append("\n== ").append(label(bundle, "privacy_feature." + feature.getKey(), feature.getKey()))
                    .append(" (").append(feature.getKey()).append(".json)\n");
            for (var section : feature.getValue().entrySet()) {
                List<Map<String, Object>> rows = section.getValue();
                text.append("\n-- ").append(label(bundle, "privacy_label." + section.getKey(), section.getKey())).append(": ")
                        .append(format(bundle, language, "privacy_summary.entries", rows.size())).append("\n");
                for (Map<String, Object> row : rows) {
                    text.append("\n");
                    row.forEach((field, value) -> text.append("   ").append(label(bundle, "privacy_label." + field, field)).append(": ")
                            .append(readable(field, value)).append("\n"));
                }
            }
        }
        return text.toString();
    }

    /** A value as a person reads it: a code word such as {@code DUE_SOON} as "due soon", more lines indented. */
    static String readable(String field, Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (CODE_FIELDS.contains(field) && CODE_WORD.matcher(text).matches()) {
            return text.toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        return text.replace("\n", "\n      ");
    }

    private static String label(ResourceBundle bundle, String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    private static String format(ResourceBundle bundle, Locale language, String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), language).format(arguments);
    }
}
