package org.everyoneserves.content;

/**
 * A module, quiz or guide got a material version: people whose job role has it are asked to do it again.
 * Fired inside the import's transaction.
 */
public record ContentChangedMaterially(CatalogItem.Kind kind, String code, long versionId, int number) {
}
