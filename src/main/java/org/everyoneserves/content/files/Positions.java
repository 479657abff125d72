package org.everyoneserves.content.files;

import java.util.Map;

/**
 * Where an element and each of its fields were written. Field names are the YAML keys; list entries are
 * {@code key[i]} and map entries {@code key.name}. A field that is absent falls back to the element.
 */
public record Positions(Location element, Map<String, Location> fields) {

    public Positions {
        fields = Map.copyOf(fields);
    }

    public static Positions of(Location element) {
        return new Positions(element, Map.of());
    }

    public Location at(String field) {
        return fields.getOrDefault(field, element);
    }

    public String path() {
        return element.path();
    }
}
