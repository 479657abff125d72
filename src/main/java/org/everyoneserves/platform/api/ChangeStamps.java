package org.everyoneserves.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.UUID;

/**
 * ETags of the person's API reads that cost no computation of the answer. The database keeps, per person, a counter
 * for each read (me, plan, refreshers, notifications) that its triggers bump in the transaction of every write to the
 * rows the answer is made of (V22), on whichever server. A read's tag is that counter with everything else its answer
 * depends on (the day, the catalog generation the server's copy has, the caller's roles, the page asked for), taken
 * before the answer is computed: a write in between makes the tag older than the answer, never newer, so a client
 * is at worst sent an unchanged answer again, never told that a changed one is unchanged.
 * <p>
 * The counters of an API request's caller come with its access token's read ({@link #COLUMNS}, {@link #known}),
 * so an unchanged read answers 304 with no further statement; a page request's come with its web session's check,
 * for the pages kept while unchanged.
 */
@RequestScoped
public class ChangeStamps {

    /** Raise when the shape of a stamped answer changes, so that apps holding the old shape fetch it again. */
    static final int FORMAT = 1;

    /**
     * The columns that give a read of the person {@code p} its stamps, with {@link #JOIN}, in this order: the person's
     * me, plan, refreshers, notifications, then everyone's, then the person's bookings (whose hosts' job role names
     * count with everyone's me).
     */
    public static final String COLUMNS = "cs.me, cs.plan, cs.refreshers, cs.notifications, ce.me, ce.plan, ce.refreshers, ce.notifications, cs.bookings";
    /** How many columns {@link #COLUMNS} names. */
    public static final int COLUMN_COUNT = 9;
    public static final String JOIN = " left join change_stamp cs on cs.person_id = p.id left join change_stamp ce on ce.person_id = 0";

    /** One person's counters, each with everyone's counter of the same read. */
    public record Stamps(long personId, String me, String plan, String refreshers, String notifications, String bookings) {

        /**
         * From the columns of {@link #COLUMNS} starting at {@code offset} of a row. A person without a stamp row
         * (which the triggers would not count) gets stamps that match no tag ever given, so their reads are computed.
         */
        public static Stamps of(long personId, Object[] row, int offset) {
            String[] parts = new String[4];
            String unstamped = row[offset] == null ? "-u" + UUID.randomUUID().toString().replace("-", "") : "";
            for (int i = 0; i < 4; i++) {
                parts[i] = number(row[offset + i]) + "." + number(row[offset + 4 + i]) + unstamped;
            }
            String bookings = number(row[offset + 8]) + "." + number(row[offset + 4]) + unstamped;
            return new Stamps(personId, parts[0], parts[1], parts[2], parts[3], bookings);
        }

        private static long number(Object value) {
            return value == null ? 0 : ((Number) value).longValue();
        }
    }

    @PersistenceContext
    EntityManager em;

    private Stamps known;

    /** The stamps read with the request's access token. */
    public void known(Stamps stamps) {
        this.known = stamps;
    }

    /** The person's stamps as of now: those read with the access token, else one read by key. */
    public Stamps of(long personId) {
        if (known != null && known.personId() == personId) {
            return known;
        }
        read(personId);
        return known;
    }

    /**
     * For a read that must write first (today's refreshers drawing the day's set), as the first statement of its
     * transaction: locks the person's stamps, so that no other write of theirs commits until this transaction ends and
     * what it reads is exactly what the stamps count; {@link #written} then gives the stamps with its own writes.
     */
    public void writing(long personId) {
        em.createNativeQuery("select person_id from change_stamp where person_id = ?1 for update").setParameter(1, personId).getResultList();
    }

    /** After the writes of a transaction begun with {@link #writing}: the stamps now, which its answer matches. */
    public void written(long personId) {
        read(personId);
    }

    private void read(long personId) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from person p" + JOIN + " where p.id = ?1")
                .setParameter(1, personId).getResultList();
        known = Stamps.of(personId, rows.isEmpty() ? new Object[COLUMN_COUNT] : (Object[]) rows.get(0), 0);
    }

    /** The tag of one read: its name, the person, the stamp of the read, and whatever else its answer depends on. */
    public static EntityTag tag(String read, long personId, String stamp, Object... basis) {
        return new EntityTag(value(read, personId, stamp, basis));
    }

    static String value(String read, long personId, String stamp, Object... basis) {
        StringBuilder value = new StringBuilder(read).append('-').append(personId).append('-').append(stamp).append("-f").append(FORMAT);
        for (Object b : basis) {
            value.append('-').append(b);
        }
        return value.toString().replace('"', '\'');
    }

    /** Whether the request's If-None-Match names this tag. */
    public static boolean unchanged(HttpHeaders headers, EntityTag tag) {
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        return ifNoneMatch != null && EtagFilter.matches(ifNoneMatch, tag.getValue());
    }
}
