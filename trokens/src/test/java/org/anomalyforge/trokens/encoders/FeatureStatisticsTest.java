package org.anomalyforge.trokens.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureStatisticsTest {

    @Test
    void meanAndStdOverAllPatchesOfAllGrids() {
        // 1 frame, G = 1, A = 2: patches (1, 10) and (3, 10)
        PatchGrid a = new PatchGrid(1, 1, 2, new float[] {1, 10});
        PatchGrid b = new PatchGrid(1, 1, 2, new float[] {3, 10});
        FeatureStatistics s = FeatureStatistics.of(List.of(a, b));
        assertArrayEquals(new float[] {2, 10}, s.mean(), 0f);
        assertArrayEquals(new float[] {1, 0}, s.std(), 0f);
        PatchGrid z = s.standardise(b);
        assertEquals(1 / (1 + 1e-6), z.data()[0], 1e-6);
        assertEquals(0, z.data()[1], 0f);
    }

    @Test
    void selectFramesCopiesInOrder() {
        PatchGrid g = new PatchGrid(3, 1, 1, new float[] {5, 6, 7});
        assertArrayEquals(new float[] {7, 5}, g.selectFrames(new int[] {2, 0}).data(), 0f);
    }
}
