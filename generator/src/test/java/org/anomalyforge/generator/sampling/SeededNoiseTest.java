package org.anomalyforge.generator.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** seas.md §9.2 randomness: SplitMix64 + Box–Muller, one stream per (seed, streamId), batch-independent. */
class SeededNoiseTest {

    @Test
    void goldenValuesFromAnIndependentSplitMix64() {
        // Computed with a separate Python SplitMix64 (mix64 constants 0xbf58476d1ce4e5b9, 0x94d049bb133111eb).
        assertEquals(0.7415648787718233, SeededNoise.forStream(42, 0).nextUniform(), 0.0);
        assertEquals(741, SeededNoise.forStream(42, 0).nextInt(1000));
        assertArrayEquals(new float[] {0.8822489f, 1.3884733f, -0.45084986f, 0.67071646f},
                SeededNoise.forStream(42, 0).nextGaussians(4), 1e-6f);
        assertArrayEquals(new float[] {-0.10551648f, 0.58082676f},
                SeededNoise.forStream(42, SeededNoise.REFERENCE_POSTERIOR_STREAM).nextGaussians(2), 1e-6f);
        // An odd count discards the last pair's second value.
        assertArrayEquals(new float[] {0.98847431f, 0.10465664f, -1.8642558f},
                SeededNoise.forStream(7, 0).nextGaussians(3), 1e-6f);
    }

    @Test
    void sameSeedSameNoiseDifferentSeedDifferentNoise() {
        float[] a = SeededNoise.forStream(123, 0).nextGaussians(256);
        float[] b = SeededNoise.forStream(123, 0).nextGaussians(256);
        assertArrayEquals(a, b, 0f);
        assertFalse(Arrays.equals(a, SeededNoise.forStream(124, 0).nextGaussians(256)));
        assertFalse(Arrays.equals(a, SeededNoise.forStream(123, 1).nextGaussians(256)));
    }

    @Test
    void tensorIsFilledInCOrder() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray noise = SeededNoise.forStream(42, 0).nextGaussian(manager, new Shape(1, 2, 2));
            assertEquals(new Shape(1, 2, 2), noise.getShape());
            assertArrayEquals(SeededNoise.forStream(42, 0).nextGaussians(4), noise.toFloatArray(), 0f);
        }
    }

    @Test
    void batchRowsDoNotDependOnTheBatch() {
        Shape perImage = new Shape(4, 2, 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray batch = SeededNoise.gaussianBatch(manager,
                    List.of(SeededNoise.forStream(3, 0), SeededNoise.forStream(5, 0)), perImage);
            NDArray alone = SeededNoise.forStream(5, 0).nextGaussian(manager, perImage);
            assertEquals(new Shape(2, 4, 2, 2), batch.getShape());
            assertArrayEquals(alone.toFloatArray(), batch.get(1).toFloatArray(), 0f);
            NDArray viaStepNoise = SeededNoise.stepNoise(List.of(SeededNoise.forStream(3, 0)))
                    .draw(manager, new Shape(1, 4, 2, 2));
            assertArrayEquals(batch.get(0).toFloatArray(), viaStepNoise.get(0).toFloatArray(), 0f);
        }
    }

    @Test
    void momentsAreThoseOfAStandardNormal() {
        float[] values = SeededNoise.forStream(2024, 0).nextGaussians(200_000);
        double sum = 0;
        double squares = 0;
        for (float v : values) {
            sum += v;
            squares += v * v;
        }
        double mean = sum / values.length;
        double variance = squares / values.length - mean * mean;
        // Standard errors: mean 0.0022, variance 0.0032.
        assertEquals(0.0, mean, 0.01);
        assertEquals(1.0, variance, 0.015);
    }
}
