package org.anomalyforge.generator.vae;

import ai.djl.ndarray.NDArray;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * The encoder's diagonal Gaussian posterior (seas.md §3.5).
 *
 * @param mean   μ [B, latent, r, r]
 * @param logvar log σ² [B, latent, r, r], clamped to [−30, 20]
 */
public record LatentDistribution(NDArray mean, NDArray logvar) {

    /** Lower clamp of logvar (diffusers' DiagonalGaussianDistribution). */
    public static final float LOGVAR_MIN = -30f;
    /** Upper clamp of logvar. */
    public static final float LOGVAR_MAX = 20f;

    public LatentDistribution {
        if (!mean.getShape().equals(logvar.getShape())) {
            throw new IllegalArgumentException("mean and logvar must have equal shapes, got " + mean.getShape() + " and "
                    + logvar.getShape());
        }
    }

    /** Splits moments [B, 2·latent, r, r] into (μ, clamp(logvar)). */
    public static LatentDistribution fromMoments(NDArray moments) {
        long c = moments.getShape().get(1);
        if (moments.getShape().dimension() != 4 || c % 2 != 0) {
            throw new IllegalArgumentException("moments must be [B, 2·latent, r, r], got " + moments.getShape());
        }
        var parts = moments.split(2, 1);
        return new LatentDistribution(parts.get(0), parts.get(1).clip(LOGVAR_MIN, LOGVAR_MAX));
    }

    /** z = μ + exp(½·logvar)·ξ for standard-normal noise ξ of the same shape (unscaled). */
    public NDArray sample(NDArray noise) {
        if (!noise.getShape().equals(mean.getShape())) {
            throw new IllegalArgumentException("noise must have the latent shape " + mean.getShape() + ", got "
                    + noise.getShape());
        }
        return mean.add(ScalarOps.mul(logvar, 0.5).exp().mul(noise));
    }
}
