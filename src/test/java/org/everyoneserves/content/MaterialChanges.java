package org.everyoneserves.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the catalog's events in an in-container test. */
@ApplicationScoped
public class MaterialChanges {

    private final List<ContentChangedMaterially> material = new CopyOnWriteArrayList<>();
    private final List<CurriculumChanged> curricula = new CopyOnWriteArrayList<>();

    /** Through methods, not fields: the test holds a client proxy, whose own fields are empty. */
    public List<ContentChangedMaterially> material() {
        return List.copyOf(material);
    }

    public List<CurriculumChanged> curricula() {
        return List.copyOf(curricula);
    }

    public void clear() {
        material.clear();
        curricula.clear();
    }

    void onMaterial(@Observes ContentChangedMaterially event) {
        material.add(event);
    }

    void onCurriculum(@Observes CurriculumChanged event) {
        curricula.add(event);
    }
}
