package org.anomalyforge.generator.quality;

import java.util.Objects;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * One real few-shot training image of a defect type with its ground-truth mask: the "real set" of IC-D and
 * the memorisation check, and the reference for the mask statistics.
 *
 * @param image the real image
 * @param mask  its ground-truth mask (any size; only its area fraction and components are compared)
 */
public record RealShot(RgbImage image, BinaryMask mask) {
    public RealShot {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mask, "mask");
    }
}
