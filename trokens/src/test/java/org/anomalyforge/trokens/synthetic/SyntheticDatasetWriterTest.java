package org.anomalyforge.trokens.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.trokens.clips.ClipEntry;
import org.anomalyforge.trokens.clips.ClipFrames;
import org.anomalyforge.trokens.clips.ClipManifest;
import org.anomalyforge.trokens.clips.ClipReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDatasetWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesAviSidecarAndManifestThatReadBack() throws Exception {
        ActionClipSynthesizer synth = new ActionClipSynthesizer(new SynthesisConfig(96, 64, 24, 10),
                ActionClipSynthesizer.sampleProductTextures(1, 2));
        List<ActionClass> classes = List.of(ActionClass.fromLabel("pass_right"), ActionClass.fromLabel("stall"));
        ClipManifest manifest = new SyntheticDatasetWriter(synth).write(dir, classes,
                c -> c.label().equals("stall") ? "test" : "train", 2, 99);
        assertEquals(4, manifest.entries().size());
        ClipEntry first = manifest.entries().get(0);
        assertEquals("pass_right-000", first.clipId());
        assertEquals("train/pass_right/pass_right-000.avi", first.path());
        assertEquals("synthetic", first.source());
        assertEquals(24, first.frames().getAsInt());
        assertEquals(SyntheticDatasetWriter.clipSeed(99, classes.get(0), 0), first.seed().getAsLong());
        assertEquals("test", manifest.entries().get(3).split());
        ClipReader reader = new ClipReader(ImageCodec.withDefaults());
        for (ClipEntry e : manifest.entries()) {
            ClipFrames clip = reader.read(manifest.resolve(e), e.clipId(), 0);
            assertEquals(24, clip.size());
            assertEquals(96, clip.width());
            assertEquals(64, clip.height());
            assertEquals(10.0, clip.fps(), 1e-6);
        }
        String sidecar = Files.readString(dir.resolve("train/pass_right/pass_right-001.json"));
        assertTrue(sidecar.startsWith("{\"clip_id\":\"pass_right-001\",\"label\":\"pass_right\""), sidecar);
        assertTrue(sidecar.contains("\"product_corners_xy\":[[["));
        ClipManifest reread = ClipManifest.read(dir.resolve(SyntheticDatasetWriter.MANIFEST), false, true);
        assertEquals(manifest.entries(), reread.entries());
    }
}
