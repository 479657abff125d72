package org.everyoneserves.content;

import java.time.Instant;

/** One catalog item as the admins' content page lists it. */
public record CatalogRow(CatalogItem.Kind kind, String code, String title, String track, int version, boolean material,
                         Instant publishedAt, Instant retiredAt) {

    static final String SELECT = "select new org.everyoneserves.content.CatalogRow(i.kind, i.code, v.title, i.track, v.number, "
            + "v.material, v.publishedAt, i.retiredAt) from CatalogItem i join i.current v ";

    public boolean retired() {
        return retiredAt != null;
    }
}
