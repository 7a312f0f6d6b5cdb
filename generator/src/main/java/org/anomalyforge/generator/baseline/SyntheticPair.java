package org.anomalyforge.generator.baseline;

import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * One generated anomaly image with its exact mask.
 *
 * @param image the normal image with the anomaly blended into the mask region, H × W × 3
 * @param mask  the defect pixels, H × W; every other pixel of {@code image} equals the normal image
 * @param seed  the seed the pair is a pure function of (with the normal image and the generator)
 * @param beta  the weight kept of the normal image inside the mask, in [0, 1)
 */
public record SyntheticPair(RgbImage image, BinaryMask mask, long seed, double beta) {

    public SyntheticPair {
        if (image == null || mask == null) {
            throw new IllegalArgumentException("image and mask must not be null, got image=" + image + ", mask="
                    + mask);
        }
        if (image.width() != mask.width() || image.height() != mask.height()) {
            throw new IllegalArgumentException("mask size must equal the image size " + image.width() + "×"
                    + image.height() + ", got " + mask.width() + "×" + mask.height());
        }
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1), got " + beta);
        }
    }
}
