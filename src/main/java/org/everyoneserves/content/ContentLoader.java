package org.everyoneserves.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.everyoneserves.content.files.ContentProblem;
import org.everyoneserves.content.files.ContentTree;
import org.everyoneserves.content.files.CurriculumFile;
import org.everyoneserves.content.files.DepartmentEntry;
import org.everyoneserves.content.files.GuideFile;
import org.everyoneserves.content.files.Location;
import org.everyoneserves.content.files.ModuleFile;
import org.everyoneserves.content.files.QuizFile;
import org.everyoneserves.content.files.RefresherEntry;
import org.everyoneserves.content.files.RoleEntry;
import org.everyoneserves.content.files.TrackFile;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a content folder into a {@link ContentTree}. Problems of form (syntax, unknown keys, missing fields,
 * wrong types) are collected while reading; the {@link ContentValidator} adds the checks across files.
 */
public final class ContentLoader {

    static final List<String> TRACK_KEYS = List.of("id", "title", "summary");
    static final List<String> MODULE_KEYS = List.of("id", "title", "summary", "audience", "minutes", "tags", "revision", "key_points");
    static final List<String> QUIZ_KEYS = List.of("id", "module", "title", "pass_mark", "attempts", "shuffle_questions",
            "shuffle_choices", "pool", "revision", "questions");
    static final List<String> QUESTION_KEYS = List.of("id", "kind", "situation", "prompt", "key_points", "choices", "answer",
            "items", "explanation");
    static final List<String> REFRESHER_KEYS = List.of("id", "module", "kind", "situation", "prompt", "key_points", "choices",
            "answer", "items", "explanation");
    static final List<String> CHOICE_KEYS = List.of("text", "correct", "feedback");
    static final List<String> REFRESHERS_KEYS = List.of("track", "items");
    static final List<String> SHADOWING_KEYS = List.of("id", "title", "summary", "host_roles", "audience", "duration_minutes",
            "watch_for", "questions", "reflection_prompt");
    static final List<String> CURRICULUM_KEYS = List.of("role", "items");
    static final List<String> ITEM_KEYS = List.of("module", "quiz", "shadowing", "due_days", "from", "repeat_months");
    static final List<String> ROLES_FILE_KEYS = List.of("departments", "roles");
    static final List<String> DEPARTMENT_KEYS = List.of("code", "name");
    static final List<String> ROLE_KEYS = List.of("code", "name", "department");

    private final Path root;
    private final Path base;
    private final List<ContentProblem> problems = new ArrayList<>();
    private final List<DepartmentEntry> departments = new ArrayList<>();
    private final List<RoleEntry> roles = new ArrayList<>();
    private final List<TrackFile> tracks = new ArrayList<>();
    private final List<ModuleFile> modules = new ArrayList<>();
    private final List<QuizFile> quizzes = new ArrayList<>();
    private final List<RefresherEntry> refreshers = new ArrayList<>();
    private final List<GuideFile> guides = new ArrayList<>();
    private final List<CurriculumFile> curricula = new ArrayList<>();

    private ContentLoader(Path root) {
        this.root = ContentFiles.realRoot(root);
        this.base = this.root.getParent() == null ? this.root : this.root.getParent();
    }

