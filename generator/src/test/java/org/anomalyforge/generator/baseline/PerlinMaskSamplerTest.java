package org.anomalyforge.generator.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.BinaryMask;
import org.junit.jupiter.api.Test;

class PerlinMaskSamplerTest {
    private final PerlinMaskSampler sampler = new PerlinMaskSampler(PerlinConfig.draem());

    @Test
    void samplesBinaryNonEmptyMasksOfTheRequestedSize() {
        for (long seed = 0; seed < 20; seed++) {
            BinaryMask mask = sampler.sample(64, 48, new SplittableRandom(seed));
            assertEquals(64, mask.width());
            assertEquals(48, mask.height());
            for (byte p : mask.pixels()) {
                assertTrue(p == 0 || p == 1, "mask byte " + p);
            }
            assertTrue(mask.area() > 0, "seed " + seed + " gave an empty mask");
            assertTrue(mask.area() < 64 * 48, "seed " + seed + " covered the whole image");
        }
    }

    @Test
    void isDeterministicPerSeedAndDiffersBetweenSeeds() {
        BinaryMask a = sampler.sample(64, 64, new SplittableRandom(42));
        BinaryMask b = sampler.sample(64, 64, new SplittableRandom(42));
        BinaryMask c = sampler.sample(64, 64, new SplittableRandom(43));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void unrotatedMaskIsTheThresholdedNoiseAtDraemsLatticeCoordinates() {
        PerlinNoise noise = PerlinNoise.random(4, 2, new SplittableRandom(3));
        BinaryMask mask = sampler.render(32, 16, noise, 0.0);
        int defect = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                boolean expected = Math.sqrt(2) * noise.valueAt(x * 4.0 / 32, y * 2.0 / 16) > 0.5;
                assertEquals(expected, mask.get(x, y), "pixel (" + x + ", " + y + ")");
                defect += expected ? 1 : 0;
            }
        }
        assertTrue(defect > 0 && defect < 32 * 16, "the chosen field must cross the threshold, area " + defect);
    }

    @Test
    void rotationChangesTheMask() {
        PerlinNoise noise = PerlinNoise.random(4, 4, new SplittableRandom(3));
        BinaryMask straight = sampler.render(64, 64, noise, 0.0);
        BinaryMask turned = sampler.render(64, 64, noise, 30.0);
        assertTrue(straight.area() > 0, "the chosen field must cross the threshold");
        assertNotEquals(straight, turned);
    }

    @Test
    void pixelsRotatedInFromOutsideTheImageAreBackground() {
        // Threshold −1 marks every in-image point, so the mask is exactly the rotated image footprint.
        PerlinMaskSampler everything = new PerlinMaskSampler(new PerlinConfig(0, 6, 90, -1.0, 0.8, 32));
        PerlinNoise noise = PerlinNoise.random(2, 2, new SplittableRandom(8));
        BinaryMask straight = everything.render(33, 33, noise, 0.0);
        BinaryMask diagonal = everything.render(33, 33, noise, 45.0);
        assertEquals(33 * 33, straight.area());
        assertTrue(diagonal.get(16, 16), "the centre stays inside");
        assertTrue(!diagonal.get(0, 0) && !diagonal.get(32, 0) && !diagonal.get(0, 32) && !diagonal.get(32, 32),
                "corners come from outside the image at 45°");
    }

    @Test
    void failsClearlyWhenEveryAttemptIsEmpty() {
        // A 1×1 image samples only lattice point (0, 0), where the noise is exactly zero, below 0.5.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sampler.sample(1, 1, new SplittableRandom(0)));
        assertEquals("no non-empty Perlin mask for a 1×1 image after 32 attempts (maxMaskAttempts) at threshold 0.5",
                e.getMessage());
    }

    @Test
    void rejectsAnEmptySize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sampler.sample(0, 5, new SplittableRandom(0)));
        assertEquals("mask size must be at least 1×1, got 0×5", e.getMessage());
    }
}
