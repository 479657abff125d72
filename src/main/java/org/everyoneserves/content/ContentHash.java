package org.everyoneserves.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a file's normalised text (CRLF to LF, trailing whitespace at the end of the file removed),
 * so that a checkout on Windows or an editor's final newline does not make a new version.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String text) {
        String normalised = text.replace("\r\n", "\n").stripTrailing();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String of(byte[] bytes) {
        return of(new String(bytes, StandardCharsets.UTF_8));
    }
}
