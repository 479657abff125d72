package org.everyoneserves.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reading the content folder without leaving it. A symbolic link ({@code images/a.png -> /proc/self/environ}) would
 * publish whatever it points at to every signed-in person, so links are refused wherever they are in a path, paths
 * are checked against the real root, and files are opened without following links. Pictures are taken only as PNG,
 * JPEG, GIF, WebP or AVIF, by their first bytes, and up to {@link #MAX_PICTURE_BYTES}.
 */
final class ContentFiles {

    static final int MAX_PICTURE_BYTES = 2 * 1024 * 1024;

    private ContentFiles() {
    }

    /** The folder with every link in its path resolved: what files must be inside. */
    static Path realRoot(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the file may not be read, if it may not: outside the real root, or a link there or on the way. */
    static Optional<String> refusal(Path realRoot, Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (!path.startsWith(realRoot)) {
            return Optional.of("is outside the content folder");
        }
        Path step = realRoot;
        for (Path name : realRoot.relativize(path)) {
            step = step.resolve(name);
            if (Files.isSymbolicLink(step)) {
                return Optional.of("is a symbolic link, which the content folder may not hold");
            }
        }
        return Optional.empty();
    }

    static boolean isFile(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    static boolean isFolder(Path file) {
        return Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** A text file's content, opened without following a link. */
    static String text(Path file) {
        return new String(bytes(file, Integer.MAX_VALUE - 9), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    /**
     * The file's bytes, opened without following a link, read up to {@code limit} bytes and one more: a longer result
     * tells the file is over the limit without reading all of it.
     */
    static byte[] bytes(Path file, int limit) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A picture's bytes, or why they are refused (a link, too large, not a picture of an allowed type). */
    static Picture picture(Path realRoot, Path file) {
        Optional<String> refused = refusal(realRoot, file);
        if (refused.isPresent()) {
            return Picture.refused(refused.get());
        }
        if (!isFile(file)) {
            return Picture.refused("does not exist");
        }
        byte[] bytes = bytes(file, MAX_PICTURE_BYTES);
        if (bytes.length > MAX_PICTURE_BYTES) {
            return Picture.refused("is larger than " + MAX_PICTURE_BYTES / (1024 * 1024) + " MB");
        }
        Optional<String> type = mediaType(bytes);
        return type.map(t -> new Picture(bytes, t, null)).orElseGet(() -> Picture.refused("is not a PNG, JPEG, GIF, WebP or AVIF picture"));
    }

    /** The media type its first bytes say, for the picture types taken. */
    static Optional<String> mediaType(byte[] b) {
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, 0, 'G', 'I', 'F', '8', '7', 'a') || starts(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of("image/gif");
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        if (starts(b, 4, 'f', 't', 'y', 'p', 'a', 'v', 'i')) {
            return Optional.of("image/avif");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** @param problem null when the picture may be published */
    record Picture(byte[] bytes, String mediaType, String problem) {

        static Picture refused(String problem) {
            return new Picture(null, null, problem);
        }

        boolean accepted() {
            return problem == null;
        }
    }
}
