package org.anomalyforge.generator.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;

class AnomalyBlendTest {
    private static final RgbImage NORMAL = image(2, 2, 100, 50, 200, 10, 20, 30, 255, 0, 128, 0, 255, 1);
    private static final RgbImage ANOMALY = image(2, 2, 10, 250, 0, 200, 200, 200, 1, 2, 3, 255, 0, 254);
    private static final BinaryMask DIAGONAL = new BinaryMask(2, 2, new byte[] {1, 0, 0, 1});

    @Test
    void matchesTheHandComputedBytesWithRoundHalfUp() {
        // Inside: floor(0.75·A + 0.25·I + 0.5).
        //   (0,0): R 7.5 + 25 = 32.5 → 33 (tie up), G 187.5 + 12.5 = 200, B 0 + 50 = 50
        //   (1,1): R 191.25 + 0 → 191, G 0 + 63.75 → 64, B 190.5 + 0.25 = 190.75 → 191
        // Outside, (1,0) and (0,1) keep the normal bytes.
        RgbImage out = AnomalyBlend.blend(NORMAL, DIAGONAL, ANOMALY, 0.25);
        assertArrayEquals(bytes(33, 200, 50, 10, 20, 30, 255, 0, 128, 191, 64, 191), out.pixels());
    }

    @Test
    void betaZeroCopiesTheAnomalyInsideTheMask() {
        RgbImage out = AnomalyBlend.blend(NORMAL, DIAGONAL, ANOMALY, 0.0);
        assertArrayEquals(bytes(10, 250, 0, 10, 20, 30, 255, 0, 128, 255, 0, 254), out.pixels());
    }

    @Test
    void leavesTheInputImageUntouched() {
        byte[] before = NORMAL.pixels().clone();
        AnomalyBlend.blend(NORMAL, DIAGONAL, ANOMALY, 0.5);
        assertArrayEquals(before, NORMAL.pixels());
    }

    @Test
    void rejectsMismatchedSizesAndBetaOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnomalyBlend.blend(NORMAL, BinaryMask.empty(3, 2), ANOMALY, 0.5));
        assertEquals("mask size must equal the normal image size 2×2, got 3×2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AnomalyBlend.blend(NORMAL, DIAGONAL, RgbImage.blank(2, 1), 0.5));
        assertEquals("anomaly size must equal the normal image size 2×2, got 2×1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AnomalyBlend.blend(NORMAL, DIAGONAL, ANOMALY, 1.5));
        assertEquals("beta must be in [0, 1], got 1.5", e.getMessage());
    }

    static RgbImage image(int width, int height, int... rgb) {
        return new RgbImage(width, height, bytes(rgb));
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
