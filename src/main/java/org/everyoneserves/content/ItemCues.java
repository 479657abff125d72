package org.everyoneserves.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Surface cues that let a learner pick the right answer without knowing it: the right answer is the longest choice,
 * true/false questions mostly keyed one way, a multiple-answer question with one wrong choice to avoid, "all of the
 * above", the same choice twice, a choice that alone repeats the question's words. Quizzes (YAML and GIFT) and each
 * refreshers file are checked as one set of items. The thresholds are documented in content/README.md.
 */
public final class ItemCues {

    /** A right answer this much longer than every wrong one stands out. */
    static final double MARGIN = 1.2;
    /** A set of items may have the right answer as its longest choice this many times more than chance would. */
    static final int TOLERANCE = 1;
    private static final Pattern ALL_OR_NONE = Pattern.compile(
            "(?i)\\b(all|none|both|neither) of the (above|below)\\b|^\\s*(all|none) of these\\W*$");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z']*");
    private static final Set<String> COMMON = Set.of("about", "after", "also", "been", "before", "being", "could", "does",
            "each", "even", "every", "from", "have", "here", "into", "just", "like", "make", "more", "most", "much", "must",
            "only", "other", "over", "should", "some", "than", "that", "their", "them", "then", "there", "these", "they",
            "this", "those", "very", "want", "were", "what", "when", "where", "which", "while", "will", "with", "would",
            "your", "yours");

    public enum Cue {
        LONGEST_KEY("right answer longest by a margin"),
        KEY_OFTEN_LONGEST("right answer often longest"),
        TRUE_FALSE_IMBALANCE("true/false imbalance"),
        FEW_WRONG_CHOICES("multiple answer with too few wrong choices"),
        ALL_OR_NONE("all/none of the above"),
        DUPLICATE_CHOICE("duplicate choices"),
        STEM_ECHO("choice repeats the question");

        private final String label;

        Cue(String label) {
            this.label = label;
        }
    }

    /** One cue found, as the problem shown to the writer. */
    public record Finding(Cue cue, Problem problem) {
    }

    /**
     * The cues of a whole tree, and how often the right answer of a one-answer question (single or scenario) is its
     * strictly longest choice compared with how often chance would make it so (one in the number of choices).
     */
    public record Report(List<Finding> findings, int keyLongest, int oneAnswerQuestions, double chance) {

        public Report {
            findings = List.copyOf(findings);
        }

        public List<Problem> problems() {
            return findings.stream().map(Finding::problem).toList();
        }

        public Map<Cue, Long> counts() {
            Map<Cue, Long> counts = new EnumMap<>(Cue.class);
            for (Cue cue : Cue.values()) {
                counts.put(cue, findings.stream().filter(f -> f.cue() == cue).count());
            }
            return counts;
        }

