package org.everyoneserves.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.PersonalData;

/**
 * Who imported content. The import history keeps its rows on erasure (versions point at them); the importer's name is
 * gone with the person's pseudonym.
 */
@ApplicationScoped
public class ContentPersonalData implements PersonalData {

    @PersistenceContext
    EntityManager em;

    @Override
    public String feature() {
        return "content";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(new Holding("content_import", "who imported training content, when, from where"));
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long personId) {
        return Map.of("imports", PersonalData.rows(em, "select at, source, outcome, added, minor_changes as minorChanges,"
                + " material_changes as materialChanges, retired, errors, warnings from content_import where actor_id = ?1 order by at", personId));
    }

    @Override
    public int erase(Erasure erasure) {
        return 0;
    }
}
