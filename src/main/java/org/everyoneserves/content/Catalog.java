package org.everyoneserves.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.everyoneserves.platform.BusinessException;

/**
 * What the catalog publishes, as other features read it: the current version of each module, quiz, guide, refresher
 * and curriculum, or a given version (an attempt is scored against the version it showed), typed by kind. No other
 * feature sees {@link ContentVersion} or the JSON it stores.
 *
 * <p>Every read goes through {@link #current(CatalogItem.Kind, String)}, {@link #currentOfKind(CatalogItem.Kind)},
 * {@link #version(long)} or {@link #titles()}: those four are the place to cache, since the catalog changes only
 * when content is imported.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Catalog {

    private static final Jsonb JSON = org.everyoneserves.platform.JsonbResolver.shared();

    @PersistenceContext
    EntityManager em;

    public Optional<Published<Definitions.Module>> module(String code) {
        return current(CatalogItem.Kind.MODULE, code).map(v -> published(v, Definitions.Module.class));
    }

    public Optional<Published<Definitions.Quiz>> quiz(String code) {
        return current(CatalogItem.Kind.QUIZ, code).map(v -> published(v, Definitions.Quiz.class));
    }

    public Optional<Published<Definitions.Guide>> guide(String code) {
        return current(CatalogItem.Kind.GUIDE, code).map(v -> published(v, Definitions.Guide.class));
    }

    public Optional<Published<Definitions.Curriculum>> curriculum(String roleCode) {
        return current(CatalogItem.Kind.CURRICULUM, roleCode).map(v -> published(v, Definitions.Curriculum.class));
    }

    /** The curriculum of a job role, or for a role without one of its own the default curriculum. */
    public Optional<Published<Definitions.Curriculum>> curriculumOf(String roleCode) {
        return curriculum(roleCode).or(() -> curriculum(Curriculum.DEFAULT_ROLE));
    }

    public Published<Definitions.Module> getModule(String code) {
        return module(code).orElseThrow(() -> BusinessException.notFound("module"));
    }

    public Published<Definitions.Quiz> getQuiz(String code) {
        return quiz(code).orElseThrow(() -> BusinessException.notFound("quiz"));
    }

    public Published<Definitions.Guide> getGuide(String code) {
        return guide(code).orElseThrow(() -> BusinessException.notFound("guide"));
    }

    /** A quiz version by its id, current or not. */
    public Published<Definitions.Quiz> quizVersion(long versionId) {
        return published(version(versionId, CatalogItem.Kind.QUIZ), Definitions.Quiz.class);
    }

    /** A guide version by its id, current or not. */
    public Published<Definitions.Guide> guideVersion(long versionId) {
        return published(version(versionId, CatalogItem.Kind.GUIDE), Definitions.Guide.class);
    }

    public List<Published<Definitions.Quiz>> quizzes() {
        return currentOfKind(CatalogItem.Kind.QUIZ).stream().map(v -> published(v, Definitions.Quiz.class)).toList();
    }

    public List<Published<Definitions.Guide>> guides() {
        return currentOfKind(CatalogItem.Kind.GUIDE).stream().map(v -> published(v, Definitions.Guide.class)).toList();
    }

    public List<Published<Definitions.Refresher>> refreshers() {
        return currentOfKind(CatalogItem.Kind.REFRESHER).stream().map(v -> published(v, Definitions.Refresher.class)).toList();
    }

    /** The quiz that checks a module, if it has one. */
    public Optional<Published<Definitions.Quiz>> quizOfModule(String moduleCode) {
        return quizzes().stream().filter(q -> moduleCode.equals(q.definition().module())).findFirst();
    }

    /** The number of a version, current or not. */
    public int versionNumber(long versionId) {
        ContentVersion version = em.find(ContentVersion.class, versionId);
        if (version == null) {
            throw BusinessException.notFound("version");
        }
        return version.getNumber();
    }

    /** Whether an item of that kind and code is published and not retired. */
    public boolean exists(CatalogItem.Kind kind, String code) {
        return current(kind, code).isPresent();
    }

    public Titles titles() {
        Map<String, String> titles = new HashMap<>();
        em.createQuery("select i.kind, i.code, v.title from CatalogItem i join i.current v", Object[].class).getResultList()
                .forEach(r -> titles.put(Titles.key((CatalogItem.Kind) r[0], (String) r[1]), (String) r[2]));
        return new Titles(titles);
    }

    // ---- the reads every method above goes through

    private Optional<ContentVersion> current(CatalogItem.Kind kind, String code) {
        return em.createQuery("select v from CatalogItem i join i.current v join fetch v.item "
                        + "where i.kind = :kind and i.code = :code and i.retiredAt is null", ContentVersion.class)
                .setParameter("kind", kind).setParameter("code", code).getResultStream().findFirst();
    }

    private List<ContentVersion> currentOfKind(CatalogItem.Kind kind) {
        return em.createQuery("select v from CatalogItem i join i.current v join fetch v.item where i.kind = :kind and i.retiredAt is null "
                        + "order by i.code", ContentVersion.class)
                .setParameter("kind", kind).getResultList();
    }

    private ContentVersion version(long versionId, CatalogItem.Kind kind) {
        ContentVersion version = em.createQuery("select v from ContentVersion v join fetch v.item where v.id = :id", ContentVersion.class)
                .setParameter("id", versionId).getResultStream().findFirst().orElse(null);
        if (version == null || version.getItem().getKind() != kind) {
            throw BusinessException.notFound(kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        return version;
    }

    private static <D> Published<D> published(ContentVersion v, Class<D> type) {
        return new Published<>(v.getItem().getKind(), v.getItem().getCode(), v.getId(), v.getNumber(), v.getTitle(), v.getSummary(),
                v.getMinutes(), JSON.fromJson(v.getDefinition(), type), v.getHtml(), v.getPlainText());
    }

    /** Decodes a stored definition; for the catalog's own tests and tools. */
    static <D> D decode(String json, Class<D> type) {
        return JSON.fromJson(json, type);
    }
}
