package org.anomalyforge.generator.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;

class ContactSheetTest {

    private static GeneratedSample sample(int r, int g, int b, int x0, int y0, int side, long seed) {
        RgbImage image = MsSsimDistanceTest.constant(32, 32, r, g, b);
        BinaryMask mask = BinaryMask.empty(32, 32);
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) {
                mask.set(x, y, true);
            }
        }
        return new GeneratedSample(image, mask, seed);
    }

    private static int[] rgb(RgbImage image, int x, int y) {
        return new int[] {image.get(x, y, 0), image.get(x, y, 1), image.get(x, y, 2)};
    }

    /**
     * Three 32² tiles, 2 columns: width 2·(32 + 2) + 2 = 70, height 2·(32 + 14 + 2) + 2 = 98. Tile k sits at
     * x = 2 + 34·(k mod 2), y = 2 + 48·⌊k/2⌋.
     */
    @Test
    void laysOutTilesWithRedMaskOverlaysAndLeavesOtherPixelsUntouched() throws IOException {
        List<GeneratedSample> samples = List.of(sample(10, 200, 30, 4, 4, 8, 7), sample(90, 90, 90, 20, 0, 12, 8),
                sample(0, 0, 255, 0, 0, 0, 123456789012L));
        RgbImage sheet = new ContactSheet(2, 32).render(samples);
        assertEquals(70, sheet.width());
        assertEquals(98, sheet.height());

        // Tile 0 at (2, 2): mask block x, y in 4..11.
        assertArrayEquals(new int[] {255, 0, 0}, rgb(sheet, 2 + 4, 2 + 4));          // outline
        assertArrayEquals(new int[] {255, 0, 0}, rgb(sheet, 2 + 11, 2 + 7));         // outline
        assertArrayEquals(new int[] {132, 100, 15}, rgb(sheet, 2 + 6, 2 + 6));       // (10+255)/2, 200/2, 30/2
        assertArrayEquals(new int[] {10, 200, 30}, rgb(sheet, 2 + 3, 2 + 4));        // just outside the mask
        assertArrayEquals(new int[] {10, 200, 30}, rgb(sheet, 2 + 20, 2 + 25));
        // Tile 1 at (36, 2): mask x 20..31, y 0..11 touches the image border, so its border pixels are outline.
        assertArrayEquals(new int[] {255, 0, 0}, rgb(sheet, 36 + 31, 2 + 5));
        assertArrayEquals(new int[] {172, 45, 45}, rgb(sheet, 36 + 25, 2 + 5));
        assertArrayEquals(new int[] {90, 90, 90}, rgb(sheet, 36 + 19, 2 + 5));
        // Tile 2 at (2, 50) has an empty mask: every image pixel unchanged.
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                assertArrayEquals(new int[] {0, 0, 255}, rgb(sheet, 2 + x, 50 + y));
            }
        }
        // Gaps are dark grey; the empty fourth cell too.
        assertArrayEquals(new int[] {40, 40, 40}, rgb(sheet, 0, 0));
        assertArrayEquals(new int[] {40, 40, 40}, rgb(sheet, 50, 70));
        // The label band under tile 0 (y 34..47) is black with white seed text.
        boolean white = false;
        boolean black = false;
        for (int y = 34; y < 48; y++) {
            for (int x = 2; x < 34; x++) {
                white |= sheet.get(x, y, 0) > 200;
                black |= sheet.get(x, y, 0) == 0;
            }
        }
        assertTrue(white && black, "label band holds text on black");

        ImageCodec codec = ImageCodec.withDefaults();
        assertEquals(sheet, codec.decode(new ContactSheet(2, 32).png(samples, codec), "sheet"));
    }

    @Test
    void resizesImagesToTheTileAndRefusesBadArguments() {
        RgbImage image = MsSsimDistanceTest.noise(100, 60, 1);
        RgbImage sheet = new ContactSheet(4, 48).render(List.of(new GeneratedSample(image, BinaryMask.empty(100, 60), 1)));
        assertEquals(48 + 4, sheet.width());
        assertEquals(48 + 14 + 4, sheet.height());
        assertEquals("contact sheet columns must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new ContactSheet(0, 64)).getMessage());
        assertEquals("a contact sheet needs at least one generated image",
                assertThrows(IllegalArgumentException.class, () -> new ContactSheet(2, 64).render(List.of()))
                        .getMessage());
    }
}
