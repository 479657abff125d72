package org.everyoneserves.content.files;


/** A 1-based position in a content file; {@code path} as shown to writers (relative to the content root's parent). */
public record Location(String path, int line, int column) {

    public static Location start(String path) {
        return new Location(path, 1, 1);
    }
}
