package org.everyoneserves.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.everyoneserves.content.files.ContentProblem;
import org.everyoneserves.content.files.ContentTree;
import org.everyoneserves.content.files.QuizFile;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.audit.AuditLog;

/**
 * Quizzes uploaded by admins as a GIFT or Moodle XML file, for a module they choose. A check converts the file and
 * validates it together with the content folder, as an import would, and shows every question; publishing writes the
 * file into the folder's {@code imports/} (as {@code <quiz id>.gift} or {@code .xml}, with the header lines that make it
 * say what the check derived: id, module, title, pass mark) and imports the folder, so the quiz gets its versions and
 * audit like every file, and stays with the content. An import the folder refuses leaves the folder as it was.
 */
@ApplicationScoped
@Transactional
public class QuizUploads {

    /** Writing into the content folder never follows a link planted there. */
    private static final OpenOption[] WRITE_NOT_FOLLOWING = {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS};

    /** The largest file accepted: a question bank of a few hundred questions is far smaller. */
    public static final int MAX_BYTES = 1_048_576;

    public static final String TOO_LARGE = "content.upload.tooLarge";
    public static final String UNKNOWN_FORMAT = "content.upload.unknownFormat";
    public static final String REFUSED = "content.upload.refused";

    @Inject
    CatalogService catalog;

    @Inject
    Catalog published;

    @Inject
    ContentSource source;

    @Inject
    AuditLog audit;

    /** A module an uploaded quiz can belong to. */
    public record ModuleOption(String code, String title) implements Serializable {
    }

    public record PreviewChoice(String text, boolean correct, String feedback) implements Serializable {
    }

    /** A question as the learner will meet it, with its key: {@code answer} for true/false, the choices' marks otherwise. */
    public record PreviewQuestion(String id, Question.Kind kind, String prompt, List<PreviewChoice> choices, Boolean answer,
                                  String explanation) implements Serializable {
    }

