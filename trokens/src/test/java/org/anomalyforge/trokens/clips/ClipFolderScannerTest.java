package org.anomalyforge.trokens.clips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipFolderScannerTest {

    @TempDir
    Path root;

    @Test
    void folderPerClassBecomesAValidManifest() throws Exception {
        new AviClipWriter(90).write(root.resolve("train/pass/p1.avi"), List.of(RgbImage.blank(32, 24)), 10);
        Files.createDirectories(root.resolve("test/stall/s1"));
        Files.writeString(root.resolve("train/pass/p1.json"), "{}");
        List<ClipEntry> entries = ClipFolderScanner.scan(root, 25, "user");
        assertEquals(2, entries.size());
        assertEquals("p1", entries.get(0).clipId());
        assertEquals("train/pass/p1.avi", entries.get(0).path());
        assertEquals("pass", entries.get(0).label());
        assertEquals("test/stall/s1", entries.get(1).path());
        assertEquals(25.0, entries.get(1).fps().getAsDouble());
        ClipManifest.write(root.resolve("manifest.csv"), entries);
        assertEquals(2, ClipManifest.read(root.resolve("manifest.csv"), false, true).entries().size());
    }

    @Test
    void otherContainersAreReportedWithTheHint() throws Exception {
        Files.createDirectories(root.resolve("val/jam"));
        Files.writeString(root.resolve("val/jam/j.mp4"), "x");
        ClipManifestException e = assertThrows(ClipManifestException.class, () -> ClipFolderScanner.scan(root, 10, "user"));
        assertEquals(List.of("val/jam/j.mp4: " + ClipReader.CONVERSION_HINT), e.problems());
    }
}
