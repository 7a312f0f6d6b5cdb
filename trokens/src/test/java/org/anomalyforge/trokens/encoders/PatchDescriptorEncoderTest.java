package org.anomalyforge.trokens.encoders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;

class PatchDescriptorEncoderTest {

    private final PatchDescriptorEncoder encoder = new PatchDescriptorEncoder();

    @Test
    void outputShapeIsFByGByGByA() {
        PatchGrid g = encoder.encode(List.of(RgbImage.blank(100, 60), RgbImage.blank(100, 60)));
        assertEquals(2, g.frames());
        assertEquals(16, g.gridSize());
        assertEquals(16, g.featureDim());
        assertEquals(2 * 16 * 16 * 16, g.data().length);
    }

    @Test
    void verticalStepEdgeGivesExactHogAndEnergy() {
        RgbImage img = RgbImage.blank(224, 224);
        for (int y = 0; y < 224; y++) {
            for (int x = 112; x < 224; x++) {
                img.set(x, y, 255, 255, 255);
            }
        }
        PatchGrid g = encoder.encode(List.of(img));
        // cell column 8 starts at x = 112: one column of Sobel magnitude 4 (14 pixels, sum 56) at angle 0°,
        // which lies halfway between the centres of bins 8 (170°) and 0 (10°)
        double h = 28 / (28 * Math.sqrt(2) + 9.8);
        float[] cell = g.feature(0, 5, 8);
        assertEquals(h, cell[6], 1e-5);
        assertEquals(h, cell[14], 1e-5);
        for (int k = 1; k < 8; k++) {
            assertEquals(0, cell[6 + k], 1e-6);
        }
        assertEquals(56.0 / 196 / 4, cell[15], 1e-6);
        // cell 7 sees the column at x = 111 the same way; a flat cell has no gradient at all
        assertEquals(h, g.get(0, 5, 7, 6), 1e-5);
        float[] flat = g.feature(0, 5, 2);
        for (int k = 6; k < 16; k++) {
            assertEquals(0, flat[k], 1e-7);
        }
    }

    @Test
    void labStatisticsOfUniformGrey() {
        RgbImage grey = RgbImage.blank(32, 32);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                grey.set(x, y, 128, 128, 128);
            }
        }
        float[] cell = encoder.encode(List.of(grey)).feature(0, 3, 3);
        assertTrue(cell[0] > 0.5 && cell[0] < 0.56, "L/100 of mid grey, got " + cell[0]);
        assertEquals(0, cell[1], 1e-3);
        assertEquals(0, cell[2], 1e-3);
        assertEquals(0, cell[3], 1e-4);
        assertEquals(0, cell[4], 1e-4);
        assertEquals(0, cell[5], 1e-4);
    }

    @Test
    void hogVoteWrapsCircularly() {
        double[] hog = new double[9];
        PatchDescriptorEncoder.vote(hog, 185, 2.0);
        // 185° ≡ 5°: b = 5/20 − 0.5 = −0.25, k = −1, f = 0.75 → bin 8 gets 2·0.25, bin 0 gets 2·0.75
        assertEquals(0.5, hog[8], 1e-12);
        assertEquals(1.5, hog[0], 1e-12);
    }
}