    /** What the check found; {@code quizId} is null when the file could not be converted at all. */
    public record Preview(String fileName, String quizId, String title, Integer passMark, String module, List<PreviewQuestion> questions,
                          List<ContentProblem> problems) implements Serializable {

        public long errors() {
            return problems.stream().filter(ContentProblem::isError).count();
        }

        public boolean publishable() {
            return quizId != null && errors() == 0;
        }
    }

    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.SUPPORTS)
    public List<ModuleOption> modules(@NotNull Caller caller) {
        requireAdmin(caller);
        return published.modules().stream()
                .map(m -> new ModuleOption(m.code(), m.title()))
                .sorted(Comparator.comparing(ModuleOption::title)).toList();
    }

    /**
     * Converts and validates the file as the content folder would with it in {@code imports/}. Changes nothing.
     *
     * @throws BusinessException {@value #TOO_LARGE} over {@value #MAX_BYTES} bytes, {@value #UNKNOWN_FORMAT} for a name
     *         that ends neither in .gift nor in .xml
     */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.SUPPORTS)
    public Preview check(@NotNull Caller caller, @NotNull String fileName, @NotNull byte[] content, @NotNull String module) {
        requireAdmin(caller);
        Converted converted = convert(fileName, content, module);
        QuizFile quiz = converted.quiz();
        List<ContentProblem> problems = new ArrayList<>(converted.problems());
        if (quiz != null && quiz.id() != null && problems.stream().noneMatch(ContentProblem::isError)) {
            problems.addAll(againstTheFolder(quiz, converted.display()));
        }
        problems.sort(Comparator.comparing((ContentProblem p) -> !p.isError()).thenComparingInt(ContentProblem::line).thenComparingInt(ContentProblem::column));
        if (quiz == null) {
            return new Preview(fileName, null, null, null, module, List.of(), problems);
        }
        List<PreviewQuestion> questions = quiz.questions().stream().map(q -> new PreviewQuestion(q.id(), q.kind(), q.prompt(),
                q.choices().stream().map(c -> new PreviewChoice(c.text(), c.correct(), c.feedback())).toList(), q.answer(),
                q.explanation())).toList();
        return new Preview(fileName, quiz.id(), quiz.title(), quiz.passMark(), quiz.module(), questions, problems);
    }

    /**
     * Checks the file again and, when it has no errors, writes it into the content folder's {@code imports/} and imports
     * the folder.
     *
     * @throws BusinessException {@value #REFUSED} when the file or the folder with it has errors (nothing is written)
     */
    public CatalogService.Outcome publish(@NotNull Caller caller, @NotNull String fileName, @NotNull byte[] content, @NotNull String module) {
        Preview preview = check(caller, fileName, content, module);
        if (!preview.publishable()) {
            throw new BusinessException(BusinessException.Kind.INVALID, REFUSED, preview.errors());
        }
        Converted converted = convert(fileName, content, module);
        Path root = source.root();
        Path target = root.resolve("imports").resolve(preview.quizId() + converted.extension());
        byte[] before = read(target);
        write(target, withHeaders(converted).getBytes(StandardCharsets.UTF_8));
        CatalogService.Outcome outcome = catalog.importFrom(caller, root);
        if (outcome.preview().refused()) {
            restore(target, before);
            throw new BusinessException(BusinessException.Kind.INVALID, REFUSED, outcome.preview().errors());
        }
        audit.record(caller.personId(), "content.uploaded", "contentImport", outcome.importId(), fileName + " as " + root.relativize(target));
        return outcome;
    }

    private record Converted(String text, String extension, String display, QuizFile quiz, List<ContentProblem> problems) {
    }

    private Converted convert(String fileName, byte[] content, String module) {
        if (content.length > MAX_BYTES) {
            throw new BusinessException(BusinessException.Kind.INVALID, TOO_LARGE, MAX_BYTES / 1024);
        }
        String name = Path.of(fileName.replace('\\', '/')).getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
        String display = "upload/" + name;
        GiftParser.Result result;
        String extension;
        if (lower.endsWith(".gift") || lower.endsWith(".txt")) {
            result = GiftParser.parse(text, display, null, module);
            extension = ".gift";
        } else if (lower.endsWith(".xml")) {
            result = MoodleXmlParser.parse(text, display, null, module);
            extension = ".xml";
        } else {
            throw new BusinessException(BusinessException.Kind.INVALID, UNKNOWN_FORMAT, name);
        }
        return new Converted(text, extension, display, result.quiz().orElse(null), result.problems());
    }

    /** The problems the folder's validation finds with the quiz in it (a clash of ids, an unknown module, its own rules). */
    private List<ContentProblem> againstTheFolder(QuizFile quiz, String display) {
        ContentTree tree = ContentLoader.load(source.root());
        List<QuizFile> quizzes = new ArrayList<>(tree.quizzes().stream()
                .filter(q -> !(q.format().imported() && quiz.id().equals(q.id()))).toList());
        quizzes.add(quiz);
        ContentTree with = new ContentTree(tree.root(), tree.departments(), tree.roles(), tree.tracks(), tree.modules(), quizzes,
                tree.refreshers(), tree.guides(), tree.curricula(), List.of());
        return ContentValidator.validate(with).stream().filter(p -> p.path().equals(display)).toList();
    }

    /** The file with header lines for what the check derived, so that it says the same once it is named after its id. */
    private static String withHeaders(Converted converted) {
        QuizFile quiz = converted.quiz();
        if (converted.extension().equals(".xml")) {
            String header = "<!-- id: " + quiz.id() + "\n     module: " + quiz.module() + "\n     title: " + quiz.title().replace("--", "–")
                    + "\n     pass_mark: " + quiz.passMark() + " -->\n";
            String text = converted.text();
            int afterDeclaration = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
            return text.substring(0, afterDeclaration) + (afterDeclaration > 0 ? "\n" : "") + header + text.substring(afterDeclaration).stripLeading();
        }
        StringBuilder header = new StringBuilder();
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("id", quiz.id());
        values.put("module", quiz.module());
        values.put("title", quiz.title());
        values.put("pass_mark", quiz.passMark());
        values.forEach((key, value) -> {
            if (!quiz.positions().fields().containsKey(key)) {
                header.append("// ").append(key).append(": ").append(value).append('\n');
            }
        });
        return header + converted.text();
    }

    /** What the file held, read without following a link (the folder check refuses links; this does not rely on it). */
    private static byte[] read(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? ContentFiles.bytes(file, Integer.MAX_VALUE - 9) : null;
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes, WRITE_NOT_FOLLOWING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restore(Path file, byte[] before) {
        try {
            if (before == null) {
                Files.deleteIfExists(file);
            } else {
                Files.write(file, before, WRITE_NOT_FOLLOWING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw BusinessException.forbidden();
        }
    }
}
