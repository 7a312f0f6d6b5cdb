package org.anomalyforge.trokens.clips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;

class FrameSamplerTest {

    @Test
    void modelFrameIndicesMatchSpec() {
        assertArrayEquals(new int[] {0, 4, 8, 13, 17, 22, 26, 31}, FrameSampler.modelFrameIndices(32, "c"));
        assertArrayEquals(new int[] {0, 2, 5, 8, 10, 13, 16, 19}, FrameSampler.modelFrameIndices(20, "c"));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 8}, FrameSampler.modelFrameIndices(9, "c"));
    }

    @Test
    void tooFewFramesNamesTheClip() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrameSampler.modelFrameIndices(7, "belt-cam-3"));
        assertEquals("clip belt-cam-3: needs at least 8 tracking frames after resampling, got 7", e.getMessage());
    }

    @Test
    void clusteringFramesAreAllOfA32FrameWindowAndSpreadOtherwise() {
        int[] all = FrameSampler.clusteringFrameIndices(32);
        assertEquals(32, all.length);
        for (int i = 0; i < 32; i++) {
            assertEquals(i, all[i]);
        }
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, FrameSampler.clusteringFrameIndices(13));
        int[] long64 = FrameSampler.clusteringFrameIndices(64);
        assertEquals(32, long64.length);
        assertEquals(2, long64[1]);
        assertEquals(63, long64[31]);
    }

    @Test
    void timestampResamplingTakesNearestSourceFrame() {
        FrameSampler sampler = FrameSampler.DEFAULT;
        // 25 fps, 80 frames = 3.2 s → 32 targets at k/10 s, source index round(2.5k) with ties to the later frame
        int[] idx = sampler.sourceIndices(80, 25);
        assertEquals(32, idx.length);
        assertArrayEquals(new int[] {0, 3, 5, 8, 10, 13}, java.util.Arrays.copyOf(idx, 6));
        assertEquals(78, idx[31]);
        // 30 fps → every third frame exactly
        assertArrayEquals(new int[] {0, 3, 6, 9}, sampler.sourceIndices(12, 30));
        // a 5 fps source keeps its own rate
        assertArrayEquals(new int[] {0, 1, 2}, sampler.sourceIndices(3, 5));
    }

    @Test
    void trackingFramesResizeLongSideTo512() {
        List<RgbImage> frames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            frames.add(RgbImage.blank(1024, 768));
        }
        TrackingFrames t = FrameSampler.DEFAULT.toTrackingFrames(new ClipFrames("big", frames, 20));
        assertEquals(2, t.size());
        assertEquals(512, t.width());
        assertEquals(384, t.height());
        assertEquals(10.0, t.fps());
    }
}
