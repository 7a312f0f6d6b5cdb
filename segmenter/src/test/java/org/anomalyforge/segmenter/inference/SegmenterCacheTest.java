package org.anomalyforge.segmenter.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load-once caching by run id + weights SHA-256, lease counting, and manifest verification on load. */
class SegmenterCacheTest {

    @TempDir
    Path store;

    @Test
    void loadsOncePerRunAndReleasesWithTheLastLease() throws Exception {
        Path run = TestRuns.untrained(store, 32, 0.4f, 0.6f, ImageScoreMode.MAX);
        SegmenterCache cache = new SegmenterCache();
        LfdSegmenter a = cache.acquire(run);
        LfdSegmenter b = cache.acquire(run);
        assertEquals(1, cache.size());
        assertEquals(a.weightsSha256(), b.weightsSha256());
        assertEquals(64, a.weightsSha256().length());
        assertEquals(0.4f, a.config().tauPixel());
        assertEquals(0.6f, a.config().tauImage());
        assertEquals(32, a.config().inputHeight());
        a.close();
        a.close();                                                       // idempotent
        assertEquals(1, cache.size());
        b.close();
        assertEquals(0, cache.size());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.newWorker(1));
        assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
    }

    @Test
    void refusesATamperedWeightsFile() throws Exception {
        Path run = TestRuns.untrained(store, 32, 0.5f, 0.5f, ImageScoreMode.MAX);
        Path weights = run.resolve("weights.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 3] ^= 0x01;                                 // flip one bit of a float
        Files.write(weights, bytes);
        SegmenterCache cache = new SegmenterCache();
        IOException e = assertThrows(IOException.class, () -> cache.acquire(run));
        assertTrue(e.getMessage().contains("SHA-256 mismatch"), e.getMessage());
        assertTrue(e.getMessage().contains("weights.safetensors"), e.getMessage());
        assertEquals(0, cache.size());
    }
}
