package org.anomalyforge.generator.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bilinear (align_corners = false) to r₀, then 2×2 max pooling, fractional values kept (seas.md §7.4). */
class SoftMaskTargetsTest {

    @Test
    void factorEightIsTheMeanOfTheCentralTwoByTwo() {
        // 16×16 mask → 2×2: cell (0,0) = mean of pixels (3..4, 3..4)
        float[] mask = new float[256];
        mask[3 * 16 + 3] = 1;
        mask[4 * 16 + 4] = 1;
        mask[2 * 16 + 2] = 1;                     // outside the centre: ignored without antialias
        float[] g = SoftMaskTargets.bilinear(mask, 1, 16, 2);
        assertArrayEquals(new float[] {0.5f, 0, 0, 0}, g, 1e-7f);
    }

    @Test
    void bilinearMatchesTorchForFactorTwo() {
        // torch.nn.functional.interpolate([[0,1,2,3]...], size=2, mode='bilinear', align_corners=False) averages pairs
        float[] row = {0, 1, 2, 3};
        float[] plane = new float[16];
        for (int y = 0; y < 4; y++) {
            System.arraycopy(row, 0, plane, y * 4, 4);
        }
        assertArrayEquals(new float[] {0.5f, 2.5f, 0.5f, 2.5f}, SoftMaskTargets.bilinear(plane, 1, 4, 2), 1e-7f);
    }

    @Test
    void maxPoolBuildsTheCoarserTargets() {
        float[] g4 = {0, 0.25f, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0.5f, 0, 0, 0, 0};
        assertArrayEquals(new float[] {0.25f, 0, 1, 0.5f}, SoftMaskTargets.maxPool2(g4, 1, 4), 0f);
        float[] mask = new float[32 * 32];
        for (int y = 8; y < 16; y++) {
            for (int x = 0; x < 8; x++) {
                mask[y * 32 + x] = 1;
            }
        }
        Map<Integer, float[]> t = SoftMaskTargets.targets(mask, 1, 32, 4, List.of(4, 2));
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, t.get(4), 0f);
        assertArrayEquals(new float[] {1, 0, 0, 0}, t.get(2), 0f);
        assertEquals(2, t.size());
    }
}
