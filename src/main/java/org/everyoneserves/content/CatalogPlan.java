package org.everyoneserves.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What importing the content folder would change in the catalog: compared by code and hash, so an unchanged file
 * changes nothing. A changed item is a minor change unless its {@code revision} went up (material); an item no
 * longer in the folder is retired; a retired item that comes back is restored.
 */
public record CatalogPlan(List<Change> changes, int unchanged) implements java.io.Serializable {

    public CatalogPlan {
        changes = List.copyOf(changes);
    }

    public enum Type { NEW, MINOR, MATERIAL, RESTORED, RETIRED }

    /**
     * @param fromVersion the current version number, 0 for a new item
     * @param toVersion   the version people get after the import (equal to {@code fromVersion} when no version is made)
     */
    public record Change(CatalogItem.Kind kind, String code, String title, Type type, int fromVersion, int toVersion, boolean material)
            implements java.io.Serializable {

        public boolean publishes() {
            return toVersion != fromVersion;
        }
    }

    /** The catalog's state of one item. */
    public record Existing(CatalogItem.Kind kind, String code, String title, String hash, int revision, int number, boolean retired) {

        String key() {
            return kind + ":" + code;
        }
    }

    public static CatalogPlan of(List<Draft> drafts, Map<String, Existing> existing) {
        List<Change> changes = new ArrayList<>();
        int unchanged = 0;
        Set<String> seen = new HashSet<>();
        for (Draft draft : drafts) {
            seen.add(draft.key());
            Existing now = existing.get(draft.key());
            if (now == null) {
                changes.add(new Change(draft.kind(), draft.code(), draft.title(), Type.NEW, 0, 1, false));
                continue;
            }
            boolean changed = !now.hash().equals(draft.hash());
            boolean material = changed && draft.revision() > now.revision();
            int to = changed ? now.number() + 1 : now.number();
            if (now.retired()) {
                changes.add(new Change(draft.kind(), draft.code(), draft.title(), Type.RESTORED, now.number(), to, material));
            } else if (changed) {
                changes.add(new Change(draft.kind(), draft.code(), draft.title(), material ? Type.MATERIAL : Type.MINOR, now.number(), to, material));
            } else {
                unchanged++;
            }
        }
        for (Existing now : existing.values()) {
            if (!now.retired() && !seen.contains(now.key())) {
                changes.add(new Change(now.kind(), now.code(), now.title(), Type.RETIRED, now.number(), now.number(), false));
            }
        }
        changes.sort(Comparator.comparing(Change::type).thenComparing(Change::kind).thenComparing(Change::code));
        return new CatalogPlan(changes, unchanged);
    }

    public long count(Type type) {
        return changes.stream().filter(c -> c.type() == type).count();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
