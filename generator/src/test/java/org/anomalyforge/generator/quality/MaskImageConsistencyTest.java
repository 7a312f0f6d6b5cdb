package org.anomalyforge.generator.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anomalyforge.generator.quality.MaskImageConsistency.Pair;
import org.anomalyforge.generator.quality.MaskImageConsistency.Result;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;

/**
 * 2×2 pairs against a black normal image, so D = grey / 255: grey 153 → 0.6, 51 → 0.2.
 * Pair 1: D = [0.6, 0.2, 0.2, 0], mask = [1, 1, 0, 0]. Pair 2: D = 0.2 everywhere, empty mask.
 */
class MaskImageConsistencyTest {

    private static final BinaryMask TOP_ROW = new BinaryMask(2, 2, new byte[] {1, 1, 0, 0});

    @Test
    void onePairByHand() {
        Result r = MaskImageConsistency.measure(List.of(new Pair(grey(153, 51, 51, 0), grey(0, 0, 0, 0), TOP_ROW)));
        // positives {0.6, 0.2} vs negatives {0.2, 0}: 1 + 1 + ½ + 1 of 4 pairs
        assertEquals(0.875, r.pixelAuroc(), 1e-12);
        assertEquals(0.4 / 0.1, r.energyRatio(), 1e-6);
        // t = 0.6: 1/(2+0) = ½; t = 0.2: 2/(2+1) = ⅔; t = 0: 2/(2+2) = ½
        assertEquals(2.0 / 3, r.bestIou(), 1e-12);
        assertEquals(0.25, r.meanD(), 1e-6);
        assertEquals(0, r.emptyMasks());
    }

    @Test
    void pooledOverPairsWithAnEmptyMask() {
        Result r = MaskImageConsistency.measure(List.of(
                new Pair(grey(153, 51, 51, 0), grey(0, 0, 0, 0), TOP_ROW),
                new Pair(grey(51, 51, 51, 51), grey(0, 0, 0, 0), BinaryMask.empty(2, 2))));
        // positives {0.6, 0.2} vs negatives {0.2, 0, 0.2 ×4}: 0.6 beats 6; 0.2 ties 5 and beats 1 → 9.5 of 12
        assertEquals(9.5 / 12, r.pixelAuroc(), 1e-12);
        assertEquals(0.4 / (1.0 / 6), r.energyRatio(), 1e-5);
        assertEquals(2.0 / 3, r.bestIou(), 1e-12, "the empty-mask pair adds nothing to the IoU");
        assertEquals(1.8 / 8, r.meanD(), 1e-6);
        assertEquals(1, r.emptyMasks());
        assertEquals(2, r.pairs());
    }

    @Test
    void anUnchangedImageIsAtChance() {
        Result r = MaskImageConsistency.measure(List.of(new Pair(grey(9, 9, 9, 9), grey(9, 9, 9, 9), TOP_ROW)));
        assertEquals(0.5, r.pixelAuroc());
        assertTrue(Double.isNaN(r.energyRatio()), "0 / 0");
        assertEquals(0.5, r.bestIou(), "one threshold selects everything: IoU = coverage");
        assertEquals(0.0, r.meanD());
    }

    @Test
    void refusesMismatchedSizesAndNoPairs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Pair(grey(0, 0, 0, 0), RgbImage.blank(3, 2), TOP_ROW));
        assertEquals("paired-difference sizes differ: defect 2×2, normal 3×2, mask 2×2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MaskImageConsistency.measure(List.of()));
    }

    /** A 2×2 image whose four pixels have the given grey levels in all three channels. */
    private static RgbImage grey(int... levels) {
        RgbImage image = RgbImage.blank(2, 2);
        for (int i = 0; i < 4; i++) {
            for (int c = 0; c < 3; c++) {
                image.pixels()[3 * i + c] = (byte) levels[i];
            }
        }
        return image;
    }
}
