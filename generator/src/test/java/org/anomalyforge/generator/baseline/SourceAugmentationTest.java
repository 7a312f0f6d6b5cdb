package org.anomalyforge.generator.baseline;

import static org.anomalyforge.generator.baseline.AnomalyBlendTest.image;
import static org.anomalyforge.generator.baseline.PerlinAnomalyGeneratorTest.noiseImage;
import static org.anomalyforge.generator.baseline.PerlinAnomalyGeneratorTest.solid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;

class SourceAugmentationTest {

    @Test
    void everyAugmentationKeepsTheSizeIsDeterministicAndLeavesItsInputAlone() {
        RgbImage input = noiseImage(17, 11, 5);
        byte[] before = input.pixels().clone();
        for (SourceAugmentation augmentation : SourceAugmentation.values()) {
            RgbImage a = augmentation.apply(input, new SplittableRandom(3));
            RgbImage b = augmentation.apply(input, new SplittableRandom(3));
            assertEquals(17, a.width(), augmentation.name());
            assertEquals(11, a.height(), augmentation.name());
            assertEquals(a, b, augmentation.name());
            assertArrayEquals(before, input.pixels(), augmentation.name());
        }
    }

    @Test
    void toneCurvesMatchHandComputedValues() {
        // 255·(128/255)² = 64.25 → 64; 255·(64/255)^0.5 = √(64·255) = 127.75 → 128.
        assertEquals(64, ToneCurve.gamma(2.0)[128]);
        assertEquals(128, ToneCurve.gamma(0.5)[64]);
        // 100·1.1 − 20.25 = 89.75 → 90; clamped at both ends.
        assertEquals(90, ToneCurve.affine(1.1, -20.25)[100]);
        assertEquals(0, ToneCurve.affine(1.0, -30)[10]);
        assertEquals(255, ToneCurve.affine(1.2, 30)[250]);
        assertEquals(127, ToneCurve.solarize(128)[127]);
        assertEquals(127, ToneCurve.solarize(128)[128]);
        assertEquals(55, ToneCurve.solarize(128)[200]);
        assertEquals(0x80, ToneCurve.posterize(1)[0xff]);
        assertEquals(0xa0, ToneCurve.posterize(3)[0xb7]);
        assertEquals(0xb7, ToneCurve.posterize(8)[0xb7]);
        assertEquals(200, ToneCurve.invert()[55]);
    }

    @Test
    void autocontrastStretchesTheOccupiedRangeToFullScale() {
        long[] histogram = new long[256];
        histogram[0] = 10;
        histogram[25] = 80;
        histogram[51] = 10;
        // lo = 0, hi = 51, scale 5: 25 → 125, 51 → 255.
        int[] curve = ToneCurve.autocontrast(histogram, 0);
        assertEquals(0, curve[0]);
        assertEquals(125, curve[25]);
        assertEquals(255, curve[51]);
        // Cutting 10 % from each end removes both tails; one level left → identity.
        assertEquals(25, ToneCurve.autocontrast(histogram, 10)[25]);
        assertEquals(51, ToneCurve.autocontrast(histogram, 10)[51]);
    }

    @Test
    void equalizeFollowsPilsStepRule() {
        long[] histogram = new long[256];
        histogram[10] = 255;
        histogram[20] = 255;
        histogram[30] = 255;
        // step = (765 − 255) // 255 = 2; n starts at 1 and grows by each count: 1 // 2, 256 // 2, 511 // 2.
        int[] curve = ToneCurve.equalize(histogram);
        assertEquals(0, curve[10]);
        assertEquals(128, curve[20]);
        assertEquals(255, curve[30]);
        long[] single = new long[256];
        single[7] = 100;
        assertEquals(7, ToneCurve.equalize(single)[7]);
    }

    @Test
    void sharpnessFactorZeroSmoothsWithPilsKernelAndOneIsIdentity() {
        RgbImage ring = solid(3, 3, 13);
        ring.set(1, 1, 0, 0, 0);
        // Centre: (8·13 + 5·0) / 13 = 8; border pixels are kept.
        RgbImage smoothed = SharpnessFilter.apply(ring, 0.0);
        assertEquals(8, smoothed.get(1, 1, 0));
        assertEquals(13, smoothed.get(0, 0, 2));
        RgbImage input = noiseImage(9, 7, 2);
        assertEquals(input, SharpnessFilter.apply(input, 1.0));
    }

    @Test
    void hueShiftTurnsRedIntoGreenAndSaturationOffsetGreysIt() {
        RgbImage red = image(1, 1, 255, 0, 0);
        assertArrayEquals(new byte[] {0, (byte) 255, 0}, HueSaturationShift.apply(red, 120, 0).pixels());
        assertArrayEquals(new byte[] {(byte) 255, (byte) 255, (byte) 255},
                HueSaturationShift.apply(red, 0, -1).pixels());
        RgbImage grey = image(1, 1, 90, 90, 90);
        assertEquals(grey, HueSaturationShift.apply(grey, 77, 0));
    }

    @Test
    void rotationByZeroIsIdentityAndOtherAnglesFillWithBlack() {
        RgbImage input = noiseImage(9, 9, 4);
        assertEquals(input, ImageRotation.rotate(input, 0.0));
        RgbImage white = solid(9, 9, 255);
        RgbImage turned = ImageRotation.rotate(white, 45.0);
        assertEquals(0, turned.get(0, 0, 0));
        assertEquals(255, turned.get(4, 4, 1));
        assertNotEquals(input, ImageRotation.rotate(input, 10.0));
    }
}
