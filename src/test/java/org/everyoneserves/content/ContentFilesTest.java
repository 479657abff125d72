package org.everyoneserves.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content folder is read without leaving it: links, paths outside, pictures that are not pictures (issue 12). */
class ContentFilesTest {

    private static final String MODULE = "tracks/finance/invoices-and-collections-calls.md";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @TempDir
    Path dir;

    private Path content() {
        Path content = dir.resolve("content");
        Fixtures.copy(Fixtures.good(), content);
        return content;
    }

    private static void appendToModule(Path content, String markdown) throws IOException {
        Files.writeString(content.resolve(MODULE), Files.readString(content.resolve(MODULE)) + "\n" + markdown + "\n");
    }

    private static List<String> imageProblems(Path content) {
        return Fixtures.problems(content).stream().filter(p -> p.contains("image")).toList();
    }

    @Test
    void aPictureThatLinksToTheServersSecretsIsRefusedAndNotPublished() throws IOException {
        Path content = content();
        Files.createDirectories(content.resolve("tracks/finance/images"));
        Files.createSymbolicLink(content.resolve("tracks/finance/images/a.png"), Path.of("/proc/self/environ"));
        appendToModule(content, "![Environment](images/a.png)");
        assertEquals(List.of("content/" + MODULE + ":19:1: image 'images/a.png' is a symbolic link, which the content folder may not hold"
                        + " — store the picture itself (PNG, JPEG, GIF, WebP or AVIF) in the track's images/ folder"),
                imageProblems(content));
        assertTrue(Drafts.of(ContentLoader.load(content)).stream().filter(d -> d.code().equals("invoices-and-collections-calls"))
                .allMatch(d -> d.images().isEmpty()), "nothing of it is published");
    }

    @Test
    void aFolderThatLinksElsewhereIsNeitherFollowedNorRead() throws IOException {
        Path content = content();
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("track.yaml"), "id: stolen\ntitle: Stolen\nsummary: read from outside\n");
        Files.createSymbolicLink(content.resolve("tracks/stolen"), outside);
        Files.createSymbolicLink(content.resolve("curricula/environ.yaml"), Path.of("/proc/self/environ"));
        List<String> problems = Fixtures.problems(content);
        assertTrue(problems.contains("content/tracks/stolen:1:1: 'stolen' is a symbolic link, which the content folder may not hold"
                + " — copy the file or folder into the content folder"), problems.toString());
        assertTrue(problems.contains("content/curricula/environ.yaml:1:1: 'environ.yaml' is a symbolic link, which the content folder may"
                + " not hold — copy the file or folder into the content folder"), problems.toString());
        assertTrue(ContentLoader.load(content).tracks().stream().noneMatch(t -> "stolen".equals(t.id())));
    }

    @Test
    void aPictureOutsideTheContentFolderIsRefused() throws IOException {
        Path content = content();
        Files.write(dir.resolve("outside.png"), PNG);
        appendToModule(content, "![Outside](../../../outside.png)");
        assertEquals(List.of("content/" + MODULE + ":19:1: image '../../../outside.png' is outside the content folder"
                        + " — store the picture itself (PNG, JPEG, GIF, WebP or AVIF) in the track's images/ folder"),
                imageProblems(content));
    }

    @Test
    void onlyPicturesOfTheAllowedTypesAndSizeAreTaken() throws IOException {
        Path content = content();
        Path images = Files.createDirectories(content.resolve("tracks/finance/images"));
        Files.writeString(images.resolve("notes.png"), "<svg onload=alert(1)>");
        Files.write(images.resolve("huge.png"), java.util.Arrays.copyOf(PNG, ContentFiles.MAX_PICTURE_BYTES + 1));
        Files.write(images.resolve("fine.png"), PNG);
        appendToModule(content, "![Notes](images/notes.png) ![Huge](images/huge.png) ![Fine](images/fine.png)");
        String hint = " — store the picture itself (PNG, JPEG, GIF, WebP or AVIF) in the track's images/ folder";
        assertEquals(List.of("content/" + MODULE + ":19:1: image 'images/notes.png' is not a PNG, JPEG, GIF, WebP or AVIF picture" + hint,
                        "content/" + MODULE + ":19:28: image 'images/huge.png' is larger than 2 MB" + hint),
                imageProblems(content));
    }

    @Test
    void anExternalPictureWouldBeATrackingPixelAndIsRefused() throws IOException {
        Path content = content();
        appendToModule(content, "![Pixel](https://tracker.example/p.gif)");
        assertEquals(List.of("content/" + MODULE + ":19:1: external image 'https://tracker.example/p.gif': the app would load it from"
                        + " another server each time the module is read (a tracking pixel) — store the picture in the track's images/ folder"
                        + " and reference it relatively"),
                imageProblems(content));
    }

    @Test
    void picturesAreKnownByTheirFirstBytes() {
        assertEquals(Optional.of("image/png"), ContentFiles.mediaType(PNG));
        assertEquals(Optional.of("image/jpeg"), ContentFiles.mediaType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertEquals(Optional.of("image/gif"), ContentFiles.mediaType("GIF89a....".getBytes()));
        assertEquals(Optional.of("image/webp"), ContentFiles.mediaType("RIFF\0\0\0\0WEBPVP8 ".getBytes()));
        assertEquals(Optional.empty(), ContentFiles.mediaType("<?xml version=\"1.0\"?><svg/>".getBytes()));
    }

    @Test
    void aLinkIsNotOpenedEvenWhenAskedForDirectly() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("environ"), Path.of("/proc/self/environ"));
        assertThrows(UncheckedIOException.class, () -> ContentFiles.bytes(link, 100));
        assertFalse(ContentFiles.isFile(link));
    }
}
