package org.anomalyforge.generator;

import java.util.Objects;
import org.anomalyforge.ingest.image.BinaryMask;

import org.anomalyforge.ingest.image.RgbImage;

/**
 * One generated image.
 *
 * @param image      8-bit RGB, S×S
 * @param defectType the requested type, {@code null} for a normal image
 * @param seed       its seed
 * @param guidance   its guidance scale
 * @param runId      the model-store run that generated it
 * @param mask       the refined-mask-prediction mask (seas.md §9.2 step 5: mean P(defect) over the last three
 *                   sampling steps > 0.2), S×S; {@code null} for a normal image or a run without stage 2
 */
public record GeneratedImage(RgbImage image, String defectType, long seed, double guidance, String runId,
                             BinaryMask mask) {

    public GeneratedImage {
        Objects.requireNonNull(image, "GeneratedImage.image");
        if (mask != null && (mask.width() != image.width() || mask.height() != image.height())) {
            throw new IllegalArgumentException("GeneratedImage mask " + mask.width() + "x" + mask.height()
                    + " must match the image " + image.width() + "x" + image.height());
        }
        if (mask != null && defectType == null) {
            throw new IllegalArgumentException("a normal GeneratedImage (defectType null) carries no mask");
        }
    }
}
