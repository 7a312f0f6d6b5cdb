package org.anomalyforge.generator.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;

class PerlinAnomalyGeneratorTest {
    private static final AnomalySource DRAEM_PROCEDURAL =
            AugmentedAnomalySource.draem(ProceduralTextureSource.allPatterns());

    @Test
    void pixelsOutsideTheMaskAreBitIdenticalToTheNormalImage() {
        RgbImage normal = noiseImage(64, 48, 1);
        PerlinAnomalyGenerator generator = new PerlinAnomalyGenerator(PerlinConfig.draem(), DRAEM_PROCEDURAL);
        for (long seed = 0; seed < 10; seed++) {
            SyntheticPair pair = generator.generate(normal, seed);
            byte[] in = normal.pixels();
            byte[] out = pair.image().pixels();
            for (int p = 0; p < 64 * 48; p++) {
                if (pair.mask().pixels()[p] == 0) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(in[p * 3 + c], out[p * 3 + c], "seed " + seed + " pixel " + p + " channel " + c);
                    }
                }
            }
        }
    }

    @Test
    void everyMaskPixelMovesAtLeastTheGuaranteedAmountTowardsTheAnomaly() {
        // Normal grey 128, anomaly black: inside = floor(β·128 + 0.5) with β < 0.8, so each channel drops by
        // 128 − round(128β) ≥ 128 − 102 = 26 (bound (1 − betaMax)·|A − I| − ½ = 25.1, rounded up).
        RgbImage grey = solid(64, 64, 128);
        AnomalySource black = (w, h, rng) -> RgbImage.blank(w, h);
        PerlinAnomalyGenerator generator = new PerlinAnomalyGenerator(PerlinConfig.draem(), black);
        for (long seed = 0; seed < 20; seed++) {
            SyntheticPair pair = generator.generate(grey, seed);
            int expected = (int) Math.floor(pair.beta() * 128 + 0.5);
            assertTrue(128 - expected >= 26, "seed " + seed + " beta " + pair.beta());
            for (int p = 0; p < 64 * 64; p++) {
                int want = pair.mask().pixels()[p] == 1 ? expected : 128;
                for (int c = 0; c < 3; c++) {
                    assertEquals(want, pair.image().pixels()[p * 3 + c] & 0xff, "seed " + seed + " pixel " + p);
                }
            }
        }
    }

    @Test
    void proceduralAnomaliesChangeMaskPixelsByAtLeastTenLevelsOnAverage() {
        // Stated bound: mean over mask pixels and channels of |I_a − I| ≥ 10 grey levels per pair (the
        // expected change is (1 − β)·E|A − I| ≈ 0.6 · 85 ≈ 50 for random colours on mid grey).
        RgbImage grey = solid(64, 64, 128);
        PerlinAnomalyGenerator generator = new PerlinAnomalyGenerator(PerlinConfig.draem(), DRAEM_PROCEDURAL);
        for (long seed = 0; seed < 20; seed++) {
            SyntheticPair pair = generator.generate(grey, seed);
            long change = 0;
            for (int p = 0; p < 64 * 64; p++) {
                if (pair.mask().pixels()[p] == 1) {
                    for (int c = 0; c < 3; c++) {
                        change += Math.abs((pair.image().pixels()[p * 3 + c] & 0xff) - 128);
                    }
                }
            }
            double mean = change / (3.0 * pair.mask().area());
            assertTrue(mean >= 10, "seed " + seed + ": mean change " + mean);
        }
    }

    @Test
    void samePairForTheSameSeedEvenFromAnotherGeneratorInstance() {
        RgbImage normal = noiseImage(48, 48, 2);
        SyntheticPair a = new PerlinAnomalyGenerator(PerlinConfig.draem(), DRAEM_PROCEDURAL).generate(normal, 77);
        SyntheticPair b = new PerlinAnomalyGenerator(PerlinConfig.draem(),
                AugmentedAnomalySource.draem(ProceduralTextureSource.allPatterns())).generate(normal, 77);
        assertEquals(a, b);
        assertEquals(77, a.seed());
    }

    @Test
    void differentSeedsGiveDifferentPairs() {
        RgbImage normal = noiseImage(48, 48, 2);
        PerlinAnomalyGenerator generator = new PerlinAnomalyGenerator(PerlinConfig.draem(), DRAEM_PROCEDURAL);
        SyntheticPair a = generator.generate(normal, 1);
        SyntheticPair b = generator.generate(normal, 2);
        assertNotEquals(a.mask(), b.mask());
        assertNotEquals(a.image(), b.image());
        assertNotEquals(a.beta(), b.beta());
    }

    @Test
    void drawsMaskThenAnomalyThenBetaFromOneStreamSeededWithTheSeed() {
        RgbImage normal = noiseImage(40, 30, 3);
        PerlinAnomalyGenerator generator = new PerlinAnomalyGenerator(PerlinConfig.draem(), DRAEM_PROCEDURAL);
        SplittableRandom rng = new SplittableRandom(123);
        BinaryMask mask = new PerlinMaskSampler(PerlinConfig.draem()).sample(40, 30, rng);
        RgbImage anomaly = DRAEM_PROCEDURAL.texture(40, 30, rng);
        double beta = rng.nextDouble(0.8);
        SyntheticPair expected = new SyntheticPair(AnomalyBlend.blend(normal, mask, anomaly, beta), mask, 123, beta);
        assertEquals(expected, generator.generate(normal, 123));
    }

    @Test
    void betaStaysBelowBetaMax() {
        PerlinAnomalyGenerator generator =
                new PerlinAnomalyGenerator(new PerlinConfig(0, 6, 90, 0.5, 0.3, 32), DRAEM_PROCEDURAL);
        RgbImage normal = solid(32, 32, 60);
        for (long seed = 0; seed < 50; seed++) {
            double beta = generator.generate(normal, seed).beta();
            assertTrue(beta >= 0 && beta < 0.3, "seed " + seed + " beta " + beta);
        }
    }

    @Test
    void rejectsASourceThatReturnsTheWrongSize() {
        PerlinAnomalyGenerator generator =
                new PerlinAnomalyGenerator(PerlinConfig.draem(), (w, h, rng) -> RgbImage.blank(w + 1, h));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> generator.generate(solid(16, 16, 0), 5));
        assertTrue(e.getMessage().endsWith("must return a 16×16 image, got RgbImage[17×16]"), e.getMessage());
    }

    static RgbImage solid(int width, int height, int value) {
        RgbImage image = RgbImage.blank(width, height);
        Arrays.fill(image.pixels(), (byte) value);
        return image;
    }

    static RgbImage noiseImage(int width, int height, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        RgbImage image = RgbImage.blank(width, height);
        for (int i = 0; i < image.pixels().length; i++) {
            image.pixels()[i] = (byte) rng.nextInt(256);
        }
        return image;
    }
}
