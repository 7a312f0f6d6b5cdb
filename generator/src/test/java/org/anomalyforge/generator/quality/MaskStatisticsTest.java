package org.anomalyforge.generator.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.anomalyforge.ingest.image.BinaryMask;
import org.junit.jupiter.api.Test;

class MaskStatisticsTest {

    /** A mask drawn as text rows: '#' = defect. */
    static BinaryMask draw(String... rows) {
        BinaryMask m = BinaryMask.empty(rows[0].length(), rows.length);
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                m.set(x, y, rows[y].charAt(x) == '#');
            }
        }
        return m;
    }

    static final BinaryMask EMPTY = BinaryMask.empty(5, 4);
    /** A 2×2 block and a separate pixel: 5 of 20 pixels, 2 components. */
    static final BinaryMask BLOCK_AND_DOT = draw(
            "##...",
            "##...",
            ".....",
            "...#.");
    /** A diagonal: one 8-connected component (three 4-connected ones), 3 of 20 pixels. */
    static final BinaryMask DIAGONAL = draw(
            "#....",
            ".#...",
            "..#..",
            ".....");
    /** A bar and an L: 8 of 20 pixels, 2 components. */
    static final BinaryMask BAR_AND_L = draw(
            "####.",
            ".....",
            "#....",
            "###..");

    @Test
    void countsEightConnectedComponents() {
        assertEquals(0, MaskStatistics.components(EMPTY));
        assertEquals(2, MaskStatistics.components(BLOCK_AND_DOT));
        assertEquals(1, MaskStatistics.components(DIAGONAL));
        assertEquals(2, MaskStatistics.components(BAR_AND_L));
    }

    /** Areas 0, 0.25, 0.15, 0.4: mean 0.8/4 = 0.2, median (0.15 + 0.25)/2 = 0.2; components (0+2+1+2)/4. */
    @Test
    void summarisesAreasComponentsAndTheEmptyRate() {
        MaskStatistics.Summary s = MaskStatistics.of(List.of(EMPTY, BLOCK_AND_DOT, DIAGONAL, BAR_AND_L));
        assertEquals(4, s.masks());
        assertEquals(0.25, s.emptyRate());
        assertEquals(List.of(0.0, 0.25, 0.15, 0.4), s.areas());
        assertEquals(0.2, s.meanArea(), 1e-15);
        assertEquals(0.2, s.medianArea(), 1e-15);
        assertEquals(1.25, s.meanComponents());
        assertEquals(List.of(0, 2, 1, 2), s.components());

        MaskStatistics.Summary odd = MaskStatistics.of(List.of(BAR_AND_L, EMPTY, DIAGONAL));
        assertEquals(0.15, odd.medianArea());
        assertEquals(1.0 / 3, odd.emptyRate(), 1e-15);
    }

    @Test
    void refusesAnEmptyList() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MaskStatistics.of(List.of()));
        assertEquals("no masks to summarise", e.getMessage());
    }
}
