package org.anomalyforge.segmenter.train;

import java.util.SplittableRandom;

import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.ImageDecodeException;
import org.anomalyforge.ingest.image.Normalization;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.segmenter.AugmentationPreset;
import org.anomalyforge.segmenter.TrainingSample;
import org.anomalyforge.segmenter.inference.FloatMask;
import org.anomalyforge.segmenter.inference.FrameResizer;
import org.anomalyforge.segmenter.inference.MaskRule;

/**
 * Decodes one {@link TrainingSample} and turns it into network input and §5.2 target, with or without
 * augmentation. Stateless and thread-safe (runs in the loader thread).
 */
final class SamplePreparer {

    private final ImageCodec codec = ImageCodec.withDefaults();
    private final int width;
    private final int height;
    private final AugmentationPreset augmentation;
    private final long seed;

    SamplePreparer(int width, int height, AugmentationPreset augmentation, long seed) {
        this.width = width;
        this.height = height;
        this.augmentation = augmentation;
        this.seed = seed;
    }

    /** Without augmentation (validation): §4 resize and the §5.2 target. */
    PreparedSample plain(TrainingSample s) throws ImageDecodeException {
        RgbImage image = codec.decode(s.image(), s.id());
        FloatMask mask = mask(s, image);
        boolean label = mask.hasDefect();
        byte[] target = MaskRule.binarise(FrameResizer.resize(mask, width, height), label);
        return new PreparedSample(FrameResizer.toInput(image, width, height), target, label);
    }

    /**
     * For training in {@code epoch}: augmented according to the preset; the RNG is seeded from
     * (seed, epoch, sampleIndex) alone, so the result does not depend on batch composition or threads.
     */
    PreparedSample training(TrainingSample s, int epoch, int sampleIndex) throws ImageDecodeException {
        if (augmentation == AugmentationPreset.NONE) {
            return plain(s);
        }
        RgbImage image = codec.decode(s.image(), s.id());
        FloatMask mask = mask(s, image);
        SplittableRandom rnd = new SplittableRandom(mix(seed, epoch, sampleIndex));
        Augmenter.Result r = Augmenter.apply(image, mask, width, height, rnd);
        return new PreparedSample(ImageCodec.toChw(r.image(), Normalization.IMAGENET), r.target(), r.label());
    }

    private static FloatMask mask(TrainingSample s, RgbImage image) throws ImageDecodeException {
        if (s.mask() == null) {
            return FloatMask.empty(image.width(), image.height());
        }
        FloatMask m = MaskRule.decode(s.mask(), s.id() + " (mask)");
        if (m.width() != image.width() || m.height() != image.height()) {
            throw new ImageDecodeException(s.id() + " (mask)", "mask is " + m.width() + "×" + m.height()
                    + " but the image is " + image.width() + "×" + image.height());
        }
        return m;
    }

    /** SplitMix64-style mixing of the three indices into one seed. */
    static long mix(long seed, int epoch, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L + index;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
