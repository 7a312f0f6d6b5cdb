package org.anomalyforge.generator.quality;

import static org.anomalyforge.generator.quality.GreyDistance.greys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemorisationCheckTest {
    private static final double EPS = 1e-15;

    /**
     * Real 0, 100, 200; generated 10, 20, 190, 120, 90, 102 have nearest distances 10, 20, 10, 20, 10, 2 (/255)
     * to references 0, 0, 2, 1, 1, 1. Sorted: 2, 10, 10, 10, 20, 20 → median 10. Below 0.05 (= 12.75/255): four.
     */
    @Test
    void reportsTheNearestDistanceDistributionAndTheCopyFraction() {
        MemorisationCheck.Result r = MemorisationCheck.compute(
                ImageDistances.compute(new GreyDistance(), greys(0, 100, 200), greys(10, 20, 190, 120, 90, 102)));
        assertEquals(List.of(10 / 255.0, 20 / 255.0, 10 / 255.0, 20 / 255.0, 10 / 255.0, 2 / 255.0), r.nearest());
        assertEquals(List.of(0, 0, 2, 1, 1, 1), r.nearestIndex());
        assertEquals(2 / 255.0, r.min(), EPS);
        assertEquals(10 / 255.0, r.median(), EPS);
        assertEquals(20 / 255.0, r.max(), EPS);
        assertEquals(0.05, r.threshold());
        assertEquals(4.0 / 6, r.fractionBelow(), EPS);
    }

    @Test
    void oddCountsTakeTheMiddleValueAndTheThresholdIsStrict() {
        MemorisationCheck.Result r = MemorisationCheck.compute(
                ImageDistances.compute(new GreyDistance(), greys(0, 100), greys(10, 30, 51)), 20 / 255.0);
        assertEquals(30 / 255.0, r.median(), EPS);     // nearest 10, 30, 49 → sorted middle 30
        assertEquals(49 / 255.0, r.max(), EPS);
        assertEquals(1.0 / 3, r.fractionBelow(), EPS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemorisationCheck.compute(
                ImageDistances.compute(new GreyDistance(), greys(0), List.of())));
        assertEquals("no generated images to check for memorisation", e.getMessage());
    }
}
