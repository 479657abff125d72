package org.everyoneserves.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.UUID;

/**
 * Leases on jobs that one node of a cluster runs at a time (the table {@code cluster_lease}, one row per job). The
 * database's own clock decides expiry, so nodes whose clocks differ still agree.
 */
@ApplicationScoped
public class Leases {

    /** This server until it stops: the node name for people reading the table, and a random part for uniqueness. */
    private final String holder = System.getProperty("jboss.node.name", "node") + "/" + UUID.randomUUID();

    @PersistenceContext
    EntityManager em;

    /**
     * Takes or renews the lease on {@code job} for {@code length}: true when this node holds it now (it held it
     * already, or the last holder's lease had expired).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String job, Duration length) {
        return em.createNativeQuery("update cluster_lease set holder = ?1, expires_at = now(3) + interval ?2 second"
                        + " where name = ?3 and (holder = ?1 or expires_at < now(3))")
                .setParameter(1, holder).setParameter(2, length.toSeconds()).setParameter(3, job)
                .executeUpdate() == 1;
    }

    public String holder() {
        return holder;
    }
}