        /** One line for the command-line check: counts per cue, then the longest-answer measurement. */
        public String summary() {
            String perCue = counts().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label)
                    .collect(Collectors.joining(", "));
            return "item cues: " + perCue + " — the right answer is the longest choice in " + keyLongest + " of "
                    + oneAnswerQuestions + " one-answer questions (chance: " + String.format(Locale.ROOT, "%.1f", chance) + ")";
        }
    }

    private final List<Finding> findings = new ArrayList<>();
    private int keyLongest;
    private int oneAnswerQuestions;
    private double chance;

    private ItemCues() {
    }

    public static Report of(ContentTree tree) {
        ItemCues cues = new ItemCues();
        tree.quizzes().forEach(quiz -> cues.set(quiz.questions(), "quiz"));
        Map<Path, List<Question>> files = new LinkedHashMap<>();
        tree.refreshers().forEach(r -> files.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r.question()));
        files.values().forEach(items -> cues.set(items, "file"));
        return new Report(cues.findings, cues.keyLongest, cues.oneAnswerQuestions, cues.chance);
    }

    private void set(List<Question> questions, String where) {
        questions.forEach(this::question);
        keyOftenLongest(questions, where);
        trueFalseBalance(questions, where);
    }

    private void question(Question q) {
        if (q.kind() == null || q.choices().stream().anyMatch(c -> c.text() == null)) {
            return;
        }
        switch (q.kind()) {
            case SINGLE, SCENARIO -> {
                if (q.correctChoices() == 1) {
                    longestKey(q);
                }
                stemEcho(q);
            }
            case MULTIPLE -> {
                longestKey(q);
                fewWrongChoices(q);
                stemEcho(q);
            }
            default -> {
                return;
            }
        }
        allOrNone(q);
        duplicates(q);
    }

    private void longestKey(Question q) {
        List<Question.Choice> right = q.choices().stream().filter(Question.Choice::correct).toList();
        List<Question.Choice> wrong = q.choices().stream().filter(c -> !c.correct()).toList();
        if (right.isEmpty() || wrong.isEmpty()) {
            return;
        }
        int shortestRight = right.stream().mapToInt(c -> length(c.text())).min().orElseThrow();
        int longestWrong = wrong.stream().mapToInt(c -> length(c.text())).max().orElseThrow();
        if (shortestRight > MARGIN * longestWrong) {
            String what = right.size() == 1 ? "the right answer is" : "every right answer is";
            add(Cue.LONGEST_KEY, q.positions().at("choices"), name(q) + ": " + what + " longer than every wrong choice by more than "
                    + percent() + " (" + shortestRight + " against " + longestWrong + " characters)",
                    "make the choices about as long as each other: shorten the right answer or give a wrong one its reason too");
        }
    }

    private static String percent() {
        return Math.round((MARGIN - 1) * 100) + " %";
    }

    private static boolean keyIsLongest(Question q) {
        Question.Choice key = q.choices().stream().filter(Question.Choice::correct).findFirst().orElseThrow();
        return q.choices().stream().filter(c -> c != key).allMatch(c -> length(c.text()) < length(key.text()));
    }

    private static boolean oneAnswer(Question q) {
        return (q.kind() == Question.Kind.SINGLE || q.kind() == Question.Kind.SCENARIO) && q.choices().size() >= 2
                && q.correctChoices() == 1 && q.choices().stream().allMatch(c -> c.text() != null);
    }

    private void keyOftenLongest(List<Question> questions, String where) {
        List<Question> oneAnswer = questions.stream().filter(ItemCues::oneAnswer).toList();
        List<Question> longest = oneAnswer.stream().filter(ItemCues::keyIsLongest).toList();
        double expected = oneAnswer.stream().mapToDouble(q -> 1.0 / q.choices().size()).sum();
        oneAnswerQuestions += oneAnswer.size();
        keyLongest += longest.size();
        chance += expected;
        if (longest.size() > expected + TOLERANCE) {
            add(Cue.KEY_OFTEN_LONGEST, longest.get(0).positions().element(), "the right answer is the longest choice in "
                    + longest.size() + " of the " + oneAnswer.size() + " one-answer questions in this " + where
                    + ", where chance would make it about " + String.format(Locale.ROOT, "%.1f", expected),
                    "vary which choice is longest, starting with " + name(longest.get(0)));
        }
    }

    private void trueFalseBalance(List<Question> questions, String where) {
        List<Question> keyed = questions.stream().filter(q -> q.kind() == Question.Kind.TRUE_FALSE && q.answer() != null).toList();
        long trues = keyed.stream().filter(Question::answer).count();
        long falses = keyed.size() - trues;
        if (Math.abs(trues - falses) > 1) {
            boolean majority = trues > falses;
            Question first = keyed.stream().filter(q -> q.answer() == majority).findFirst().orElseThrow();
            add(Cue.TRUE_FALSE_IMBALANCE, first.positions().element(), Math.max(trues, falses) + " of the " + keyed.size()
                    + " true/false questions in this " + where + " are " + majority,
                    "key about as many true as false (at most one apart): turn a statement round so that it is " + !majority);
        }
    }

    private void fewWrongChoices(Question q) {
        long wrong = q.choices().size() - q.correctChoices();
        if (q.correctChoices() > 0 && wrong < 2) {
            add(Cue.FEW_WRONG_CHOICES, q.positions().at("choices"), name(q) + " has " + (wrong == 0 ? "no wrong choice" : "only one wrong choice"),
                    "give a multiple-answer question at least two plausible wrong choices, or ticking everything scores");
        }
    }

    private void allOrNone(Question q) {
        for (Question.Choice c : q.choices()) {
            Matcher m = ALL_OR_NONE.matcher(c.text());
            if (m.find()) {
                add(Cue.ALL_OR_NONE, c.positions().at("text"), "choice '" + m.group().strip() + "' in " + name(q),
                        "write a real choice instead: 'all/none of the above' is right or wrong for reasons unrelated to the topic");
            }
        }
    }

    private void duplicates(Question q) {
        Map<String, Question.Choice> seen = new LinkedHashMap<>();
        for (Question.Choice c : q.choices()) {
            Question.Choice first = seen.putIfAbsent(normal(c.text()), c);
            if (first != null) {
                add(Cue.DUPLICATE_CHOICE, c.positions().at("text"), "duplicate choice '" + c.text().strip() + "' in " + name(q)
                        + ", already at line " + first.positions().at("text").line(), "remove it or write a different choice");
            }
        }
    }

    private void stemEcho(Question q) {
        Set<String> stem = words((q.situation() == null ? "" : q.situation()) + " " + (q.prompt() == null ? "" : q.prompt()));
        List<Set<String>> shared = q.choices().stream().map(c -> {
            Set<String> w = words(c.text());
            w.retainAll(stem);
            return w;
        }).toList();
        for (int i = 0; i < shared.size(); i++) {
            int self = i;
            boolean othersDoNot = java.util.stream.IntStream.range(0, shared.size()).filter(j -> j != self).allMatch(j -> shared.get(j).isEmpty());
            if (shared.get(i).size() >= 2 && othersDoNot) {
                add(Cue.STEM_ECHO, q.choices().get(i).positions().at("text"), "only this choice of " + name(q) + " repeats the question's words ("
                        + String.join(", ", shared.get(i)) + ")", "reword it, or let the other choices speak of the situation too");
            }
        }
    }

    /** Lower-case words of four letters or more, without the most common ones, a final "s" dropped. */
    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group().replaceAll("'s?$", "");
            if (w.length() >= 4 && !COMMON.contains(w)) {
                words.add(w.length() > 4 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
            }
        }
        return words;
    }

    private static int length(String text) {
        return text.strip().length();
    }

    private static String normal(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[.!?;:,]+$", "");
    }

    private static String name(Question q) {
        return q.id() == null ? "the question" : "question '" + q.id() + "'";
    }

    private void add(Cue cue, Location at, String message, String fix) {
        findings.add(new Finding(cue, Problem.warning(at, message, fix)));
    }
}
