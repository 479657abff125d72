package org.everyoneserves.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.everyoneserves.content.files.ContentProblem;
import org.everyoneserves.content.files.ContentTree;
import org.everyoneserves.platform.AppLock;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.PersonNames;
import org.everyoneserves.platform.audit.AuditLog;

/**
 * The content catalog: imports the content folder as versions (at deployment and when an admin asks), and answers
 * what the current version of a module, quiz, guide, refresher or curriculum is.
 *
 * <p>An import is all or nothing: content with any error is refused and the catalog stays as it was. Imports are
 * serialised across servers by a row lock held until the import commits, so two servers starting together, or two
 * admins pressing "Import now" at once, publish each version once.
 */
@ApplicationScoped
@Transactional
public class CatalogService {

    public static final String MODULE_PAGE = "/learner/module.xhtml?id=";

    @PersistenceContext
    EntityManager em;

    @Inject
    AppLock appLock;

    @Inject
    ContentSource source;

    @Inject
    Catalog catalog;

    @Inject
    Event<OrganisationPublished> organisation;

    @Inject
    AuditLog audit;

    @Inject
    PersonNames personNames;

    @Inject
    java.time.Clock clock;

    @Inject
    Event<ContentChangedMaterially> materialChanges;

    @Inject
    Event<CurriculumChanged> curriculumChanges;

    /** The check of a content folder against the catalog: its problems and what importing it would change. */
    public record Preview(String source, List<ContentProblem> problems, CatalogPlan plan) implements java.io.Serializable {

        public long errors() {
            return problems.stream().filter(ContentProblem::isError).count();
        }

        public long warnings() {
            return problems.size() - errors();
        }

        public boolean refused() {
            return errors() > 0;
        }
    }

    /** @param importId the recorded import, null when nothing changed */
    public record Outcome(Preview preview, Long importId) implements java.io.Serializable {

        public boolean applied() {
            return importId != null && !preview.refused();
        }
    }

    /** What importing the content folder now would do. Changes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview preview(@NotNull Caller caller) {
        requireAdmin(caller);
        return check(source.root());
    }

    public Outcome importNow(@NotNull Caller caller) {
        return importFrom(caller, source.root());
    }

    /** Imports the content folder at {@code root}, all or nothing. */
    public Outcome importFrom(@NotNull Caller caller, @NotNull Path root) {
        requireAdmin(caller);
        appLock.hold(AppLock.CONTENT);
        return importTree(caller, root, treeHash(root));
    }

    /**
     * The import at deployment: when the folder at {@code root} and the application's build are exactly those of the
     * last import that was not refused (one hash over the whole folder, compared with the one that import kept), the
     * catalog already is what importing them again would make it, and only the departments and job roles of roles.yaml
     * are published again (the organisation may have lost one since); else a full {@link #importFrom}.
     *
     * @return empty when the folder was found unchanged
     */
    public Optional<Outcome> importIfChanged(@NotNull Caller caller, @NotNull Path root) {
        requireAdmin(caller);
        appLock.hold(AppLock.CONTENT);
        Optional<String> hash = treeHash(root);
        if (hash.isPresent() && hash.get().equals(em.createNativeQuery("select tree_hash from catalog_generation where id = 1").getSingleResult())) {
            publishOrganisation(ContentLoader.organisation(root));
            return Optional.empty();
        }
        return Optional.of(importTree(caller, root, hash));
    }

    /** The tree's hash for this build of the application; none when the build is not known (then nothing is skipped). */
    private Optional<String> treeHash(Path root) {
        return source.build().map(build -> ContentHash.ofTree(root, build));
    }

