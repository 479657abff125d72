package org.everyoneserves.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.everyoneserves.content.files.ContentProblem;
import org.everyoneserves.content.files.ContentTree;
import org.everyoneserves.content.files.CurriculumFile;
import org.everyoneserves.content.files.DepartmentEntry;
import org.everyoneserves.content.files.GuideFile;
import org.everyoneserves.content.files.Location;
import org.everyoneserves.content.files.ModuleFile;
import org.everyoneserves.content.files.Positions;
import org.everyoneserves.content.files.QuizFile;
import org.everyoneserves.content.files.RefresherEntry;
import org.everyoneserves.content.files.RoleEntry;
import org.everyoneserves.content.files.TrackFile;

/**
 * Checks a loaded {@link ContentTree} across files: ids, references between files, quiz rules and the
 * Markdown of each module. The result includes the problems found while loading, sorted by file and line.
 */
public final class ContentValidator {

    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final String ALL = "all";
    private static final Pattern UNSAFE_LINK = Pattern.compile("^\\s*(?i)(javascript|vbscript|data|file):.*");
    /** Markdown emphasis or code: *word*, **words**, _word_, `code`. Question texts are shown as written, not as Markdown. */
    private static final Pattern MARKUP = Pattern.compile("(?<![\\w*])(\\*{1,2}|_)(?=\\S)[^*_\\n]*\\S\\1(?![\\w*])|`[^`\\n]+`");
    private static final Set<Question.Kind> REFRESHER_KINDS = Set.of(Question.Kind.SINGLE, Question.Kind.MULTIPLE, Question.Kind.TRUE_FALSE);

    private final ContentTree tree;
    private final List<ContentProblem> problems = new ArrayList<>();
    private final Set<String> roleCodes = new HashSet<>();
    private final Map<String, ModuleFile> modulesById = new HashMap<>();
    private final Set<String> duplicateModuleIds = new HashSet<>();
    private final Set<Integer> rawHtmlLines = new HashSet<>();
    private final MarkdownRenderer renderer = new MarkdownRenderer(id -> id, image -> image);

    private ContentValidator(ContentTree tree) {
        this.tree = tree;
    }

    public static List<ContentProblem> validate(ContentTree tree) {
        return new ContentValidator(tree).run();
    }

    public static List<ContentProblem> check(Path root) {
        return validate(ContentLoader.load(root));
    }

    private List<ContentProblem> run() {
        problems.addAll(tree.loadProblems());
        tree.roles().forEach(r -> roleCodes.add(r.code()));
        tree.modules().stream().filter(m -> m.id() != null).forEach(m -> {
            if (modulesById.putIfAbsent(m.id(), m) != null) {
                duplicateModuleIds.add(m.id());
            }
        });
        roles();
        ids();
        tree.tracks().forEach(this::track);
        tree.modules().forEach(this::module);
        tree.quizzes().forEach(this::quiz);
        tree.refreshers().forEach(this::refresher);
        tree.guides().forEach(this::guide);
        tree.curricula().forEach(this::curriculum);
        problems.addAll(ItemCues.of(tree).problems());
        problems.sort(Comparator.comparing(ContentProblem::path).thenComparingInt(ContentProblem::line).thenComparingInt(ContentProblem::column));
        return List.copyOf(problems);
    }

    private void roles() {
        Map<String, Location> seen = new HashMap<>();
        Set<String> departments = new HashSet<>();
        for (DepartmentEntry d : tree.departments()) {
            code(d.code(), d.positions().at("code"), seen, "department code");
            departments.add(d.code());
        }
        for (RoleEntry r : tree.roles()) {
            code(r.code(), r.positions().at("code"), seen, "job role code");
            if (CurriculumFile.DEFAULT_ROLE.equals(r.code())) {
                problems.add(ContentProblem.error(r.positions().at("code"), "job role code '" + CurriculumFile.DEFAULT_ROLE
                        + "' is reserved for curricula/default.yaml, the curriculum of roles without their own", "choose another code"));
            }
            if (r.department() != null && !departments.contains(r.department())) {
                problems.add(ContentProblem.error(r.positions().at("department"), "unknown department '" + r.department() + "'",
                        Suggestions.fix(r.department(), departments, "use a department code listed under 'departments'")));
            }
        }
    }

