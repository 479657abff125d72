package org.everyoneserves.content;

/**
 * The version of a catalog item that people get, as other features read it: which version it is, its title and its
 * definition (the content as the author wrote it). Modules also carry their HTML, rendered and sanitised once at
 * import, and a plain-text rendering; other kinds have neither.
 *
 * @param <D> the definition's record in {@link Definitions}
 */
public record Published<D>(CatalogItem.Kind kind, String code, long versionId, int number, String title, String summary,
                           Integer minutes, D definition, String html, String plainText) {
}
