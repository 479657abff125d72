package org.everyoneserves.platform.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import jakarta.inject.Inject;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Hashes;
import org.everyoneserves.platform.JsonbResolver;
import org.everyoneserves.platform.PersonLock;
import org.everyoneserves.platform.Tick;

/**
 * Exactly-once writes for clients on flaky networks. Every API write carries a client-generated id in the
 * {@code Idempotency-Key} header. The first request with an id runs the write and keeps its answer in the same
 * transaction; the same id sent again gets that answer back and changes nothing, also when both arrive at once (the
 * second waits on the first's row). A write that fails keeps nothing, so its retry runs again and fails the same
 * way. The same id with a different request is refused. Answers are kept for {@link #KEPT} days.
 * <p>
 * One person's writes queue on their {@link PersonLock}, taken first: the key's row references the person, and
 * inserting it takes a shared lock on the person's row that a later lock of that row inside the write would deadlock
 * on when several writes run at once (a phone sending its outbox while the web page marks a module read).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    public static final int KEPT = 30;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PersonLock personLock;

    /**
     * Runs {@code write} once for this person and key.
     *
     * @param request what identifies the request besides the key (method, path, body), to refuse a key reused for another
     */
    @Transactional
    public Response once(long personId, String key, String request, Supplier<Response> write) {
        if (key == null || key.isBlank()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "idempotency.error.missingKey");
        }
        if (!KEY.matcher(key).matches()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "idempotency.error.malformedKey");
        }
        personLock.hold(personId);
        String hash = Hashes.sha256(request);
        int inserted = em.createNativeQuery("insert ignore into api_idempotency (person_id, idem_key, request_hash, status, created_at)"
                        + " values (?1, ?2, ?3, 0, ?4)")
                .setParameter(1, personId).setParameter(2, key).setParameter(3, hash)
                .setParameter(4, Timestamp.from(clock.instant())).executeUpdate();
        if (inserted == 0) {
            return replay(personId, key, hash);
        }
        Response response = write.get();
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String text ? text : JsonbResolver.shared().toJson(entity);
        URI location = response.getLocation();
        EntityTag etag = response.getEntityTag();
        em.createNativeQuery("update api_idempotency set status = ?1, location = ?2, etag = ?3, body = ?4 where person_id = ?5 and idem_key = ?6")
                .setParameter(1, response.getStatus()).setParameter(2, location == null ? null : location.toString())
                .setParameter(3, etag == null ? null : etag.getValue()).setParameter(4, body)
                .setParameter(5, personId).setParameter(6, key).executeUpdate();
        return response;
    }

    private Response replay(long personId, String key, String hash) {
        List<?> rows = em.createNativeQuery("select request_hash, status, location, etag, body from api_idempotency"
                        + " where person_id = ?1 and idem_key = ?2")
                .setParameter(1, personId).setParameter(2, key).getResultList();
        Object[] row = (Object[]) rows.get(0);
        if (!hash.equals(row[0])) {
            throw new BusinessException(BusinessException.Kind.UNPROCESSABLE, "idempotency.error.keyReused");
        }
        Response.ResponseBuilder builder = Response.status(((Number) row[1]).intValue()).header(REPLAYED, "true");
        if (row[2] != null) {
            builder.location(URI.create((String) row[2]));
        }
        if (row[3] != null) {
            builder.tag(new EntityTag((String) row[3]));
        }
        if (row[4] != null) {
            builder.entity(row[4]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return builder.build();
    }

    /** Last in a scheduled run. */
    @Transactional
    void onTick(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) Tick tick) {
        purge();
    }

    /** Forgets answers older than {@link #KEPT} days. */
    @Transactional
    public int purge() {
        return em.createNativeQuery("delete from api_idempotency where created_at < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(Duration.ofDays(KEPT)))).executeUpdate();
    }
}
