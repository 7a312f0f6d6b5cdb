package org.anomalyforge.segmenter.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.segmenter.AugmentationPreset;
import org.anomalyforge.segmenter.SampleOrigin;
import org.anomalyforge.segmenter.SyntheticImages;
import org.anomalyforge.segmenter.TrainingSample;
import org.anomalyforge.segmenter.inference.FloatMask;
import org.junit.jupiter.api.Test;

/** §5.3 scratch augmentation: seeded, and the geometry moves image and mask together. */
class AugmenterTest {

    private static final int SIZE = 64;

    @Test
    void sameSeedEpochAndIndexGiveTheSameSample() throws Exception {
        TrainingSample s = SyntheticImages.defect("a", SampleOrigin.GENERATED, "square", 96, 5);
        SamplePreparer p = new SamplePreparer(SIZE, SIZE, AugmentationPreset.SCRATCH, 42);
        PreparedSample x = p.training(s, 3, 7);
        PreparedSample y = p.training(s, 3, 7);
        assertArrayEquals(x.input(), y.input(), 0f);
        assertArrayEquals(x.target(), y.target());
        assertFalse(java.util.Arrays.equals(x.input(), p.training(s, 4, 7).input()));
    }

    @Test
    void maskFollowsTheDefectThroughCropFlipAndRotation() {
        // A yellow square (R 240) on a grey texture (R ≤ 119): after ×[0.8, 1.2] jitters the defect's red
        // stays above 150 and the background's below it, except at blurred borders.
        RgbImage image = SyntheticImages.image(96, 3, 20, 50, 24);
        float[] mask = new float[96 * 96];
        for (int y = 50; y < 74; y++) {
            for (int x = 20; x < 44; x++) {
                mask[y * 96 + x] = 1f;
            }
        }
        for (int seed = 0; seed < 20; seed++) {
            Augmenter.Result r = Augmenter.apply(image, new FloatMask(96, 96, mask), SIZE, SIZE,
                    new SplittableRandom(seed));
            int agree = 0;
            int defects = 0;
            for (int i = 0; i < SIZE * SIZE; i++) {
                boolean bright = (r.image().pixels()[i * 3] & 0xff) > 150;
                agree += bright == (r.target()[i] == 1) ? 1 : 0;
                defects += r.target()[i];
            }
            assertTrue(agree >= SIZE * SIZE - 4 * SIZE, "seed " + seed + ": " + agree + " agreeing pixels");
            assertEquals(defects > 0, r.label(), "seed " + seed);
        }
    }

    @Test
    void cropRectanglesStayInsideAndCoverSixtyPercentOrMore() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            int[] c = Augmenter.cropRect(120, 80, rnd);
            assertTrue(c[0] >= 0 && c[1] >= 0 && c[0] + c[2] <= 120 && c[1] + c[3] <= 80, java.util.Arrays.toString(c));
            assertTrue(c[2] * c[3] >= 0.59 * 120 * 80, java.util.Arrays.toString(c));
        }
    }
}
