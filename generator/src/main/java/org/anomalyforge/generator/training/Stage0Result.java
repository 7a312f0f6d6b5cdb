package org.anomalyforge.generator.training;

/**
 * The outcome of stage 0.
 *
 * @param scalingFactor s = 1/std(μ), 5 significant digits
 * @param psnrDb        mean reconstruction PSNR of the normal images
 */
public record Stage0Result(double scalingFactor, double psnrDb) {
}
