package org.everyoneserves.content;

import java.nio.charset.StandardCharsets;
import org.everyoneserves.platform.Hashes;

/**
 * SHA-256 of a file's normalised text (CRLF to LF, trailing whitespace at the end of the file removed),
 * so that a checkout on Windows or an editor's final newline does not make a new version.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String text) {
        return Hashes.sha256(text.replace("\r\n", "\n").stripTrailing());
    }

    public static String of(byte[] bytes) {
        return of(new String(bytes, StandardCharsets.UTF_8));
    }
}
