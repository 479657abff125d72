package org.everyoneserves.content;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.everyoneserves.content.files.CurriculumFile;
import org.everyoneserves.platform.BusinessException;

/**
 * What the catalog publishes, as other features read it: the current version of each module, quiz, guide, refresher
 * and curriculum, or a given version (an attempt is scored against the version it showed), typed by kind. No other
 * feature sees {@link ContentVersion} or the JSON it stores.
 *
 * <p>Every read goes through {@link #current(CatalogItem.Kind, String)}, {@link #currentOfKind(CatalogItem.Kind)},
 * {@link #version(long, CatalogItem.Kind)} or {@link #titles()}, which answer from a copy in memory: the catalog
 * changes only when content is imported, and the import tells it ({@link #changing()}).
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
        return curriculum(roleCode).or(() -> curriculum(CurriculumFile.DEFAULT_ROLE));
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

    public List<Published<Definitions.Module>> modules() {
        return currentOfKind(CatalogItem.Kind.MODULE).stream().map(v -> published(v, Definitions.Module.class)).toList();
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
        Published<?> version = versions.get(versionId);
        if (version != null) {
            return version.number();
        }
        ContentVersion stored = em.find(ContentVersion.class, versionId);
        if (stored == null) {
            throw BusinessException.notFound("version");
        }
        return stored.getNumber();
    }

    /** Whether an item of that kind and code is published and not retired. */
    public boolean exists(CatalogItem.Kind kind, String code) {
        return current(kind, code).isPresent();
    }

    public Titles titles() {
        return changingHere() ? loadTitles() : snapshot().titles();
    }

    /**
     * The generation of the catalog this server's reads answer from: a tag of an answer made from the catalog names
     * it, taken before the answer is made (so an import in between makes the tag older than the answer, not newer).
     */
    public long generation() {
        return snapshot().generation();
    }

    // ---- the reads every method above goes through: from memory, except inside an import's own transaction

    private Optional<Published<?>> current(CatalogItem.Kind kind, String code) {
        if (changingHere()) {
            return loadCurrent(kind, code).map(Catalog::decoded);
        }
        return Optional.ofNullable(snapshot().current().get(Titles.key(kind, code)));
    }

    private List<Published<?>> currentOfKind(CatalogItem.Kind kind) {
        if (changingHere()) {
            return loadCurrentOfKind(kind).stream().<Published<?>>map(Catalog::decoded).toList();
        }
        return snapshot().byKind().getOrDefault(kind, List.of());
    }

    /** A version by id: versions never change once published, so each is decoded once and kept. */
    private Published<?> version(long versionId, CatalogItem.Kind kind) {
        Published<?> version = versions.get(versionId);
        if (version == null) {
            version = loadVersion(versionId).map(Catalog::decoded).orElse(null);
            if (version != null && !changingHere()) {
                versions.putIfAbsent(versionId, version);
            }
        }
        if (version == null || version.kind() != kind) {
            throw BusinessException.notFound(kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        return version;
    }

    // ---- the copy in memory

    /**
     * The current versions and titles as of a generation of the catalog. An import bumps the generation in its own
     * transaction ({@link #changing()}); this server drops its copy when that transaction commits, and every server
     * compares its copy's generation with the database's at most every {@link #CHECK_EVERY}, one read of one row,
     * so an import on another server of a cluster shows within that time.
     */
    private record Snapshot(long generation, long checkedAt, Map<String, Published<?>> current,
                            Map<CatalogItem.Kind, List<Published<?>>> byKind, Titles titles) {

        Snapshot checked(long at) {
            return new Snapshot(generation, at, current, byKind, titles);
        }
    }

    static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    private static final Object CHANGING = Catalog.class.getName() + ".changing";

    @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")   // global: also found from a thread without a component context
    TransactionSynchronizationRegistry transactions;

    private volatile Snapshot snapshot;
    private final AtomicLong invalidations = new AtomicLong();
    private final Map<Long, Published<?>> versions = new ConcurrentHashMap<>();

    /**
     * Called by the import before it changes the catalog: bumps the generation for the other servers, reads the
     * database instead of the copy for the rest of this transaction, and drops the copy when it commits.
     */
    void changing() {
        if (transactions.getResource(CHANGING) != null) {
            return;
        }
        em.createNativeQuery("update catalog_generation set generation = generation + 1 where id = 1").executeUpdate();
        transactions.putResource(CHANGING, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    invalidations.incrementAndGet();
                    snapshot = null;
                }
            }
        });
    }

    private boolean changingHere() {
        return transactions.getTransactionKey() != null && transactions.getResource(CHANGING) != null;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s != null && now - s.checkedAt() < CHECK_EVERY.toNanos()) {
            return s;
        }
        long invalidated = invalidations.get();
        long generation = ((Number) em.createNativeQuery("select generation from catalog_generation where id = 1").getSingleResult()).longValue();
        Snapshot next = s != null && s.generation() == generation ? s.checked(now) : load(generation, now);
        if (invalidations.get() == invalidated) {
            snapshot = next;
        }
        return next;
    }

    private Snapshot load(long generation, long now) {
        Map<String, Published<?>> current = new HashMap<>();
        Map<CatalogItem.Kind, List<Published<?>>> byKind = new EnumMap<>(CatalogItem.Kind.class);
        for (ContentVersion v : em.createQuery("select v from CatalogItem i join i.current v join fetch v.item where i.retiredAt is null "
                + "order by i.code", ContentVersion.class).getResultList()) {
            Published<?> published = versions.computeIfAbsent(v.getId(), id -> decoded(v));
            current.put(Titles.key(published.kind(), published.code()), published);
            byKind.computeIfAbsent(published.kind(), k -> new ArrayList<>()).add(published);
        }
        byKind.replaceAll((kind, list) -> List.copyOf(list));
        return new Snapshot(generation, now, Map.copyOf(current), Map.copyOf(byKind), loadTitles());
    }

    private Titles loadTitles() {
        Map<String, String> titles = new HashMap<>();
        em.createQuery("select i.kind, i.code, v.title from CatalogItem i join i.current v", Object[].class).getResultList()
                .forEach(r -> titles.put(Titles.key((CatalogItem.Kind) r[0], (String) r[1]), (String) r[2]));
        return new Titles(titles);
    }

    private Optional<ContentVersion> loadCurrent(CatalogItem.Kind kind, String code) {
        return em.createQuery("select v from CatalogItem i join i.current v join fetch v.item "
                        + "where i.kind = :kind and i.code = :code and i.retiredAt is null", ContentVersion.class)
                .setParameter("kind", kind).setParameter("code", code).getResultStream().findFirst();
    }

    private List<ContentVersion> loadCurrentOfKind(CatalogItem.Kind kind) {
        return em.createQuery("select v from CatalogItem i join i.current v join fetch v.item where i.kind = :kind and i.retiredAt is null "
                        + "order by i.code", ContentVersion.class)
                .setParameter("kind", kind).getResultList();
    }

    private Optional<ContentVersion> loadVersion(long versionId) {
        return em.createQuery("select v from ContentVersion v join fetch v.item where v.id = :id", ContentVersion.class)
                .setParameter("id", versionId).getResultStream().findFirst();
    }

    private static Published<?> decoded(ContentVersion v) {
        Class<?> type = switch (v.getItem().getKind()) {
            case MODULE -> Definitions.Module.class;
            case QUIZ -> Definitions.Quiz.class;
            case GUIDE -> Definitions.Guide.class;
            case REFRESHER -> Definitions.Refresher.class;
            case CURRICULUM -> Definitions.Curriculum.class;
        };
        return new Published<>(v.getItem().getKind(), v.getItem().getCode(), v.getId(), v.getNumber(), v.getTitle(), v.getSummary(),
                v.getMinutes(), JSON.fromJson(v.getDefinition(), type), v.getHtml(), v.getPlainText());
    }

    @SuppressWarnings("unchecked")
    private static <D> Published<D> published(Published<?> version, Class<D> type) {
        type.cast(version.definition());
        return (Published<D>) version;
    }

    /** Decodes a stored definition; for the catalog's own tests and tools. */
    static <D> D decode(String json, Class<D> type) {
        return JSON.fromJson(json, type);
    }
}
