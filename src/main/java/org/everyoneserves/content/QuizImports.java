package org.everyoneserves.content;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.owasp.html.Encoding;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What the GIFT and Moodle XML converters share: a question bank exported from Moodle has none of our quiz fields,
 * so its quiz id comes from the file name, its title from its category (else the file name), and its pass mark is
 * {@value #DEFAULT_PASS_MARK}; question ids come from question names; HTML becomes plain text.
 */
final class QuizImports {

    /** The pass mark of a quiz whose file does not say: that of the shipped quizzes. */
    static final int DEFAULT_PASS_MARK = 70;

    /** No element survives: what is left is the text a reader sees, with scripts and styles gone entirely. */
    private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();

    private QuizImports() {
    }

    /** The file's name without folders and extension: {@code content/imports/service-basics.gift} gives {@code service-basics}. */
    static String fileStem(String path) {
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Lower-case words or numbers joined by hyphens, as our ids are; empty when nothing is left. */
    static String slug(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** A title made from a file name: {@code service-basics_2024} gives "Service basics 2024". */
    static String titleOfFile(String path) {
        String words = fileStem(path).replaceAll("[-_.]+", " ").strip();
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The last named level of a Moodle category path ({@code $course$/top/Default for Service/Service basics} gives
     * "Service basics"); empty for the levels Moodle makes itself ({@code $course$}, {@code top}, "Default for ...").
     */
    static Optional<String> categoryTitle(String category) {
        if (category == null) {
            return Optional.empty();
        }
        List<String> levels = List.of(category.strip().split("/"));
        String last = levels.get(levels.size() - 1).strip();
        if (last.isEmpty() || last.startsWith("$") || last.equals("top") || last.startsWith("Default for ")) {
            return Optional.empty();
        }
        return Optional.of(last);
    }

    /** A question id from its name, unique among {@code taken} (to which it is added), else {@code question-<n>}. */
    static String questionId(String name, Set<String> taken) {
        String base = slug(name);
        if (base.isEmpty()) {
            base = "question-" + (taken.size() + 1);
        }
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        taken.add(id);
        return id;
    }

    /** The text of an HTML fragment as a reader sees it: tags dropped (scripts and styles with their content), entities decoded, spaces collapsed. */
    static String htmlToText(String html) {
        if (html == null) {
            return null;
        }
        String blocksApart = html.replaceAll("(?i)<\\s*(br|/p|/div|/li|/h[1-6]|/tr|/td|/th)\\b[^>]*>", "$0 ");
        return Encoding.decodeHtml(TEXT_ONLY.sanitize(blocksApart), false).replaceAll("\\s+", " ").strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
