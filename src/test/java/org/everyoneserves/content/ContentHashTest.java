package org.everyoneserves.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {

    @TempDir
    Path root;

    private void folder() throws IOException {
        Files.createDirectories(root.resolve("tracks/desk"));
        Files.writeString(root.resolve("roles.yaml"), "departments: []\nroles: []\n");
        Files.writeString(root.resolve("tracks/desk/track.yaml"), "id: desk\ntitle: Desk\nsummary: The desk.\n");
    }

    @Test
    void theSameFolderAndBuildHaveTheSameHash() throws IOException {
        folder();
        assertEquals(ContentHash.ofTree(root, "b1"), ContentHash.ofTree(root, "b1"));
        assertEquals(64, ContentHash.ofTree(root, "b1").length());
    }

    @Test
    void anyChangeToABuildAFileANameOrAnEmptyFolderChangesTheHash() throws IOException {
        folder();
        String before = ContentHash.ofTree(root, "b1");
        assertNotEquals(before, ContentHash.ofTree(root, "b2"), "another build may read the same files differently");

        Files.writeString(root.resolve("roles.yaml"), "departments: []\nroles: [] \n");
        String trailingSpace = ContentHash.ofTree(root, "b1");
        assertNotEquals(before, trailingSpace, "exact bytes, not the normalised text of a version's hash");

        Files.move(root.resolve("tracks/desk/track.yaml"), root.resolve("tracks/desk/track.yml"));
        String renamed = ContentHash.ofTree(root, "b1");
        assertNotEquals(trailingSpace, renamed);

        Files.createDirectories(root.resolve("imports"));
        assertNotEquals(renamed, ContentHash.ofTree(root, "b1"));
    }

    @Test
    void aLinkIsHashedByItsTargetNotFollowed() throws IOException {
        folder();
        Path outside = Files.createTempFile("outside", ".md");
        try {
            Files.createSymbolicLink(root.resolve("tracks/desk/linked.md"), outside);
            String before = ContentHash.ofTree(root, "b1");
            Files.writeString(outside, "changed outside the folder");
            assertEquals(before, ContentHash.ofTree(root, "b1"), "the import refuses links, so what they point at does not count");
        } finally {
            Files.delete(outside);
        }
    }
}
