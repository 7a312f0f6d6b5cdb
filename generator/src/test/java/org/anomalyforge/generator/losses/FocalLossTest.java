package org.anomalyforge.generator.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** seas.md §8.3 reference values and the mask rule (§14.1 item 6). */
class FocalLossTest {

    @Test
    void referenceValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            // two pixels with p1 = 0.8: [N=1, 2, 1, 2]; channel 0 = 0.2
            NDArray p = m.create(new float[] {0.2f, 0.2f, 0.8f, 0.8f}, new Shape(1, 2, 1, 2));
            assertEquals(0.00892519, FocalLoss.compute(p.get(":, :, :, 0:1"), m.create(new float[] {1},
                    new Shape(1, 1, 1))).getFloat(), 1e-7);
            assertEquals(1.02994787, FocalLoss.compute(p.get(":, :, :, 1:2"), m.create(new float[] {0},
                    new Shape(1, 1, 1))).getFloat(), 1e-6);
            assertEquals(0.51943653, FocalLoss.compute(p, m.create(new float[] {1, 0}, new Shape(1, 1, 2)))
                    .getFloat(), 1e-6);
        }
    }

    @Test
    void rejectsMismatchedShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.ones(new Shape(1, 2, 2, 2)).div(2);
            assertThrows(IllegalArgumentException.class, () -> FocalLoss.compute(p, m.zeros(new Shape(1, 2, 3))));
            assertThrows(IllegalArgumentException.class, () -> FocalLoss.compute(m.ones(new Shape(1, 3, 2, 2)),
                    m.zeros(new Shape(1, 2, 2))));
        }
    }

    @Test
    void productRuleThresholdsAtHalfAndKeepsTinyDefects() {
        float[] planes = {
            0.5f, 0.49f, 0.7f, 0f,        // plane 0: two pixels reach 0.5
            0.2f, 0.3f, 0.3f, 0.1f,       // plane 1: none reach 0.5, source had a defect → the maxima
            0.2f, 0.3f, 0.3f, 0.1f,       // plane 2: same values, source had none → nothing
        };
        float[] out = MaskBinarisation.PRODUCT.apply(planes, 3, new boolean[] {true, true, false});
        assertArrayEquals(new float[] {1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0}, out);
    }

    @Test
    void legacyTruncationKeepsOnlyExactOnes() {
        float[] out = MaskBinarisation.LEGACY.apply(new float[] {1f, 0.999f, 0.5f, 0f}, 1, new boolean[] {true});
        assertArrayEquals(new float[] {1, 0, 0, 0}, out);
    }
}
