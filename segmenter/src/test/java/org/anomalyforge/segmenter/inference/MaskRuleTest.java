package org.anomalyforge.segmenter.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anomalyforge.ingest.image.OpenCv;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/** LFD spec §5.2 and §10.1-12 (mask part). */
class MaskRuleTest {

    /** A grey PNG of the given depth with {@code value} on the square [x0, x0+side)², 0 elsewhere. */
    private static byte[] png(int size, int depth, int value, int x0, int side) {
        OpenCv.ensureLoaded();
        Mat m = Mat.zeros(size, size, depth);
        try {
            for (int y = x0; y < x0 + side; y++) {
                for (int x = x0; x < x0 + side; x++) {
                    m.put(y, x, value);
                }
            }
            MatOfByte out = new MatOfByte();
            Imgcodecs.imencode(".png", m, out);
            return out.toArray();
        } finally {
            m.release();
        }
    }

    private static int count(byte[] mask) {
        int n = 0;
        for (byte b : mask) {
            n += b;
        }
        return n;
    }

    @Test
    void zeroOneAndZero255AndSixteenBitGiveIdenticalTargets() throws Exception {
        MaskRule.MaskTarget a = MaskRule.target(png(96, CvType.CV_8U, 1, 10, 30), "01", 64, 64);
        MaskRule.MaskTarget b = MaskRule.target(png(96, CvType.CV_8U, 255, 10, 30), "0255", 64, 64);
        MaskRule.MaskTarget c = MaskRule.target(png(96, CvType.CV_16U, 65535, 10, 30), "16bit", 64, 64);
        assertArrayEquals(a.pixels(), b.pixels());
        assertArrayEquals(a.pixels(), c.pixels());
        assertTrue(a.label());
        // 96→64 (1.5 source px per pixel), square [10, 40): columns 7..25 fully covered, column 26 covers 2/3,
        // column 6 covers 1/3; the corner (26, 26) covers 4/9 < ½: 19² + 2·19 = 399.
        assertEquals(399, count(a.pixels()));
    }

    @Test
    void hundredPixelDefectIn1024CoversExactly625PixelsAt256() throws Exception {
        MaskRule.MaskTarget t = MaskRule.target(png(1024, CvType.CV_8U, 255, 100, 100), "big", 256, 256);
        assertEquals(625, count(t.pixels()));                      // 25×25 (the original: 529 train / 728 test)
    }

    @Test
    void tinyDefectKeepsItsMaximalPixel() throws Exception {
        MaskRule.MaskTarget t = MaskRule.target(png(1024, CvType.CV_8U, 255, 512, 2), "tiny", 256, 256);
        assertTrue(t.label());
        assertEquals(1, count(t.pixels()));                        // AREA value 4/16 = 0.25 < 0.5, kept by rule 4
        assertEquals(1, t.pixels()[128 * 256 + 128]);
    }

    @Test
    void softValuesBelowHalfAreNotDefectsAndEmptyMasksAreNormal() throws Exception {
        MaskRule.MaskTarget soft = MaskRule.target(png(64, CvType.CV_8U, 127, 0, 64), "soft", 64, 64);
        assertFalse(soft.label());
        assertEquals(0, count(soft.pixels()));
        MaskRule.MaskTarget half = MaskRule.target(png(64, CvType.CV_8U, 128, 0, 64), "half", 64, 64);
        assertTrue(half.label());
        assertEquals(64 * 64, count(half.pixels()));
        MaskRule.MaskTarget empty = MaskRule.target(png(64, CvType.CV_8U, 0, 0, 0), "empty", 32, 32);
        assertFalse(empty.label());
        assertEquals(0, count(empty.pixels()));
    }

    @Test
    void binariseMarksAllTiedMaximaOnlyWhenTheSourceHasADefect() {
        float[] resized = {0.1f, 0.3f, 0.3f, 0f};
        assertArrayEquals(new byte[] {0, 1, 1, 0}, MaskRule.binarise(resized, true));
        assertArrayEquals(new byte[] {0, 0, 0, 0}, MaskRule.binarise(resized, false));
        assertArrayEquals(new byte[] {0, 0, 0, 0}, MaskRule.binarise(new float[4], true));   // cropped away
    }
}