    public static ContentTree load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("not a folder: " + root);
        }
        return new ContentLoader(root).read();
    }

    private ContentTree read() {
        for (Path entry : list(root)) {
            String name = entry.getFileName().toString();
            switch (name) {
                case "README.md", "REFERENCES.md" -> { }
                case "roles.yaml" -> readRoles(entry);
                case "tracks" -> list(entry).forEach(this::readTrackFolder);
                case "curricula" -> list(entry).forEach(this::readCurriculum);
                case "imports" -> list(entry).forEach(this::readImport);
                default -> unknownFile(entry, "README.md, REFERENCES.md, roles.yaml, tracks/, curricula/ and imports/");
            }
        }
        if (!Files.exists(root.resolve("roles.yaml"))) {
            problems.add(ContentProblem.error(Location.start(display(root.resolve("roles.yaml"))), "roles.yaml is missing",
                    "add roles.yaml with the departments and job roles"));
        }
        return tree();
    }

    /**
     * The departments and job roles of roles.yaml alone, read as {@link #load} reads them: what the import publishes to
     * the organisation even when it finds the rest of the folder as it was last checked.
     */
    public static ContentTree organisation(Path root) {
        ContentLoader loader = new ContentLoader(root);
        Path file = loader.root.resolve("roles.yaml");
        if (ContentFiles.isFile(file)) {
            loader.readRoles(file);
        }
        return loader.tree();
    }

    private ContentTree tree() {
        return new ContentTree(root, departments, roles, tracks, modules, quizzes, refreshers, guides, curricula, problems);
    }

    String display(Path file) {
        return base.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private List<Path> list(Path folder) {
        if (!ContentFiles.isFolder(folder)) {
            unknownFile(folder, "a folder");
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().filter(this::notLink).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A link is neither followed nor read: it could point anywhere on the server (see {@link ContentFiles}). */
    private boolean notLink(Path entry) {
        if (!Files.isSymbolicLink(entry)) {
            return true;
        }
        problems.add(ContentProblem.error(Location.start(display(entry)), "'" + entry.getFileName()
                + "' is a symbolic link, which the content folder may not hold", "copy the file or folder into the content folder"));
        return false;
    }

    private void unknownFile(Path file, String expected) {
        problems.add(ContentProblem.warning(Location.start(display(file)), "unexpected file or folder '" + file.getFileName() + "' is ignored",
                "expected here: " + expected));
    }

    private static String text(Path file) {
        return ContentFiles.text(file);
    }

    private static String baseName(Path file, String suffix) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - suffix.length());
    }

    private Optional<Node> yaml(Path file, String text) {
        return Yaml.compose(text, display(file), problems);
    }

    private void readRoles(Path file) {
        String path = display(file);
        yaml(file, text(file)).ifPresent(node -> {
            Yaml.Fields fields = Yaml.Fields.of(node, path, "roles.yaml", ROLES_FILE_KEYS, problems);
            for (Node entry : fields.list("departments", true)) {
                Yaml.Fields d = Yaml.Fields.of(entry, path, "a department", DEPARTMENT_KEYS, problems);
                departments.add(new DepartmentEntry(d.string("code", true), d.string("name", true), d.positions()));
            }
            for (Node entry : fields.list("roles", true)) {
                Yaml.Fields r = Yaml.Fields.of(entry, path, "a job role", ROLE_KEYS, problems);
                roles.add(new RoleEntry(r.string("code", true), r.string("name", true), r.string("department", true), r.positions()));
            }
        });
    }

    private void readTrackFolder(Path folder) {
        if (!ContentFiles.isFolder(folder)) {
            unknownFile(folder, "one folder per track");
            return;
        }
        String track = folder.getFileName().toString();
        if (!Files.exists(folder.resolve("track.yaml"))) {
            problems.add(ContentProblem.error(Location.start(display(folder.resolve("track.yaml"))), "track '" + track + "' has no track.yaml",
                    "add track.yaml with id, title and summary"));
        }
        for (Path file : list(folder)) {
            String name = file.getFileName().toString();
            if (name.equals("images") && ContentFiles.isFolder(file)) {
                continue;
            }
            if (ContentFiles.isFolder(file)) {
                unknownFile(file, "only an images/ folder inside a track");
            } else if (name.equals("track.yaml")) {
                readTrack(file, track);
            } else if (name.equals("refreshers.yaml")) {
                readRefreshers(file, track);
            } else if (name.equals("shadowing.yaml")) {
                readShadowing(file, track);
            } else if (name.endsWith(".quiz.yaml")) {
                readQuiz(file);
            } else if (name.endsWith(".md")) {
                readModule(file, track);
            } else {
                unknownFile(file, "track.yaml, <module>.md, <module>.quiz.yaml, refreshers.yaml, shadowing.yaml, images/");
            }
        }
    }

    private void readTrack(Path file, String folder) {
        String text = text(file);
        String path = display(file);
        yaml(file, text).ifPresent(node -> {
            Yaml.Fields f = Yaml.Fields.of(node, path, "track.yaml", TRACK_KEYS, problems);
            tracks.add(new TrackFile(f.string("id", true), folder, f.string("title", true), f.string("summary", true), file,
                    ContentHash.of(text), f.positions()));
        });
    }

    private void readModule(Path file, String track) {
        String text = text(file);
        String path = display(file);
        String[] lines = text.split("\n", -1);
        int close = -1;
        if (lines[0].strip().equals("---")) {
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].strip().equals("---")) {
                    close = i;
                    break;
                }
            }
        }
        if (close < 0) {
            problems.add(ContentProblem.error(Location.start(path), lines[0].strip().equals("---")
                            ? "the YAML header has no closing '---' line" : "a module starts with a YAML header between two '---' lines",
                    "start the file with '---', the header fields, then '---' and the Markdown"));
            return;
        }
        String header = "\n" + String.join("\n", Arrays.copyOfRange(lines, 1, close));
        String body = String.join("\n", Arrays.copyOfRange(lines, close + 1, lines.length));
        int bodyLine = close + 2;
        Optional<Node> node = yaml(file, header);
        if (node.isEmpty()) {
            return;
        }
        Yaml.Fields f = Yaml.Fields.of(node.get(), path, "the module header", MODULE_KEYS, problems);
        Integer revision = f.integer("revision", false, 1, Integer.MAX_VALUE);
        modules.add(new ModuleFile(
                f.string("id", true),
                track,
                f.string("title", true),
                f.string("summary", true),
                f.strings("audience", true),
                f.integer("minutes", true, 1, 60),
                f.strings("tags", false),
                revision == null ? 1 : revision,
                f.texts("key_points", true),
                body,
                bodyLine,
                file,
                ContentHash.of(text),
                f.positions()));
    }

    private void readQuiz(Path file) {
        String text = text(file);
        String path = display(file);
        yaml(file, text).ifPresent(node -> {
            Yaml.Fields f = Yaml.Fields.of(node, path, "the quiz", QUIZ_KEYS, problems);
            String id = f.string("id", true);
            String module = f.string("module", true);
            String title = f.string("title", true);
            Integer passMark = f.integer("pass_mark", true, 1, 100);
            Integer attempts = f.integer("attempts", false, 0, Integer.MAX_VALUE);
            Boolean shuffleQuestions = f.bool("shuffle_questions", false);
            Boolean shuffleChoices = f.bool("shuffle_choices", false);
            Integer pool = f.integer("pool", false, Integer.MIN_VALUE, Integer.MAX_VALUE);
            Integer revision = f.integer("revision", false, 1, Integer.MAX_VALUE);
            List<Question> questions = new ArrayList<>();
            for (Node entry : f.list("questions", true)) {
                questions.add(question(Yaml.Fields.of(entry, path, "a question", QUESTION_KEYS, problems), path));
            }
            quizzes.add(new QuizFile(id, module, title, passMark, attempts == null ? 0 : attempts,
                    shuffleQuestions == null || shuffleQuestions, shuffleChoices == null || shuffleChoices, pool,
                    revision == null ? 1 : revision, questions, QuizFile.Format.YAML, file, ContentHash.of(text), f.positions()));
        });
    }

    private Question question(Yaml.Fields f, String path) {
        String id = f.string("id", true);
        Question.Kind kind = null;
        String code = f.string("kind", true);
        if (code != null) {
            kind = Question.Kind.of(code).orElse(null);
            if (kind == null) {
                List<String> kinds = Arrays.stream(Question.Kind.values()).map(Question.Kind::code).toList();
                problems.add(ContentProblem.error(f.at("kind"), "unknown question kind '" + code + "'",
                        Suggestions.fix(code, kinds, "use one of " + String.join(", ", kinds))));
            }
        }
        List<Question.Choice> choices = new ArrayList<>();
        for (Node entry : f.list("choices", false)) {
            Yaml.Fields c = Yaml.Fields.of(entry, path, "a choice", CHOICE_KEYS, problems);
            Boolean correct = c.bool("correct", false);
            choices.add(new Question.Choice(c.string("text", true), correct != null && correct, c.string("feedback", false),
                    c.positions()));
        }
        return new Question(id, kind, f.string("situation", false), f.string("prompt", true), f.strings("key_points", false),
                choices, f.bool("answer", false), f.strings("items", false), f.string("explanation", false), f.positions());
    }

    private void readRefreshers(Path file, String track) {
        String text = text(file);
        String path = display(file);
        String hash = ContentHash.of(text);
        yaml(file, text).ifPresent(node -> {
            Yaml.Fields f = Yaml.Fields.of(node, path, "refreshers.yaml", REFRESHERS_KEYS, problems);
            String declared = f.string("track", true);
            if (declared != null && !declared.equals(track)) {
                problems.add(ContentProblem.error(f.at("track"), "track '" + declared + "' does not match the folder '" + track + "'",
                        "write 'track: " + track + "'"));
            }
            for (Node entry : f.list("items", true)) {
                Yaml.Fields item = Yaml.Fields.of(entry, path, "a refresher", REFRESHER_KEYS, problems);
                String module = item.string("module", true);
                refreshers.add(new RefresherEntry(track, module, question(item, path), file, hash));
            }
        });
    }

    private void readShadowing(Path file, String track) {
        String text = text(file);
        String path = display(file);
        yaml(file, text).ifPresent(node -> {
            Yaml.Fields f = Yaml.Fields.of(node, path, "the shadowing guide", SHADOWING_KEYS, problems);
            List<String> questions = f.strings("questions", false);
            guides.add(new GuideFile(
                    f.string("id", true),
                    track,
                    f.string("title", true),
                    f.string("summary", true),
                    f.strings("host_roles", true),
                    f.strings("audience", true),
                    f.integer("duration_minutes", true, 1, 8 * 60),
                    f.strings("watch_for", false),
                    questions.isEmpty() ? GuideFile.DEFAULT_QUESTIONS : questions,
                    f.string("reflection_prompt", false),
                    file,
                    ContentHash.of(text),
                    f.positions()));
        });
    }

    private void readCurriculum(Path file) {
        if (!file.getFileName().toString().endsWith(".yaml") || ContentFiles.isFolder(file)) {
            unknownFile(file, "<role-code>.yaml files");
            return;
        }
        String text = text(file);
        String path = display(file);
        yaml(file, text).ifPresent(node -> {
            Yaml.Fields f = Yaml.Fields.of(node, path, "the curriculum", CURRICULUM_KEYS, problems);
            String role = f.string("role", true);
            List<CurriculumFile.Item> items = new ArrayList<>();
            for (Node entry : f.list("items", true)) {
                items.add(curriculumItem(entry, path));
            }
            curricula.add(new CurriculumFile(role, items, file, ContentHash.of(text), f.positions()));
        });
    }

    private CurriculumFile.Item curriculumItem(Node node, String path) {
        Yaml.Fields f = Yaml.Fields.of(node, path, "a curriculum item", ITEM_KEYS, problems);
        List<CurriculumFile.Target> named = Arrays.stream(CurriculumFile.Target.values()).filter(t -> f.has(t.key())).toList();
        CurriculumFile.Target target = null;
        String id = null;
        if (named.size() == 1) {
            target = named.get(0);
            id = f.string(target.key(), true);
        } else if (named.isEmpty()) {
            problems.add(ContentProblem.error(f.element(), "a curriculum item names no module, quiz or shadowing guide",
                    "add one of 'module:', 'quiz:' or 'shadowing:'"));
        } else {
            problems.add(ContentProblem.error(f.at(named.get(1).key()), "a curriculum item names "
                            + String.join(" and ", named.stream().map(CurriculumFile.Target::key).toList()),
                    "split it into one item per target"));
        }
        CurriculumFile.From from = CurriculumFile.From.START;
        String fromCode = f.string("from", false);
        if (fromCode != null) {
            if (fromCode.equals("start") || fromCode.equals("assignment")) {
                from = CurriculumFile.From.valueOf(fromCode.toUpperCase());
            } else {
                problems.add(ContentProblem.error(f.at("from"), "'from' must be start or assignment, not '" + fromCode + "'",
                        Suggestions.fix(fromCode, List.of("start", "assignment"), "write 'from: start' or 'from: assignment'")));
            }
        }
        return new CurriculumFile.Item(target, id, f.integer("due_days", true, 0, 3650), from,
                f.integer("repeat_months", false, 1, 120), f.positions());
    }

    private void readImport(Path file) {
        String name = file.getFileName().toString();
        if (!(name.endsWith(".gift") || name.endsWith(".xml")) || ContentFiles.isFolder(file)) {
            unknownFile(file, "*.gift and *.xml (Moodle XML) files");
            return;
        }
        String text = text(file);
        GiftParser.Result result = name.endsWith(".xml") ? MoodleXmlParser.parse(text, display(file), file, null)
                : GiftParser.parse(text, display(file), file);
        problems.addAll(result.problems());
        result.quiz().ifPresent(quizzes::add);
    }
}
