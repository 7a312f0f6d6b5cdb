package org.anomalyforge.ingest.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;

class DefectRegionTest {

    private static final int SIZE = 12;

    /** A circle: no ellipse stretch (maxAspect 1) and no harmonics (irregularity 0). */
    private static Outline circle(double radius) {
        return Outline.random(new SplittableRandom(1), radius, 1, 0, 3);
    }

    @Test
    void blobHoldsThePixelsWhoseCentresLieInside() {
        // Centre (5, 5): the four pixels around it have centres at distance √0.5 ≈ 0.71.
        assertEquals(4, DefectRegion.blob(SIZE, 5, 5, circle(1.0)).area());
        // The next ring of eight centres lies at √2.5 ≈ 1.58.
        assertEquals(12, DefectRegion.blob(SIZE, 5, 5, circle(1.6)).area());
        // Clipped by the image border: only pixel (0, 0) of the four around the corner (0, 0) exists.
        assertEquals(1, DefectRegion.blob(SIZE, 0, 0, circle(1.0)).area());
    }

    @Test
    void strokeHoldsThePixelsWithinItsHalfWidth() {
        // Horizontal line y = 5 from x = 2 to 10: rows 4 and 5 (centres 0.5 away), columns 2..9.
        DefectRegion line = DefectRegion.stroke(SIZE, new double[] {2, 10}, new double[] {5, 5},
                new double[] {0.6, 0.6});
        assertEquals(16, line.area());
        byte[] mask = line.mask().pixels();
        assertEquals(1, mask[4 * SIZE + 2]);
        assertEquals(1, mask[5 * SIZE + 9]);
        assertEquals(0, mask[5 * SIZE + 1]);
        assertEquals(0, mask[5 * SIZE + 10]);
        assertEquals(0, mask[6 * SIZE + 5]);
    }

    @Test
    void unionAndWithinCombineRegions() {
        DefectRegion a = DefectRegion.blob(SIZE, 3, 3, circle(1.0));
        DefectRegion b = DefectRegion.blob(SIZE, 8, 8, circle(1.0));
        assertEquals(8, a.union(b).area());
        // Keep only the left half of the image.
        assertEquals(4, a.union(b).within(i -> i % SIZE < 6).area());
    }

    @Test
    void paintChangesOnlyRegionPixelsAndEnforcesTheMinimumChange() {
        RgbImage grey = uniform(100);
        DefectRegion region = DefectRegion.blob(SIZE, 5, 5, circle(1.0));
        // A shader that changes nothing: region pixels are pushed MIN_CHANGE up, others stay.
        SampleImage painted = region.paint(grey, (x, y, depth, rgb) -> { });
        assertEquals(100 + DefectRegion.MIN_CHANGE, painted.image().get(4, 4, 0));
        assertEquals(100 + DefectRegion.MIN_CHANGE, painted.image().get(5, 5, 2));
        assertEquals(100, painted.image().get(3, 4, 1));
        assertEquals(region.mask(), painted.mask());
        // A slight darkening keeps its direction.
        SampleImage darker = region.paint(grey, (x, y, depth, rgb) -> rgb[0] -= 2);
        assertEquals(100 - DefectRegion.MIN_CHANGE, darker.image().get(4, 4, 1));
        // White cannot get brighter, so the push goes down instead.
        assertEquals(255 - DefectRegion.MIN_CHANGE, region.paint(uniform(255), (x, y, d, rgb) -> { })
                .image().get(5, 4, 0));
        // A strong change is kept exactly as shaded (rounded).
        assertEquals(30, region.paint(grey, (x, y, depth, rgb) -> rgb[1] = 29.6f).image().get(4, 5, 1));
    }

    @Test
    void paintRefusesAnEmptyRegion() {
        DefectRegion empty = DefectRegion.blob(SIZE, 5, 5, circle(1.0)).within(i -> false);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> empty.paint(uniform(0), (x, y, d, rgb) -> { }));
        assertEquals("defect region is empty: nothing to paint on the 12×12 surface", e.getMessage());
    }

    private static RgbImage uniform(int level) {
        byte[] pixels = new byte[SIZE * SIZE * 3];
        Arrays.fill(pixels, (byte) level);
        return new RgbImage(SIZE, SIZE, pixels);
    }
}
