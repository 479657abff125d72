package org.everyoneserves.content;

import java.nio.file.Path;
import java.util.Map;

/**
 * One item as the content folder has it now, ready to compare with the catalog and publish. {@code hash} covers the
 * definition and, for modules, the bytes of every picture, so a changed picture is a changed module.
 *
 * @param markdown the module's body, rendered when the version is published (its URLs carry the version number)
 * @param images   a module's pictures: the path as written in the Markdown, and the file
 */
public record Draft(CatalogItem.Kind kind, String code, String track, String title, String summary, Integer minutes,
                    int revision, String hash, String definition, String markdown, String source, Map<String, Path> images) {

    public Draft {
        images = Map.copyOf(images);
    }

    public String key() {
        return kind + ":" + code;
    }
}
