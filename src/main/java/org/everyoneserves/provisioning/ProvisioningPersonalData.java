package org.everyoneserves.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.PersonalData;

/**
 * Provisioning data: the identity provider's own id of a provisioned person (SCIM {@code externalId}), and the SCIM
 * providers an admin set up. On erasure the provider's id goes (a provider that sends the person again makes a new
 * account), and a provider the erased admin set up stays, without its creator.
 */
@ApplicationScoped
public class ProvisioningPersonalData implements PersonalData {

    @PersistenceContext
    EntityManager em;

    @Override
    public String feature() {
        return "provisioning";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(new Holding("scim_person", "the identity provider's id of the person (SCIM externalId)"),
                new Holding("scim_provider", "which admin set up a provisioning connection"));
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long personId) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put("providerIds", PersonalData.rows(em, "select external_id as externalId from scim_person where person_id = ?1", personId));
        sections.put("connectionsSetUp", PersonalData.rows(em, "select name, created_at as createdAt, revoked_at as revokedAt"
                + " from scim_provider where created_by = ?1 order by created_at", personId));
        return sections;
    }

    @Override
    public int erase(Erasure erasure) {
        long id = erasure.personId();
        int changed = em.createNativeQuery("delete from scim_person where person_id = ?1").setParameter(1, id).executeUpdate();
        changed += em.createNativeQuery("update scim_provider set created_by = null where created_by = ?1").setParameter(1, id).executeUpdate();
        return changed;
    }
}
