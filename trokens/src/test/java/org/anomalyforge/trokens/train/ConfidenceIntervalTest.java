package org.anomalyforge.trokens.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Spec §16.1 #17. */
class ConfidenceIntervalTest {

    @Test
    void handMadeAccuracies() {
        ConfidenceInterval ci = ConfidenceInterval.of(new double[] {100, 80, 60, 100, 80});
        assertEquals(84.0, ci.mean(), 1e-12);
        // s = sqrt(1120 / 4) = 16.7332; 1.96 · s / sqrt(5) = 14.6669
        assertEquals(14.667, ci.halfWidth(), 1e-3);
        assertEquals(1.96 * Math.sqrt(280) / Math.sqrt(5), ci.halfWidth(), 1e-12);
        assertEquals(5, ci.count());
    }

    @Test
    void oneEpisodeHasNoInterval() {
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.of(new double[] {50}));
    }
}
