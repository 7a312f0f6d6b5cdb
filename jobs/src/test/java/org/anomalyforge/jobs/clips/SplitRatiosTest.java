package org.anomalyforge.jobs.clips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.anomalyforge.trokens.synthetic.ActionClass;
import org.junit.jupiter.api.Test;

class SplitRatiosTest {

    @Test
    void largestRemainderCountsOverWholeClasses() {
        // 13 · 8/13 = 8, 0, 5 exactly.
        assertArrayEquals(new int[] {8, 0, 5}, SplitRatios.parse("8:0:5").counts(13));
        // 2 · 8/13 = 1.23, 0, 0.77 → floors 1, 0, 0; the leftover class goes to test (remainder 0.77).
        assertArrayEquals(new int[] {1, 0, 1}, SplitRatios.parse("8:0:5").counts(2));
        // 5 · 1/3 = 1.67 each → floors 1, 1, 1; two leftovers, ties go to train then val.
        assertArrayEquals(new int[] {2, 2, 1}, SplitRatios.parse("1:1:1").counts(5));
        assertArrayEquals(new int[] {0, 4, 0}, SplitRatios.parse("val").counts(4));
    }

    @Test
    void classesFillTrainThenValThenTestInTheGivenOrder() {
        List<ActionClass> classes = List.of(ActionClass.fromLabel("stall"), ActionClass.fromLabel("pass_left"),
                ActionClass.fromLabel("rotate_cw"));
        Map<ActionClass, String> splits = SplitRatios.parse("1:1:1").assign(classes);
        assertEquals(List.of("train", "val", "test"), List.copyOf(splits.values()));
        assertEquals(classes, List.copyOf(splits.keySet()));
    }

    @Test
    void rejectsMalformedWeightsNamingTheValue() {
        assertEquals("split weight for val must be a number, got 'x' in '1:x:1'",
                assertThrows(IllegalArgumentException.class, () -> SplitRatios.parse("1:x:1")).getMessage());
        assertEquals("split weights must not all be 0, got [0.0, 0.0, 0.0]",
                assertThrows(IllegalArgumentException.class, () -> SplitRatios.parse("0:0:0")).getMessage());
        assertEquals("split weights must be finite and >= 0, got [1.0, -1.0, 1.0]",
                assertThrows(IllegalArgumentException.class, () -> SplitRatios.parse("1:-1:1")).getMessage());
    }
}
