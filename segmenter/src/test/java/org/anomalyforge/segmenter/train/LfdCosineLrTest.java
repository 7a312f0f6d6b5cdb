package org.anomalyforge.segmenter.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** LFD spec §10.1-11 and the DJL update numbering (i = numUpdate − 1). */
class LfdCosineLrTest {

    private final LfdCosineLr lr = new LfdCosineLr(1000);

    @Test
    void specValuesAtT1000() {
        assertEquals(0.01, lr.rate(0), 1e-12);
        assertEquals(0.008537, lr.rate(250), 5e-7);
        assertEquals(0.005005, lr.rate(500), 1e-12);                 // cos(π/2) = 0: 1e-5 + ½·0.00999
        assertEquals(1.00246e-5, lr.rate(999), 5e-11);
    }

    @Test
    void firstDjlUpdateUsesIterationZero() {
        assertEquals((float) lr.rate(0), lr.getNewValue("any", 1));
        assertEquals((float) lr.rate(500), lr.getNewValue("any", 501));
    }

    @Test
    void tinyScheduleHandComputed() {
        LfdCosineLr four = new LfdCosineLr(4);
        assertEquals(0.01, four.rate(0), 1e-12);
        assertEquals(1e-5 + 0.004995 * (1 + Math.sqrt(0.5)), four.rate(1), 1e-12);   // cos(π/4)
        assertEquals(0.005005, four.rate(2), 1e-12);                                // T/2
        assertEquals(1e-5 + 0.004995 * (1 - Math.sqrt(0.5)), four.rate(3), 1e-12);   // T−1: cos(3π/4)
    }

    @Test
    void rejectsIterationsOutsideTheSchedule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lr.rate(1000));
        assertEquals("iteration must be in [0, 1000), got 1000", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LfdCosineLr(0));
    }
}
