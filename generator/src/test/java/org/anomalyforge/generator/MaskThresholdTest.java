package org.anomalyforge.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.anomalyforge.ingest.image.BinaryMask;
import org.junit.jupiter.api.Test;

/** seas.md §9.2 step 5: mask = [mean P(defect) over the last three steps > 0.2], nothing else. */
class MaskThresholdTest {

    @Test
    void strictlyAboveTwoTenthsIsDefect() {
        BinaryMask m = SeasGenerator.threshold(new float[] {0.2f, 0.2000001f, 0.9f, 0f}, 2);
        assertArrayEquals(new byte[] {0, 1, 1, 0}, m.pixels());
    }

    @Test
    void refusesAProbabilityMapOfAnotherSize() {
        assertThrows(IllegalArgumentException.class, () -> SeasGenerator.threshold(new float[5], 2));
    }
}
