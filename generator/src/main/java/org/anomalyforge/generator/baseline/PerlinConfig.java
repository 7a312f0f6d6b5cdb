package org.anomalyforge.generator.baseline;

/**
 * Immutable settings of the Perlin mask and the blend; {@link #draem()} gives DRAEM's values.
 *
 * @param minScaleExponent   smallest k of the lattice scale 2^k per axis, inclusive (DRAEM: 0)
 * @param maxScaleExponent   largest k, exclusive (DRAEM: 6, so scales 1…32 cells across the image)
 * @param maxRotationDegrees the mask noise is rotated by an angle drawn from [−this, this) (DRAEM: 90)
 * @param threshold          a pixel is defect where √2·noise &gt; threshold; √2·noise lies in [−1, 1]
 *                           (DRAEM: 0.5)
 * @param betaMax            β, the weight kept of the normal image inside the mask, is drawn from
 *                           [0, betaMax) (DRAEM: 0.8); below 1 so that mask pixels always move towards the
 *                           anomaly appearance
 * @param maxMaskAttempts    how many masks are drawn before an empty result is a failure (ours: 32; DRAEM
 *                           accepts empty masks as "no anomaly", our generator only makes anomaly pairs)
 */
public record PerlinConfig(int minScaleExponent, int maxScaleExponent, double maxRotationDegrees, double threshold,
        double betaMax, int maxMaskAttempts) {

    /** Scales beyond 2^15 cells would sample the lattice far below one pixel on any image we accept. */
    public static final int SCALE_EXPONENT_LIMIT = 15;

    public PerlinConfig {
        if (minScaleExponent < 0 || minScaleExponent > SCALE_EXPONENT_LIMIT) {
            throw new IllegalArgumentException("minScaleExponent must be in [0, " + SCALE_EXPONENT_LIMIT
                    + "], got " + minScaleExponent);
        }
        if (maxScaleExponent <= minScaleExponent || maxScaleExponent > SCALE_EXPONENT_LIMIT + 1) {
            throw new IllegalArgumentException("maxScaleExponent (exclusive) must be in [minScaleExponent + 1, "
                    + (SCALE_EXPONENT_LIMIT + 1) + "] = [" + (minScaleExponent + 1) + ", "
                    + (SCALE_EXPONENT_LIMIT + 1) + "], got " + maxScaleExponent);
        }
        if (!(maxRotationDegrees >= 0 && maxRotationDegrees <= 180)) {
            throw new IllegalArgumentException("maxRotationDegrees must be in [0, 180], got " + maxRotationDegrees);
        }
        if (!(threshold >= -1 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in [-1, 1) (the range of √2·noise), got "
                    + threshold);
        }
        if (!(betaMax >= 0 && betaMax < 1)) {
            throw new IllegalArgumentException("betaMax must be in [0, 1), got " + betaMax);
        }
        if (maxMaskAttempts < 1) {
            throw new IllegalArgumentException("maxMaskAttempts must be at least 1, got " + maxMaskAttempts);
        }
    }

    /** DRAEM's settings: scales 2^[0, 6), rotation ±90°, threshold 0.5, β ∈ [0, 0.8), 32 mask attempts. */
    public static PerlinConfig draem() {
        return new PerlinConfig(0, 6, 90.0, 0.5, 0.8, 32);
    }
}
