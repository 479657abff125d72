package org.everyoneserves.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everyoneserves.content.files.ContentProblem;
import org.everyoneserves.content.files.Location;
import org.everyoneserves.content.files.Positions;
import org.everyoneserves.content.files.QuizFile;

/**
 * Converts a quiz in Moodle's GIFT format into a {@link QuizFile}. The quiz fields come from a comment header
 * ({@code // id: ...}), or, for a file exported from Moodle without one, from its name and category (see
 * {@link QuizImports}); text marked {@code [html]} becomes plain text; single choice, multiple choice with weights, true/false, feedback and general feedback
 * are converted, missing-word questions become single choice with a blank. Every question kind the platform
 * does not have is reported with its line, never dropped silently.
 */
public final class GiftParser {

    static final List<String> HEADER_KEYS = List.of("id", "module", "title", "pass_mark", "attempts", "shuffle_questions",
            "shuffle_choices", "pool", "revision");
    private static final Pattern HEADER = Pattern.compile("^\\s*//\\s*([A-Za-z_]+)\\s*:(.*)$");
    private static final Pattern FORMAT = Pattern.compile("^\\[(markdown|html|plain|moodle)\\]");
    private static final Set<String> HTML_FORMATS = Set.of("html", "moodle");
    private static final Pattern WEIGHT = Pattern.compile("^%(-?[0-9]+(?:\\.[0-9]+)?)%");
    private static final Pattern TRUE_FALSE = Pattern.compile("^(TRUE|FALSE|T|F)(?=\\s*(#|$))");

    private final String path;
    private final String[] lines;
    private final List<ContentProblem> problems = new ArrayList<>();
    private final Map<String, String> header = new LinkedHashMap<>();
    private final Map<String, Location> headerAt = new LinkedHashMap<>();
    private final List<Question> questions = new ArrayList<>();
    private final Set<String> questionIds = new HashSet<>();
    private final Map<Location, String> categories = new LinkedHashMap<>();
    private final String defaultModule;

    private GiftParser(String text, String path, String defaultModule) {
        this.path = path;
        this.lines = text.replace("\r\n", "\n").split("\n", -1);
        this.defaultModule = defaultModule;
    }

    public record Result(Optional<QuizFile> quiz, List<ContentProblem> problems) {
    }

    public static Result parse(String text, String path, Path file) {
        return parse(text, path, file, null);
    }

    /**
     * @param defaultModule the module of a quiz whose file names none (a file uploaded for a chosen module), or null:
     *        then a file without a {@code // module:} header is refused
     */
    public static Result parse(String text, String path, Path file, String defaultModule) {
        GiftParser parser = new GiftParser(text, path, defaultModule);
        QuizFile quiz = parser.read(file, ContentHash.of(text));
        parser.problems.sort(Comparator.comparingInt(ContentProblem::line).thenComparingInt(ContentProblem::column));
        return new Result(Optional.of(quiz), List.copyOf(parser.problems));
    }

