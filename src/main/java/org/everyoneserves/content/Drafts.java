package org.everyoneserves.content;

import jakarta.json.bind.Jsonb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.everyoneserves.content.files.ContentTree;
import org.everyoneserves.content.files.CurriculumFile;
import org.everyoneserves.content.files.GuideFile;
import org.everyoneserves.content.files.ModuleFile;
import org.everyoneserves.content.files.QuizFile;
import org.everyoneserves.content.files.RefresherEntry;
import org.everyoneserves.content.files.RoleEntry;

/** Turns a loaded, valid content tree into the drafts the catalog compares and publishes. */
public final class Drafts {

    static final Jsonb JSON = org.everyoneserves.platform.JsonbResolver.shared();

    private Drafts() {
    }

    public static List<Draft> of(ContentTree tree) {
        Path base = tree.root().toAbsolutePath().normalize();
        List<Draft> drafts = new ArrayList<>();
        for (ModuleFile m : tree.modules()) {
            Map<String, Path> images = images(m, tree.root());
            Definitions.Module definition = new Definitions.Module(m.id(), m.track(), m.title(), m.summary(), m.audience(),
                    m.minutes() == null ? 0 : m.minutes(), m.tags(), m.revision(), m.keyPoints(), m.body(), List.copyOf(images.keySet()));
            drafts.add(draft(CatalogItem.Kind.MODULE, m.id(), m.track(), m.title(), m.summary(), m.minutes(), m.revision(),
                    definition, m.body(), source(base, m.file()), images));
        }
        for (QuizFile q : tree.quizzes()) {
            Definitions.Quiz definition = new Definitions.Quiz(q.id(), q.module(), q.title(), q.passMark() == null ? 100 : q.passMark(),
                    q.attempts(), q.shuffleQuestions(), q.shuffleChoices(), q.drawn(), q.revision(), q.format().name().toLowerCase(),
                    q.questions().stream().map(Definitions::withoutPositions).toList());
            String track = tree.module(q.module()).map(ModuleFile::track).orElse(null);
            drafts.add(draft(CatalogItem.Kind.QUIZ, q.id(), track, q.title(), null, null, q.revision(), definition, null,
                    source(base, q.file()), Map.of()));
        }
        for (GuideFile g : tree.guides()) {
            Definitions.Guide definition = new Definitions.Guide(g.id(), g.track(), g.title(), g.summary(), g.hostRoles(), g.audience(),
                    g.durationMinutes() == null ? 0 : g.durationMinutes(), g.watchFor(), g.questions(), g.reflectionPrompt());
            drafts.add(draft(CatalogItem.Kind.GUIDE, g.id(), g.track(), g.title(), g.summary(), g.durationMinutes(), 1, definition,
                    null, source(base, g.file()), Map.of()));
        }
        for (RefresherEntry r : tree.refreshers()) {
            Question question = Definitions.withoutPositions(r.question());
            Definitions.Refresher definition = new Definitions.Refresher(r.id(), r.track(), r.module(), question);
            String title = question.prompt() == null ? r.id() : question.prompt();
            drafts.add(draft(CatalogItem.Kind.REFRESHER, r.id(), r.track(), title, null, null, 1, definition, null,
                    source(base, r.file()), Map.of()));
        }
        for (CurriculumFile c : tree.curricula()) {
            List<Definitions.Item> items = c.items().stream()
                    .filter(i -> i.target() != null)
                    .map(i -> new Definitions.Item(i.target().key(), i.id(), i.dueDays() == null ? 0 : i.dueDays(),
                            i.from() == null ? "start" : i.from().name().toLowerCase(), i.repeatMonths()))
                    .toList();
            String title = CurriculumFile.DEFAULT_ROLE.equals(c.role()) ? "Job roles without their own curriculum"
                    : tree.role(c.role()).map(RoleEntry::name).orElse(c.role());
            drafts.add(draft(CatalogItem.Kind.CURRICULUM, c.role(), null, title, null, null, 1,
                    new Definitions.Curriculum(c.role(), items), null, source(base, c.file()), Map.of()));
        }
        return drafts;
    }

    private static Draft draft(CatalogItem.Kind kind, String code, String track, String title, String summary, Integer minutes,
                               int revision, Object definition, String markdown, String source, Map<String, Path> images) {
        String json = JSON.toJson(definition);
        StringBuilder hashed = new StringBuilder(json);
        images.forEach((path, file) -> hashed.append('\n').append(path).append(' ').append(ContentHash.of(bytes(file))));
        return new Draft(kind, code, track, Objects.requireNonNullElse(title, code), summary, minutes, revision,
                ContentHash.of(hashed.toString()), json, markdown, source, images);
    }

    /**
     * The module's pictures that exist inside the content folder and may be published ({@link ContentFiles}), by the
     * path written in the Markdown.
     */
    private static Map<String, Path> images(ModuleFile module, Path root) {
        Path realRoot = ContentFiles.realRoot(root);
        Map<String, Path> images = new TreeMap<>();
        Path folder = module.file().toAbsolutePath().normalize().getParent();
        MarkdownRenderer.parse(module.body()).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                String src = image.getDestination();
                if (MarkdownRenderer.isRelative(src)) {
                    Path file = folder.resolve(src.replaceAll("[?#].*$", "")).normalize();
                    if (ContentFiles.picture(realRoot, file).accepted()) {
                        images.put(src, file);
                    }
                }
                visitChildren(image);
            }
        });
        return images;
    }

    /** A picture's bytes, read without following a link; {@link #images} took only pictures under the size limit. */
    static byte[] bytes(Path file) {
        return ContentFiles.bytes(file, ContentFiles.MAX_PICTURE_BYTES);
    }

    private static String source(Path base, Path file) {
        Path parent = base.getParent() == null ? base : base.getParent();
        return parent.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
