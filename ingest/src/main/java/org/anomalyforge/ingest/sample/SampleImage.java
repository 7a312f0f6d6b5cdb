package org.anomalyforge.ingest.sample;

import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * One rendered sample: the image and its exact defect mask.
 *
 * @param image the rendered product surface, square
 * @param mask  the pixels the defect changed (1) and all others (0); all zero for a good image; same size as
 *              {@code image}
 */
public record SampleImage(RgbImage image, BinaryMask mask) {

    public SampleImage {
        if (image == null || mask == null) {
            throw new IllegalArgumentException("image and mask must not be null, got image=" + image
                    + ", mask=" + mask);
        }
        if (image.width() != mask.width() || image.height() != mask.height()) {
            throw new IllegalArgumentException("mask must have the image's size " + image.width() + "×"
                    + image.height() + ", got " + mask.width() + "×" + mask.height());
        }
    }
}
