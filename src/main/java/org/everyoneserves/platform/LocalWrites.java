package org.everyoneserves.platform;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the transactions of this server that wrote to the database, once each has ended: what this server keeps in
 * memory from the database (the API's callers, {@code security.AccessCache}) looks at the count before it trusts
 * what it keeps, so that a request always sees what an earlier request of this server wrote. Every statement of the
 * persistence unit passes here (Hibernate's statement inspector, {@code persistence.xml}); the first one of a
 * transaction that is not a {@code select} has the transaction counted when it ends (committed or not: counting a
 * rollback only costs a needless look).
 */
public final class LocalWrites implements StatementInspector {

    private static final Logger LOG = Logger.getLogger(LocalWrites.class.getName());
    private static final AtomicLong ENDED = new AtomicLong();
    private static final Object KEY = LocalWrites.class;
    private static volatile TransactionSynchronizationRegistry registry;

    /** How many writing transactions of this server have ended so far. */
    public static long ended() {
        return ENDED.get();
    }

    @Override
    public String inspect(String sql) {
        if (writes(sql)) {
            written();
        }
        return sql;
    }

    /** Whether a statement may change rows: anything but a query. */
    static boolean writes(String sql) {
        int i = 0;
        while (i < sql.length() && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(')) {
            i++;
        }
        return !sql.regionMatches(true, i, "select", 0, 6) && !sql.regionMatches(true, i, "with", 0, 4);
    }

    private static void written() {
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            ENDED.incrementAndGet();
            return;
        }
        if (transactions.getResource(KEY) == null) {
            transactions.putResource(KEY, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    ENDED.incrementAndGet();
                }
            });
        }
    }

    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry known = registry;
        if (known == null) {
            try {
                known = InitialContext.doLookup("java:jboss/TransactionSynchronizationRegistry");
                registry = known;
            } catch (NamingException e) {
                LOG.log(Level.FINE, "no transaction registry; every write counts at once", e);
            }
        }
        return known;
    }
}
