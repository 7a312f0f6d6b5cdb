package org.anomalyforge.ingest.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
    @TempDir
    Path tmp;

    @Test
    void deletesANestedTreeAndLeavesItsSiblings() throws Exception {
        Path root = tmp.resolve("run");
        Files.createDirectories(root.resolve("a/b"));
        Files.writeString(root.resolve("a/b/file.txt"), "x");
        Files.writeString(root.resolve("top.txt"), "y");
        Files.writeString(tmp.resolve("sibling.txt"), "z");
        FileTrees.delete(root);
        assertFalse(Files.exists(root));
        assertTrue(Files.exists(tmp.resolve("sibling.txt")));
    }

    @Test
    void aMissingFolderIsNotAnError() throws Exception {
        FileTrees.delete(tmp.resolve("never-made"));
        assertTrue(Files.isDirectory(tmp));
    }

    @Test
    void aLinkIsRemovedNotFollowed() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("kept"));
        Files.writeString(target.resolve("data.txt"), "keep me");
        Path root = Files.createDirectories(tmp.resolve("scratch"));
        Files.createSymbolicLink(root.resolve("link"), target);
        FileTrees.delete(root);
        assertFalse(Files.exists(root));
        assertTrue(Files.exists(target.resolve("data.txt")));
    }
}
