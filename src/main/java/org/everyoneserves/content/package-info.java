/**
 * The training content: files parsed, validated and imported as versions of catalog items, and read back by the
 * other features through {@link org.everyoneserves.content.Catalog} as typed
 * {@link org.everyoneserves.content.Published} records. Owns the catalog tables ({@code catalog_item},
 * {@code content_version}, {@code content_asset}, {@code content_import}); no other feature reads them or the JSON
 * they store. Tells others by events: {@link org.everyoneserves.content.ContentChangedMaterially},
 * {@link org.everyoneserves.content.CurriculumChanged}, {@link org.everyoneserves.content.OrganisationPublished}.
 *
 * <p>May call: platform.
 */
package org.everyoneserves.content;