    private void code(String code, Location at, Map<String, Location> seen, String what) {
        if (code == null) {
            return;
        }
        if (!ID.matcher(code).matches()) {
            malformed(at, what, code);
        }
        Location first = seen.putIfAbsent(code, at);
        if (first != null) {
            problems.add(ContentProblem.error(at, "duplicate " + what + " '" + code + "', already used at " + short_(first),
                    "choose another code"));
        }
    }

    private void malformed(Location at, String what, String id) {
        problems.add(ContentProblem.error(at, "malformed " + what + " '" + id + "'",
                "use lower-case words joined by hyphens, e.g. '" + suggestId(id) + "'"));
    }

    private static String suggestId(String id) {
        String s = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "everyone-serves" : s;
    }

    private static String short_(Location at) {
        return at.path() + ":" + at.line();
    }

    /** Ids of tracks, modules, quizzes, shadowing guides and refreshers share one namespace: progress is kept against them. */
    private void ids() {
        Map<String, Location> seen = new LinkedHashMap<>();
        List<Map.Entry<String, Location>> all = new ArrayList<>();
        tree.tracks().forEach(t -> all.add(Map.entry(nullSafe(t.id()), t.positions().at("id"))));
        tree.modules().forEach(m -> all.add(Map.entry(nullSafe(m.id()), m.positions().at("id"))));
        tree.quizzes().forEach(q -> all.add(Map.entry(nullSafe(q.id()), q.positions().at("id"))));
        tree.guides().forEach(g -> all.add(Map.entry(nullSafe(g.id()), g.positions().at("id"))));
        tree.refreshers().forEach(r -> all.add(Map.entry(nullSafe(r.id()), r.question().positions().at("id"))));
        for (Map.Entry<String, Location> entry : all) {
            String id = entry.getKey();
            if (id.isEmpty()) {
                continue;
            }
            if (!ID.matcher(id).matches()) {
                malformed(entry.getValue(), "id", id);
            }
            Location first = seen.putIfAbsent(id, entry.getValue());
            if (first != null) {
                problems.add(ContentProblem.error(entry.getValue(), "duplicate id '" + id + "', already used at " + short_(first),
                        "choose another id: ids are unique across the whole content tree"));
            }
        }
    }

    private static String nullSafe(String s) {
        return s == null ? "" : s;
    }

    private void track(TrackFile track) {
        if (track.id() != null && !track.id().equals(track.folder())) {
            problems.add(ContentProblem.error(track.positions().at("id"), "track id '" + track.id() + "' does not match its folder '"
                    + track.folder() + "'", "rename the folder to tracks/" + track.id() + "/ or write 'id: " + track.folder() + "'"));
        }
    }

    private void fileName(Location at, Path file, String expected, String id) {
        String name = file.getFileName().toString();
        if (!name.equals(expected)) {
            problems.add(ContentProblem.error(at, "file name '" + name + "' does not match '" + id + "'",
                    "rename the file to " + expected));
        }
    }

    private void audience(List<String> roles, Positions positions, String key, boolean allowAll) {
        for (int i = 0; i < roles.size(); i++) {
            String code = roles.get(i);
            if (allowAll && code.equals(ALL)) {
                if (roles.size() > 1) {
                    problems.add(ContentProblem.warning(positions.at(key + "[" + i + "]"), "'all' already includes every job role",
                            "write '" + key + ": [all]' alone, or list the roles"));
                }
                continue;
            }
            if (!roleCodes.contains(code)) {
                List<String> candidates = new ArrayList<>(roleCodes);
                String otherwise = "use a job role code from roles.yaml" + (allowAll ? " or 'all'" : "");
                problems.add(ContentProblem.error(positions.at(key + "[" + i + "]"), "unknown job role '" + code + "' in " + key,
                        Suggestions.fix(code, candidates, otherwise)));
            }
        }
    }

