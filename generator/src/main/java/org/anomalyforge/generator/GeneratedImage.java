package org.anomalyforge.generator;

import org.anomalyforge.ingest.image.RgbImage;

/**
 * One generated image.
 *
 * @param image      8-bit RGB, S×S
 * @param defectType the requested type, {@code null} for a normal image
 * @param seed       its seed
 * @param guidance   its guidance scale
 * @param runId      the model-store run that generated it
 */
public record GeneratedImage(RgbImage image, String defectType, long seed, double guidance, String runId) {
}
