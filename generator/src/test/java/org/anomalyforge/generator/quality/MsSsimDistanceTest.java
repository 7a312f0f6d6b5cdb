package org.anomalyforge.generator.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;

class MsSsimDistanceTest {
    private final MsSsimDistance d = new MsSsimDistance();

    static RgbImage noise(int w, int h, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] p = new byte[w * h * 3];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) rng.nextInt(256);
        }
        return new RgbImage(w, h, p);
    }

    static RgbImage constant(int w, int h, int r, int g, int b) {
        RgbImage image = RgbImage.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.set(x, y, r, g, b);
            }
        }
        return image;
    }

    @Test
    void identicalImagesAreExactlyZeroApart() {
        RgbImage a = noise(256, 256, 1);
        assertEquals(0.0, d.distance(a, a));
        assertEquals(0.0, d.distance(a, new RgbImage(256, 256, a.pixels().clone())));
        RgbImage small = noise(100, 80, 2);     // resized to 256² first; the same resize on both sides
        assertEquals(0.0, d.distance(small, small));
    }

    /**
     * Constant images: every σ is 0 exactly, so cs = C₂/C₂ = 1 at every scale and MS-SSIM per channel is
     * l^0.1333 with l = (2ab + C₁)/(a² + b² + C₁), C₁ = (0.01·255)² = 6.5025.
     */
    @Test
    void constantImagesGiveTheLuminanceTermByHand() {
        int[] a = {100, 50, 200};
        int[] b = {110, 60, 180};
        double c1 = 6.5025;
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            double l = (2.0 * a[c] * b[c] + c1) / ((double) a[c] * a[c] + (double) b[c] * b[c] + c1);
            sum += Math.pow(l, 0.1333);
        }
        double expected = 1 - sum / 3;     // 0.0011803040533518994
        assertEquals(0.0011803040533518994, expected, 1e-15);
        assertEquals(expected, d.distance(constant(64, 64, 100, 50, 200), constant(64, 64, 110, 60, 180)), 1e-12);
        assertEquals(expected, d.distance(constant(300, 280, 100, 50, 200), constant(256, 256, 110, 60, 180)), 1e-12);
    }

    /**
     * A structured pair checked against an independent float64 NumPy/SciPy transcription of
     * pytorch_msssim.ms_ssim (2-D valid correlation with the 11×11 outer-product window, 2×2 average pools):
     * 1 − MS-SSIM = 0.005694361663898917. Java keeps the maps in float32 like the reference, hence 1e-6.
     */
    @Test
    void matchesTheReferenceImplementationOnAStructuredPair() {
        RgbImage a = RgbImage.blank(256, 256);
        RgbImage b = RgbImage.blank(256, 256);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                int[] va = new int[3];
                for (int c = 0; c < 3; c++) {
                    va[c] = (x + 2 * y + 40 * c) % 200 + 20;
                }
                int delta = (3 * x + 5 * y) % 11 - 5;
                a.set(x, y, va[0], va[1], va[2]);
                b.set(x, y, va[0] + delta, va[1] + delta, va[2] + delta);
            }
        }
        assertEquals(0.005694361663898917, d.distance(a, b), 1e-6);
    }

    @Test
    void isSymmetricBitForBitAndBoundedInZeroOne() {
        RgbImage a = noise(256, 256, 3);
        RgbImage b = noise(256, 256, 4);
        RgbImage inverted = new RgbImage(256, 256, a.pixels().clone());
        for (int i = 0; i < inverted.pixels().length; i++) {
            inverted.pixels()[i] = (byte) (255 - (a.pixels()[i] & 0xff));
        }
        RgbImage[] images = {a, b, inverted, constant(256, 256, 0, 0, 0), constant(256, 256, 255, 255, 255),
            noise(40, 300, 5)};
        for (RgbImage x : images) {
            for (RgbImage y : images) {
                double xy = d.distance(x, y);
                assertEquals(xy, d.distance(y, x), 0.0, x + " vs " + y);
                assertTrue(xy >= 0 && xy <= 1, x + " vs " + y + ": " + xy);
            }
        }
        assertTrue(d.distance(a, inverted) > 0.9, "an inverted noise image is nearly maximally far");
    }

    @Test
    void growsWithTheAmountOfNoise() {
        RgbImage base = constant(256, 256, 128, 128, 128);
        double previous = 0;
        for (int amplitude : new int[] {2, 8, 32}) {
            SplittableRandom rng = new SplittableRandom(7);
            RgbImage noisy = new RgbImage(256, 256, base.pixels().clone());
            for (int i = 0; i < noisy.pixels().length; i++) {
                noisy.pixels()[i] = (byte) (128 + rng.nextInt(-amplitude, amplitude + 1));
            }
            double v = d.distance(base, noisy);
            assertTrue(v > previous, "amplitude " + amplitude + ": " + v + " ≤ " + previous);
            previous = v;
        }
    }
}