    private void module(ModuleFile module) {
        Positions p = module.positions();
        if (module.id() != null && ID.matcher(module.id()).matches()) {
            fileName(p.at("id"), module.file(), module.id() + ".md", module.id());
        }
        audience(module.audience(), p, "audience", true);
        for (String key : module.keyPoints().keySet()) {
            if (!ID.matcher(key).matches()) {
                malformed(p.at("key_points." + key), "key point name", key);
            }
        }
        body(module);
    }

    private void body(ModuleFile module) {
        String path = module.positions().path();
        rawHtmlLines.clear();
        Node document = MarkdownRenderer.parse(module.body());
        Path folder = module.file().toAbsolutePath().normalize().getParent();
        Path realRoot = ContentFiles.realRoot(tree.root());
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() == 1) {
                    problems.add(ContentProblem.error(at(heading), "level-1 heading in the module body",
                            "start body headings at '##': the module's title is the '#'"));
                }
                visitChildren(heading);
            }

            @Override
            public void visit(HtmlBlock html) {
                rawHtml(html);
            }

            @Override
            public void visit(HtmlInline html) {
                rawHtml(html);
            }

            @Override
            public void visit(BlockQuote quote) {
                if (quote.getFirstChild() instanceof Paragraph paragraph && paragraph.getFirstChild() instanceof Text text) {
                    Matcher m = MarkdownRenderer.CALLOUT_MARKER.matcher(text.getLiteral());
                    if (m.lookingAt()) {
                        problems.add(ContentProblem.warning(at(quote), "unknown callout type '[!" + m.group(1) + "]'",
                                Suggestions.fix(m.group(1).toUpperCase(Locale.ROOT), List.of("TIP", "EXAMPLE", "NOTE", "WARNING",
                                        "IMPORTANT", "CAUTION"), "use [!TIP], [!EXAMPLE], [!NOTE] or [!WARNING]")));
                    }
                }
                visitChildren(quote);
            }

            @Override
            public void visit(Link link) {
                String destination = link.getDestination();
                if (destination.startsWith("module:")) {
                    String id = destination.substring("module:".length());
                    if (!modulesById.containsKey(id)) {
                        problems.add(ContentProblem.error(at(link), "link to unknown module '" + id + "'",
                                Suggestions.fix(id, modulesById.keySet(), "link to an existing module id")));
                    }
                } else if (UNSAFE_LINK.matcher(destination).matches()) {
                    problems.add(ContentProblem.error(at(link), "unsafe link '" + destination + "'",
                            "link to an http, https or mailto address, or to module:<id>"));
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                String src = image.getDestination();
                if (MarkdownRenderer.isRelative(src)) {
                    String file = src.replaceAll("[?#].*$", "");
                    ContentFiles.Picture picture = ContentFiles.picture(realRoot, folder.resolve(file).normalize());
                    if (!picture.accepted()) {
                        problems.add(ContentProblem.error(at(image), "image '" + src + "' " + picture.problem(),
                                picture.problem().equals("does not exist") ? "add the file to tracks/" + module.track() + "/images/ or fix the path"
                                        : "store the picture itself (PNG, JPEG, GIF, WebP or AVIF) in the track's images/ folder"));
                    }
                } else if (UNSAFE_LINK.matcher(src).matches()) {
                    problems.add(ContentProblem.error(at(image), "unsafe image source '" + src + "'",
                            "store the picture in the track's images/ folder and reference it relatively"));
                } else {
                    problems.add(ContentProblem.error(at(image), "external image '" + src + "': the app would load it from another"
                            + " server each time the module is read (a tracking pixel)", "store the picture in the track's images/ folder"
                            + " and reference it relatively"));
                }
                visitChildren(image);
            }

            private void rawHtml(Node html) {
                Location at = at(html);
                if (!rawHtmlLines.add(at.line())) {
                    return;
                }
                problems.add(ContentProblem.warning(at, "raw HTML is removed when the module is rendered",
                        "use Markdown instead of HTML"));
            }

            private Location at(Node node) {
                List<SourceSpan> spans = node.getSourceSpans();
                if (spans.isEmpty()) {
                    return new Location(path, module.bodyLine(), 1);
                }
                SourceSpan span = spans.get(0);
                return new Location(path, module.bodyLine() + span.getLineIndex(), span.getColumnIndex() + 1);
            }
        });
        if (module.minutes() != null) {
            MarkdownRenderer.Rendered rendered = renderer.render(module.body());
            int estimate = rendered.readingMinutes();
            int declared = module.minutes();
            if (Math.abs(declared - estimate) > 5 && (declared * 2 < estimate || declared > estimate * 2)) {
                problems.add(ContentProblem.warning(module.positions().at("minutes"), "minutes: " + declared + " is far from the estimated "
                                + estimate + (estimate == 1 ? " minute" : " minutes") + " of reading (" + rendered.words() + " words at " + MarkdownRenderer.WORDS_PER_MINUTE
                                + " words a minute)", "check the module's length or set 'minutes: " + estimate + "'"));
            }
        }
    }

    private ModuleFile knownModule(String id, Location at, String what) {
        if (id == null) {
            return null;
        }
        ModuleFile module = modulesById.get(id);
        if (module == null) {
            problems.add(ContentProblem.error(at, what + " names unknown module '" + id + "'",
                    Suggestions.fix(id, modulesById.keySet(), "use the id of an existing module")));
        }
        return module;
    }

    private void quiz(QuizFile quiz) {
        Positions p = quiz.positions();
        if (quiz.format() == QuizFile.Format.YAML && quiz.module() != null && modulesById.containsKey(quiz.module())) {
            fileName(p.at("module"), quiz.file(), quiz.module() + ".quiz.yaml", quiz.module());
        } else if (quiz.format().imported() && quiz.id() != null && quiz.file() != null) {
            fileName(p.at("id"), quiz.file(), quiz.id() + (quiz.format() == QuizFile.Format.GIFT ? ".gift" : ".xml"), quiz.id());
        }
        ModuleFile module = knownModule(quiz.module(), p.at("module"), "quiz");
        int count = quiz.questions().size();
        if (quiz.pool() != null) {
            if (quiz.pool() < 1) {
                problems.add(ContentProblem.error(p.at("pool"), "pool " + quiz.pool() + " draws no questions, so the pass mark cannot be reached",
                        "set 'pool' to at least 1, or remove it to use all questions"));
            } else if (quiz.pool() > count) {
                problems.add(ContentProblem.error(p.at("pool"), "pool " + quiz.pool() + " is larger than the " + count + " questions of the quiz",
                        "set 'pool' to at most " + count + ", or add questions"));
            }
        }
        Set<String> questionIds = new HashSet<>();
        for (Question q : quiz.questions()) {
            if (q.id() != null && !questionIds.add(q.id())) {
                problems.add(ContentProblem.error(q.positions().at("id"), "duplicate question id '" + q.id() + "' in quiz '" + quiz.id() + "'",
                        "give each question of the quiz its own id"));
            }
            question(q, module, quiz.format());
        }
    }

    private void question(Question q, ModuleFile module, QuizFile.Format format) {
        Positions p = q.positions();
        String name = q.id() == null ? "question" : "question '" + q.id() + "'";
        if (q.id() != null && !ID.matcher(q.id()).matches()) {
            malformed(p.at("id"), "question id", q.id());
        }
        if ((q.explanation() == null || q.explanation().isBlank()) && format.imported()) {
            problems.add(ContentProblem.warning(p.element(), name + " has no explanation: learners see only whether they were right",
                    "add general feedback (or feedback to its right answer) in the file"));
        } else if (q.explanation() == null || q.explanation().isBlank()) {
            problems.add(ContentProblem.error(p.element(), name + " has no explanation",
                    "add 'explanation:': the learner sees it after submitting"));
        }
        if (q.kind() != null) {
            kindRules(q, name);
        }
        if (!format.imported()) {
            shownAsWritten(q, name);
        }
        if (module != null && !duplicateModuleIds.contains(module.id())) {
            for (int i = 0; i < q.keyPoints().size(); i++) {
                String key = q.keyPoints().get(i);
                if (!module.keyPoints().containsKey(key)) {
                    problems.add(ContentProblem.error(p.at("key_points[" + i + "]"), "key point '" + key + "' is not defined by module '"
                            + module.id() + "'", Suggestions.fix(key, module.keyPoints().keySet(),
                            "use one of: " + String.join(", ", module.keyPoints().keySet()))));
                }
            }
        }
        if (!format.imported() && q.keyPoints().isEmpty()) {
            problems.add(ContentProblem.warning(p.element(), name + " has no key_points",
                    "add 'key_points: [...]' naming what it checks from the module's key_points"));
        }
    }

    /** Warns of Markdown in a question's texts: the learner would see its asterisks or backticks. */
    private void shownAsWritten(Question q, String name) {
        Positions p = q.positions();
        shownAsWritten(q.situation(), p.at("situation"), name);
        shownAsWritten(q.prompt(), p.at("prompt"), name);
        shownAsWritten(q.explanation(), p.at("explanation"), name);
        for (Question.Choice choice : q.choices()) {
            shownAsWritten(choice.text(), choice.positions().element(), name);
            shownAsWritten(choice.feedback(), choice.positions().element(), name);
        }
        q.items().forEach(item -> shownAsWritten(item, p.at("items"), name));
    }

    private void shownAsWritten(String text, Location at, String name) {
        Matcher markup = text == null ? null : MARKUP.matcher(text);
        if (markup != null && markup.find()) {
            problems.add(ContentProblem.warning(at, name + " shows '" + markup.group() + "' as written: question texts are not Markdown",
                    "write it plainly, or in quotation marks for a title"));
        }
    }

    private void kindRules(Question q, String name) {
        Positions p = q.positions();
        String kind = q.kind().code();
        switch (q.kind()) {
            case SINGLE, SCENARIO, MULTIPLE -> {
                notFor(q.answer() != null, p.at("answer"), "answer", kind);
                notFor(!q.items().isEmpty(), p.at("items"), "items", kind);
                if (q.choices().size() < 2) {
                    problems.add(ContentProblem.error(p.at("choices"), name + " needs at least two choices",
                            "add 'choices:' with at least two entries"));
                }
                long correct = q.correctChoices();
                if (correct == 0 && !q.choices().isEmpty()) {
                    problems.add(ContentProblem.error(p.at("choices"), name + " has no correct answer",
                            "mark the right choice with 'correct: true'"));
                } else if (correct > 1 && q.kind() != Question.Kind.MULTIPLE) {
                    problems.add(ContentProblem.error(p.at("choices"), name + " has " + correct + " correct choices; a " + kind
                            + " question has exactly one", "mark exactly one choice correct, or make it 'kind: multiple'"));
                }
                if (q.kind() == Question.Kind.SCENARIO) {
                    for (Question.Choice choice : q.choices()) {
                        if (choice.feedback() == null || choice.feedback().isBlank()) {
                            problems.add(ContentProblem.error(choice.positions().element(), "scenario choice has no feedback",
                                    "add 'feedback:' saying why this choice helps the customer or not"));
                        }
                    }
                }
            }
            case TRUE_FALSE -> {
                notFor(!q.choices().isEmpty(), p.at("choices"), "choices", kind);
                notFor(!q.items().isEmpty(), p.at("items"), "items", kind);
                if (q.answer() == null && !p.fields().containsKey("answer")) {
                    problems.add(ContentProblem.error(p.element(), name + " has no answer", "add 'answer: true' or 'answer: false'"));
                }
            }
            case ORDERING -> {
                notFor(!q.choices().isEmpty(), p.at("choices"), "choices", kind);
                notFor(q.answer() != null, p.at("answer"), "answer", kind);
                if (q.items().size() < 2) {
                    problems.add(ContentProblem.error(p.at("items"), name + " needs at least two items to order",
                            "add 'items:' listed in the right order"));
                }
            }
        }
    }

    private void notFor(boolean present, Location at, String key, String kind) {
        if (present) {
            problems.add(ContentProblem.error(at, "'" + key + "' does not apply to " + kind + " questions", "remove '" + key + "'"
                    + (key.equals("answer") ? "" : " or change 'kind'")));
        }
    }

    private void refresher(RefresherEntry refresher) {
        Question q = refresher.question();
        ModuleFile module = knownModule(refresher.module(), q.positions().at("module"), "refresher");
        if (q.kind() != null && !REFRESHER_KINDS.contains(q.kind())) {
            problems.add(ContentProblem.error(q.positions().at("kind"), "kind '" + q.kind().code() + "' is not allowed for a refresher",
                    "use kind single, multiple or true_false"));
        }
        question(q, module, QuizFile.Format.YAML);
    }

    private void guide(GuideFile guide) {
        audience(guide.hostRoles(), guide.positions(), "host_roles", false);
        audience(guide.audience(), guide.positions(), "audience", true);
    }

    private void curriculum(CurriculumFile curriculum) {
        Positions p = curriculum.positions();
        if (curriculum.role() != null) {
            if (curriculum.role().equals(CurriculumFile.DEFAULT_ROLE)) {
                fileName(p.at("role"), curriculum.file(), CurriculumFile.DEFAULT_ROLE + ".yaml", curriculum.role());
            } else if (!roleCodes.contains(curriculum.role())) {
                problems.add(ContentProblem.error(p.at("role"), "unknown job role '" + curriculum.role() + "'",
                        Suggestions.fix(curriculum.role(), roleCodes, "use a job role code from roles.yaml, or '"
                                + CurriculumFile.DEFAULT_ROLE + "' in curricula/default.yaml")));
            } else {
                fileName(p.at("role"), curriculum.file(), curriculum.role() + ".yaml", curriculum.role());
            }
        }
        Set<String> targets = new HashSet<>();
        for (CurriculumFile.Item item : curriculum.items()) {
            if (item.target() == null || item.id() == null) {
                continue;
            }
            Location at = item.positions().at(item.target().key());
            boolean known = switch (item.target()) {
                case MODULE -> modulesById.containsKey(item.id());
                case QUIZ -> tree.quiz(item.id()).isPresent();
                case SHADOWING -> tree.guide(item.id()).isPresent();
            };
            if (!known) {
                List<String> candidates = switch (item.target()) {
                    case MODULE -> new ArrayList<>(modulesById.keySet());
                    case QUIZ -> tree.quizzes().stream().map(QuizFile::id).filter(id -> id != null).toList();
                    case SHADOWING -> tree.guides().stream().map(GuideFile::id).filter(id -> id != null).toList();
                };
                String what = item.target() == CurriculumFile.Target.SHADOWING ? "shadowing guide" : item.target().key();
                problems.add(ContentProblem.error(at, "unknown " + what + " '" + item.id() + "'",
                        Suggestions.fix(item.id(), candidates, "use the id of an existing " + what)));
            }
            if (!targets.add(item.target().key() + ":" + item.id())) {
                problems.add(ContentProblem.warning(at, item.target().key() + " '" + item.id() + "' is listed twice in this curriculum",
                        "keep one item; use repeat_months for recertification"));
            }
        }
    }
}
