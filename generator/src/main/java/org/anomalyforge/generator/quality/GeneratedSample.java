package org.anomalyforge.generator.quality;

import java.util.Objects;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * One generated image with its mask (all zero for a generated normal image) and the seed that made it.
 *
 * @param image the generated image
 * @param mask  its defect mask, the image's size
 * @param seed  the generation seed (labels the contact sheet and the report)
 */
public record GeneratedSample(RgbImage image, BinaryMask mask, long seed) {
    public GeneratedSample {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mask, "mask");
        if (mask.width() != image.width() || mask.height() != image.height()) {
            throw new IllegalArgumentException("generated sample of seed " + seed + ": mask " + mask.width() + "×"
                    + mask.height() + " does not match image " + image.width() + "×" + image.height());
        }
    }
}