    private Outcome importTree(Caller caller, Path root, Optional<String> hash) {
        ContentTree tree = ContentLoader.load(root);
        List<ContentProblem> problems = ContentValidator.validate(tree);
        boolean valid = problems.stream().noneMatch(ContentProblem::isError);
        List<Draft> drafts = valid ? Drafts.of(tree) : List.of();
        CatalogPlan plan = valid ? CatalogPlan.of(drafts, existing()) : new CatalogPlan(List.of(), 0);
        Preview preview = new Preview(root.toString(), problems, plan);
        if (!valid) {
            ContentImport refused = record(caller, preview);
            audit.record(caller.personId(), "content.refused", "contentImport", refused.getId(), preview.errors() + " errors");
            return new Outcome(preview, refused.getId());
        }
        publishOrganisation(tree);
        em.createNativeQuery("update catalog_generation set tree_hash = ? where id = 1").setParameter(1, hash.orElse(null)).executeUpdate();
        if (plan.isEmpty()) {
            return new Outcome(preview, null);
        }
        ContentImport run = record(caller, preview);
        apply(plan, drafts, run);
        audit.record(caller.personId(), "content.imported", "contentImport", run.getId(), summary(plan));
        return new Outcome(preview, run.getId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview check(Path root) {
        ContentTree tree = ContentLoader.load(root);
        List<ContentProblem> problems = ContentValidator.validate(tree);
        boolean valid = problems.stream().noneMatch(ContentProblem::isError);
        CatalogPlan plan = valid ? CatalogPlan.of(Drafts.of(tree), existing()) : new CatalogPlan(List.of(), 0);
        return new Preview(root.toString(), problems, plan);
    }

    // ---- reading the catalog

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CatalogRow> catalog(@NotNull Caller caller, CatalogItem.Kind kind, boolean includeRetired) {
        requireAdmin(caller);
        String where = "where (:kind is null or i.kind = :kind) and (:retired = true or i.retiredAt is null) ";
        return em.createQuery(CatalogRow.SELECT + where + "order by i.kind, i.track, i.code", CatalogRow.class)
                .setParameter("kind", kind).setParameter("retired", includeRetired).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<CatalogItem.Kind, Long> activeCounts() {
        Map<CatalogItem.Kind, Long> counts = new LinkedHashMap<>();
        for (CatalogItem.Kind kind : CatalogItem.Kind.values()) {
            counts.put(kind, 0L);
        }
        em.createQuery("select i.kind, count(i) from CatalogItem i where i.retiredAt is null group by i.kind", Object[].class)
                .getResultList().forEach(r -> counts.put((CatalogItem.Kind) r[0], (Long) r[1]));
        return counts;
    }

    /** One import as the content page lists it; {@code by} is empty for imports at deployment. */
    public record ImportRow(Instant at, String by, ContentImport.Outcome outcome, int added, int minor, int material, int retired,
                            int unchanged, int errors) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImportRow> history(@NotNull Caller caller, int max) {
        requireAdmin(caller);
        List<ContentImport> imports = em.createQuery("select i from ContentImport i order by i.at desc, i.id desc", ContentImport.class)
                .setMaxResults(max).getResultList();
        Map<Long, String> names = personNames.displayNames(imports.stream().map(ContentImport::getActorId).filter(java.util.Objects::nonNull)
                .toList());
        return imports.stream().map(i -> new ImportRow(i.getAt(), i.getActorId() == null ? "" : names.getOrDefault(i.getActorId(), ""),
                i.getOutcome(), i.getAdded(), i.getMinorChanges(), i.getMaterialChanges(), i.getRetired(), i.getUnchanged(),
                i.getErrors())).toList();
    }

    /** Every version of an item, newest first: history stays when an item changes or is retired. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContentVersion> versions(CatalogItem.Kind kind, String code) {
        return em.createQuery("select v from ContentVersion v join fetch v.item where v.item.kind = :kind and v.item.code = :code "
                        + "order by v.number desc", ContentVersion.class)
                .setParameter("kind", kind).setParameter("code", code).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ContentAsset> asset(String hash) {
        return em.createQuery("select a from ContentAsset a where a.hash = :hash", ContentAsset.class)
                .setParameter("hash", hash).setMaxResults(1).getResultStream().findFirst();
    }

    // ---- importing

    private void publishOrganisation(ContentTree tree) {
        organisation.fire(new OrganisationPublished(
                tree.departments().stream().map(d -> new OrganisationPublished.Unit(d.code(), d.name())).toList(),
                tree.roles().stream().map(r -> new OrganisationPublished.Role(r.code(), r.name(), r.department())).toList()));
    }

    private Map<String, CatalogPlan.Existing> existing() {
        return em.createQuery("select new org.everyoneserves.content.CatalogPlan$Existing(i.kind, i.code, v.title, v.hash, v.revision, "
                        + "v.number, case when i.retiredAt is null then false else true end) from CatalogItem i join i.current v",
                        CatalogPlan.Existing.class)
                .getResultStream().collect(Collectors.toMap(CatalogPlan.Existing::key, Function.identity()));
    }

    private ContentImport record(Caller caller, Preview preview) {
        ContentImport run = new ContentImport(clock.instant(), caller.isSystem() ? null : caller.personId(), preview.source(),
                preview.plan(), (int) preview.errors(), (int) preview.warnings());
        em.persist(run);
        em.flush();
        return run;
    }

    private void apply(CatalogPlan plan, List<Draft> drafts, ContentImport run) {
        catalog.changing();
        Map<String, CatalogItem> items = new HashMap<>();
        em.createQuery("select i from CatalogItem i", CatalogItem.class).getResultList()
                .forEach(i -> items.put(i.getKind() + ":" + i.getCode(), i));
        Map<String, Draft> byKey = drafts.stream().collect(Collectors.toMap(Draft::key, Function.identity()));
        Instant now = clock.instant();
        for (CatalogPlan.Change change : plan.changes()) {
            String key = change.kind() + ":" + change.code();
            if (change.type() == CatalogPlan.Type.RETIRED) {
                items.get(key).retire(now);
            } else {
                Draft draft = byKey.get(key);
                CatalogItem item = items.computeIfAbsent(key, k -> {
                    CatalogItem created = new CatalogItem(draft.kind(), draft.code(), draft.track());
                    em.persist(created);
                    return created;
                });
                if (change.publishes()) {
                    ContentVersion version = publish(item, draft, change.material(), run, now);
                    if (change.material()) {
                        materialChanges.fire(new ContentChangedMaterially(item.getKind(), item.getCode(), version.getId(), version.getNumber()));
                    }
                } else {
                    item.restore();
                }
            }
            if (change.kind() == CatalogItem.Kind.CURRICULUM) {
                curriculumChanges.fire(new CurriculumChanged(change.code()));
            }
        }
        em.flush();
    }

    private ContentVersion publish(CatalogItem item, Draft draft, boolean material, ContentImport run, Instant now) {
        String html = null;
        String text = null;
        Map<String, byte[]> images = new LinkedHashMap<>();
        draft.images().forEach((path, file) -> images.put(path, Drafts.bytes(file)));
        if (draft.markdown() != null) {
            MarkdownRenderer renderer = new MarkdownRenderer(id -> MODULE_PAGE + id,
                    path -> images.containsKey(path) ? assetUrl(path, images.get(path)) : path);
            MarkdownRenderer.Rendered rendered = renderer.render(draft.markdown());
            html = rendered.html();
            text = rendered.text();
        }
        ContentVersion version = new ContentVersion(item, draft, material, html, text, run, now);
        em.persist(version);
        images.forEach((path, bytes) -> em.persist(new ContentAsset(version, path, ContentFiles.mediaType(bytes).orElseThrow(), bytes)));
        item.publish(version, draft.track());
        return version;
    }

    static String assetUrl(String path, byte[] bytes) {
        return org.everyoneserves.platform.WebPaths.CONTENT_ASSETS + ContentHash.of(bytes) + extension(path);
    }

    private static String extension(String path) {
        String name = path.replaceAll("[?#].*$", "");
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot < name.lastIndexOf('/') ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static String summary(CatalogPlan plan) {
        return plan.changes().stream().collect(Collectors.groupingBy(c -> c.type().name().toLowerCase(Locale.ROOT), Collectors.counting()))
                + ", unchanged " + plan.unchanged();
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw BusinessException.forbidden();
        }
    }
}
