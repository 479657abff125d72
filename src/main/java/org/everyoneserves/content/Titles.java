package org.everyoneserves.content;

import java.util.Map;

/** The title of every catalog item's current version, retired ones too (history still names them). */
public final class Titles {

    private final Map<String, String> byKey;

    Titles(Map<String, String> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    static String key(CatalogItem.Kind kind, String code) {
        return kind + ":" + code;
    }

    /** The title, or the code itself for an item the catalog never had. */
    public String of(CatalogItem.Kind kind, String code) {
        return byKey.getOrDefault(key(kind, code), code);
    }

    public String module(String code) {
        return of(CatalogItem.Kind.MODULE, code);
    }

    public String quiz(String code) {
        return of(CatalogItem.Kind.QUIZ, code);
    }

    public String guide(String code) {
        return of(CatalogItem.Kind.GUIDE, code);
    }
}
