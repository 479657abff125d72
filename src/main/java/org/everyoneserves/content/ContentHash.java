package org.everyoneserves.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
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

    /**
     * One SHA-256 over a whole content folder as the application build {@code build} would import it: every entry's
     * path within the folder and every file's exact bytes, in name order. A link is hashed by its own name and target,
     * not followed. Any change to a file, a name or the build gives another hash.
     */
    public static String ofTree(Path root, String build) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, "build " + build);
            Path real = ContentFiles.realRoot(root);
            List<Path> entries;
            try (Stream<Path> walk = Files.walk(real)) {
                entries = walk.filter(p -> !p.equals(real)).sorted().toList();
            }
            for (Path entry : entries) {
                String name = real.relativize(entry).toString().replace('\\', '/');
                if (Files.isSymbolicLink(entry)) {
                    update(digest, "link " + name + " -> " + Files.readSymbolicLink(entry));
                } else if (Files.isRegularFile(entry)) {
                    byte[] bytes = Files.readAllBytes(entry);
                    update(digest, "file " + name + " " + bytes.length);
                    digest.update(bytes);
                } else {
                    update(digest, "folder " + name);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void update(MessageDigest digest, String line) {
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
