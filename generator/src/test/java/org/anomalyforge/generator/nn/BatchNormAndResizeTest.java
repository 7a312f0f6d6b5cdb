package org.anomalyforge.generator.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.anomalyforge.generator.training.GradMode;
import org.junit.jupiter.api.Test;

/** BatchNorm2d's three statistics modes (seas.md §8.4) and the exact bilinear resize (§14.1 item 4). */
class BatchNormAndResizeTest {

    @Test
    void bilinearDoublingMatchesTorchForBothCornerModes() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0, 3}, new Shape(1, 1, 1, 2));
            assertArrayEquals(new float[] {0, 1, 2, 3},
                    BilinearInterpolation.resize(x, 1, 4, true).toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0, 0.75f, 2.25f, 3},
                    BilinearInterpolation.resize(x, 1, 4, false).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void storedBatchAndCumulativeStatistics() {
        try (NDManager m = NDManager.newBaseManager()) {
            GradMode.off();
            BatchNorm2d bn = new BatchNorm2d(1);
            ModelInitialization.seeded(bn, m, 1);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray a = m.create(new float[] {1, 3}, new Shape(2, 1, 1, 1));      // mean 2, unbiased var 2
            NDArray b = m.create(new float[] {4, 8}, new Shape(2, 1, 1, 1));      // mean 6, unbiased var 8
            // STORED with μ = 0, σ² = 1: identity up to eps
            assertArrayEquals(new float[] {1, 3}, bn.forward(ps, a, BatchNorm2d.Statistics.STORED, false)
                    .toFloatArray(), 1e-4f);
            // BATCH: normalised by the biased variance 1 → ±1; stored ← 0.9·old + 0.1·batch
            assertArrayEquals(new float[] {-1, 1}, bn.forward(ps, a, BatchNorm2d.Statistics.BATCH, false)
                    .toFloatArray(), 1e-4f);
            assertArrayEquals(new float[] {0.2f}, stored(bn, "stored_mean"), 1e-6f);
            assertArrayEquals(new float[] {0.9f + 0.2f}, stored(bn, "stored_var"), 1e-6f);
            // CUMULATIVE after reset: exact average of the two batches' means and unbiased variances
            bn.resetStored();
            bn.forward(ps, a, BatchNorm2d.Statistics.CUMULATIVE, false);
            bn.forward(ps, b, BatchNorm2d.Statistics.CUMULATIVE, false);
            assertArrayEquals(new float[] {4}, stored(bn, "stored_mean"), 1e-6f);
            assertArrayEquals(new float[] {5}, stored(bn, "stored_var"), 1e-6f);
        }
    }

    private static float[] stored(BatchNorm2d bn, String key) {
        return bn.namedParameters().get(key).getArray().toFloatArray();
    }
}