    private QuizFile read(Path file, String hash) {
        boolean questionsStarted = false;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                i++;
            } else if (trimmed.startsWith("//")) {
                if (!questionsStarted) {
                    headerLine(line, i + 1);
                }
                i++;
            } else if (trimmed.startsWith("$CATEGORY:")) {
                categories.put(new Location(path, i + 1, column(line)), trimmed.substring("$CATEGORY:".length()).strip());
                i++;
            } else {
                questionsStarted = true;
                i = block(i);
            }
        }
        return quiz(file, hash);
    }

    private static int column(String line) {
        return line.length() - line.stripLeading().length() + 1;
    }

    private void headerLine(String line, int lineNumber) {
        Matcher m = HEADER.matcher(line);
        if (!m.matches()) {
            return;
        }
        String key = m.group(1).toLowerCase(Locale.ROOT);
        Location at = new Location(path, lineNumber, m.start(2) + 1 + (m.group(2).length() - m.group(2).stripLeading().length()));
        if (!HEADER_KEYS.contains(key)) {
            Suggestions.nearest(key, HEADER_KEYS).ifPresent(s -> problems.add(ContentProblem.warning(new Location(path, lineNumber, m.start(1) + 1),
                    "unknown GIFT header key '" + key + "'", "did you mean '" + s + "'?")));
            return;
        }
        if (header.containsKey(key)) {
            problems.add(ContentProblem.error(at, "duplicate GIFT header '" + key + "'", "keep only one '// " + key + ":' line"));
            return;
        }
        header.put(key, m.group(2).strip());
        headerAt.put(key, at);
    }

    private QuizFile quiz(Path file, String hash) {
        Location start = Location.start(path);
        fillInWhatMoodleDoesNotExport(start);
        for (String required : List.of("id", "module", "title", "pass_mark")) {
            if (header.getOrDefault(required, "").isEmpty()) {
                problems.add(ContentProblem.error(start, "missing GIFT header '// " + required + ":'",
                        "add a comment line '// " + required + ": ...' at the top of the file"));
            }
        }
        if (questions.isEmpty()) {
            problems.add(ContentProblem.error(start, "the GIFT file has no questions it can convert", "add at least one question"));
        }
        Integer pool = headerInt("pool", Integer.MIN_VALUE, Integer.MAX_VALUE);
        Integer attempts = headerInt("attempts", 0, Integer.MAX_VALUE);
        Integer revision = headerInt("revision", 1, Integer.MAX_VALUE);
        return new QuizFile(QuizImports.blankToNull(header.get("id")), QuizImports.blankToNull(header.get("module")), QuizImports.blankToNull(header.get("title")),
                headerInt("pass_mark", 1, 100), attempts == null ? 0 : attempts, headerBool("shuffle_questions"),
                headerBool("shuffle_choices"), pool, revision == null ? 1 : revision, questions, QuizFile.Format.GIFT, file, hash,
                new Positions(start, headerAt));
    }

    /**
     * A file exported from Moodle has none of our headers: its id comes from the file name, its title from its
     * {@code $CATEGORY} (else the file name), its pass mark is the default, each with a warning that says so; its
     * module is the one it is uploaded for. Headers that are there win, and a {@code $CATEGORY} they overrule is ignored.
     */
    private void fillInWhatMoodleDoesNotExport(Location start) {
        if (header.getOrDefault("id", "").isEmpty()) {
            String id = QuizImports.slug(QuizImports.fileStem(path));
            if (!id.isEmpty()) {
                header.put("id", id);
                problems.add(ContentProblem.warning(start, "no '// id:' header: the quiz id '" + id + "' is taken from the file name",
                        "add '// id: " + id + "' to keep it (the file is then named " + id + ".gift)"));
            }
        }
        Location usedCategory = null;
        if (header.getOrDefault("title", "").isEmpty()) {
            for (Map.Entry<Location, String> category : categories.entrySet()) {
                java.util.Optional<String> title = QuizImports.categoryTitle(category.getValue());
                if (title.isPresent()) {
                    usedCategory = category.getKey();
                    header.put("title", title.get());
                    problems.add(ContentProblem.warning(usedCategory, "no '// title:' header: the title '" + title.get()
                            + "' is taken from the $CATEGORY line", "add '// title: ...' to choose another"));
                    break;
                }
            }
            if (usedCategory == null && !QuizImports.titleOfFile(path).isEmpty()) {
                header.put("title", QuizImports.titleOfFile(path));
                problems.add(ContentProblem.warning(start, "no '// title:' header: the title '" + header.get("title")
                        + "' is made from the file name", "add '// title: ...' to choose another"));
            }
        }
        for (Location category : categories.keySet()) {
            if (!category.equals(usedCategory)) {
                problems.add(ContentProblem.warning(category, "$CATEGORY line ignored",
                        "categories are not used by Everyone Serves; remove the line to silence this"));
            }
        }
        if (header.getOrDefault("pass_mark", "").isEmpty()) {
            header.put("pass_mark", String.valueOf(QuizImports.DEFAULT_PASS_MARK));
            problems.add(ContentProblem.warning(start, "no '// pass_mark:' header: the pass mark is " + QuizImports.DEFAULT_PASS_MARK + " %",
                    "add '// pass_mark: ...' to choose another"));
        }
        if (header.getOrDefault("module", "").isEmpty() && defaultModule != null) {
            header.put("module", defaultModule);
        }
    }


    private Integer headerInt(String key, int min, int max) {
        String value = header.get(key);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            problems.add(ContentProblem.error(headerAt.get(key), "'" + key + "' must be a whole number, not '" + value + "'",
                    "write a number such as '// " + key + ": " + Math.max(min, 1) + "'"));
            return null;
        }
        String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
        problems.add(ContentProblem.error(headerAt.get(key), "'" + key + "' must be " + range + ", not " + value, "use a whole number " + range));
        return null;
    }

    private boolean headerBool(String key) {
        String value = header.get(key);
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (!value.equalsIgnoreCase("false")) {
            problems.add(ContentProblem.error(headerAt.get(key), "'" + key + "' must be true or false, not '" + value + "'",
                    "write '// " + key + ": true' or '// " + key + ": false'"));
        }
        return false;
    }

    /** Reads one question (up to a blank line outside braces) starting at line index {@code first}; returns the next index. */
    private int block(int first) {
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        int depth = 0;
        boolean answered = false;
        int i = first;
        while (i < lines.length) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() && depth <= 0) {
                break;
            }
            boolean comment = trimmed.startsWith("//") && depth <= 0;
            if (comment && answered) {
                break;
            }
            if (!comment) {
                starts.add(text.length());
                numbers.add(i + 1);
                text.append(line).append('\n');
                depth += braceBalance(line);
                answered |= depth <= 0 && indexOf(line, "}", 0) >= 0;
            }
            i++;
        }
        question(new Block(text.toString(), starts, numbers));
        return i;
    }

    private static int braceBalance(String line) {
        int balance = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                balance++;
            } else if (c == '}') {
                balance--;
            }
        }
        return balance;
    }

    private record Block(String text, List<Integer> starts, List<Integer> numbers) {
        Location at(String path, int offset) {
            int index = 0;
            while (index + 1 < starts.size() && starts.get(index + 1) <= offset) {
                index++;
            }
            return new Location(path, numbers.get(index), offset - starts.get(index) + 1);
        }
    }

    private void question(Block block) {
        String s = block.text();
        Location start = block.at(path, firstNonBlank(s, 0));
        int pos = firstNonBlank(s, 0);
        String title = null;
        if (s.startsWith("::", pos)) {
            int end = indexOf(s, "::", pos + 2);
            if (end < 0) {
                problems.add(ContentProblem.error(start, "the question title '::' is not closed", "end the title with '::'"));
                return;
            }
            title = unescape(s.substring(pos + 2, end)).strip();
            pos = firstNonBlank(s, end + 2);
        }
        Matcher format = FORMAT.matcher(s.substring(pos));
        boolean html = false;
        if (format.lookingAt()) {
            html = HTML_FORMATS.contains(format.group(1));
            pos = firstNonBlank(s, pos + format.end());
        }
        int open = indexOf(s, "{", pos);
        if (open < 0) {
            unsupported(start, "text without answers in '{...}' (a GIFT description) is not a question",
                    "add answers in braces, or remove it");
            return;
        }
        int close = indexOf(s, "}", open + 1);
        if (close < 0) {
            problems.add(ContentProblem.error(block.at(path, open), "the answers' '{' is not closed", "end the answers with '}'"));
            return;
        }
        int another = indexOf(s, "{", close + 1);
        if (another >= 0) {
            problems.add(ContentProblem.error(block.at(path, another), "a second question starts without a blank line before it",
                    "separate questions with a blank line"));
            return;
        }
        String before = unescape(s.substring(pos, open)).strip();
        String after = unescape(s.substring(close + 1)).strip();
        Matcher afterFormat = FORMAT.matcher(before);
        if (afterFormat.lookingAt()) {
            html |= HTML_FORMATS.contains(afterFormat.group(1));
            before = before.substring(afterFormat.end()).strip();
        }
        // Moodle exports question text as [html]: learners see its text, never markup
        UnaryOperator<String> plain = html ? QuizImports::htmlToText : UnaryOperator.identity();
        String prompt = after.isEmpty() ? plain.apply(before) : (plain.apply(before) + " _____ " + plain.apply(after)).strip();
        String answers = s.substring(open + 1, close);
        String trimmedAnswers = answers.strip();
        String id = questionId(title);
        Map<String, Location> fields = new LinkedHashMap<>();
        fields.put("prompt", start);
        fields.put("answers", block.at(path, open));

        if (trimmedAnswers.isEmpty()) {
            unsupported(start, "essay questions ('{}') are not supported", "remove the question, or give it choices");
            return;
        }
        if (trimmedAnswers.startsWith("#")) {
            unsupported(start, "numeric questions ('{#...}') are not supported", "rewrite it as a choice question, or remove it");
            return;
        }
        String general = null;
        int generalAt = indexOf(answers, "####", 0);
        if (generalAt >= 0) {
            general = plain.apply(unescape(answers.substring(generalAt + 4)).strip());
            answers = answers.substring(0, generalAt);
            trimmedAnswers = answers.strip();
        }
        Matcher tf = TRUE_FALSE.matcher(trimmedAnswers);
        if (tf.lookingAt()) {
            boolean answer = tf.group(1).startsWith("T");
            List<String> feedback = splitUnescaped(trimmedAnswers.substring(tf.end()), '#');
            String wrongFeedback = feedback.size() > 1 ? plain.apply(unescape(feedback.get(1)).strip()) : null;
            String rightFeedback = feedback.size() > 2 ? plain.apply(unescape(feedback.get(2)).strip()) : null;
            String explanation = QuizImports.firstNonBlank(general, rightFeedback, wrongFeedback);
            questions.add(new Question(id, Question.Kind.TRUE_FALSE, null, prompt, List.of(), List.of(), answer, List.of(),
                    explanation, new Positions(start, fields)));
            return;
        }
        List<Answer> parsed = answers(block, open + 1, answers);
        if (parsed == null) {
            return;
        }
        if (parsed.stream().anyMatch(a -> a.right() && indexOf(a.raw(), "->", 0) >= 0)) {
            unsupported(start, "matching questions ('->') are not supported", "rewrite it as single or multiple choice, or remove it");
            return;
        }
        if (parsed.stream().allMatch(Answer::right)) {
            unsupported(start, "short-answer questions (only '=' answers) are not supported",
                    "add wrong answers with '~' to make it a choice question, or remove it");
            return;
        }
        boolean weighted = parsed.stream().anyMatch(a -> a.weight() != null);
        Question.Kind kind = weighted ? Question.Kind.MULTIPLE : Question.Kind.SINGLE;
        List<Question.Choice> choices = new ArrayList<>();
        for (Answer a : parsed) {
            boolean correct = weighted ? a.right() || (a.weight() != null && a.weight() > 0) : a.right();
            choices.add(new Question.Choice(plain.apply(a.text()), correct, QuizImports.blankToNull(plain.apply(a.feedback())),
                    Positions.of(a.at())));
        }
        String correctFeedback = choices.stream().filter(Question.Choice::correct).map(Question.Choice::feedback)
                .filter(f -> f != null && !f.isEmpty()).reduce((x, y) -> x + " " + y).orElse(null);
        fields.put("choices", block.at(path, open));
        questions.add(new Question(id, kind, null, prompt, List.of(), choices, null, List.of(),
                QuizImports.firstNonBlank(general, correctFeedback), new Positions(start, fields)));
    }

    private record Answer(boolean right, Double weight, String raw, String text, String feedback, Location at) {
    }

    private List<Answer> answers(Block block, int offset, String answers) {
        List<Answer> result = new ArrayList<>();
        int i = 0;
        int startOfCurrent = -1;
        List<int[]> spans = new ArrayList<>();
        while (i < answers.length()) {
            char c = answers.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '=' || c == '~') {
                if (startOfCurrent >= 0) {
                    spans.add(new int[] {startOfCurrent, i});
                }
                startOfCurrent = i;
            } else if (startOfCurrent < 0 && !Character.isWhitespace(c)) {
                problems.add(ContentProblem.error(block.at(path, offset + i), "answer text must start with '=' (right) or '~' (wrong)",
                        "start each answer with '=' or '~'"));
                return null;
            }
            i++;
        }
        if (startOfCurrent >= 0) {
            spans.add(new int[] {startOfCurrent, answers.length()});
        }
        for (int[] span : spans) {
            String raw = answers.substring(span[0] + 1, span[1]);
            Double weight = null;
            Matcher w = WEIGHT.matcher(raw);
            if (w.lookingAt()) {
                weight = Double.parseDouble(w.group(1));
                raw = raw.substring(w.end());
            }
            List<String> parts = splitUnescaped(raw, '#');
            String feedback = parts.size() > 1 ? unescape(String.join("#", parts.subList(1, parts.size()))).strip() : null;
            result.add(new Answer(answers.charAt(span[0]) == '=', weight, raw, unescape(parts.get(0)).strip(),
                    feedback == null || feedback.isEmpty() ? null : feedback, block.at(path, offset + span[0])));
        }
        return result;
    }

    private void unsupported(Location at, String message, String fix) {
        problems.add(ContentProblem.error(at, message, fix));
    }

    private String questionId(String title) {
        return QuizImports.questionId(title, questionIds);
    }


    private static int firstNonBlank(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index of {@code target} in {@code s} from {@code from}, skipping characters escaped with a backslash. */
    static int indexOf(String s, String target, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.startsWith(target, i)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitUnescaped(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == separator) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    static String unescape(String s) {
        s = s.replaceAll("[ \\t]*\\n[ \\t]*", " ");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
