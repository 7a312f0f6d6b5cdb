package org.anomalyforge.generator.losses;

import ai.djl.ndarray.NDArray;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * The stage-0 loss (seas.md §6): L₀ = mean|x̂ − x| + 1e-4·mean(½(μ² + e^{logvar} − 1 − logvar)), the pixel L1 over
 * all elements plus the KL divergence averaged over latent elements.
 *
 * @param reconstruction mean|x̂ − x|
 * @param kl             mean(½(μ² + e^{logvar} − 1 − logvar))
 * @param total          reconstruction + {@value #KL_WEIGHT}·kl
 */
public record AutoencoderLoss(NDArray reconstruction, NDArray kl, NDArray total) {

    /** Weight of the KL term. */
    public static final float KL_WEIGHT = 1e-4f;

    /** The three terms for reconstruction x̂ of x and posterior moments μ, logvar. */
    public static AutoencoderLoss of(NDArray reconstructed, NDArray target, NDArray mean, NDArray logvar) {
        if (!reconstructed.getShape().equals(target.getShape())) {
            throw new IllegalArgumentException("reconstruction " + reconstructed.getShape() + " must match target "
                    + target.getShape());
        }
        NDArray l1 = reconstructed.sub(target).abs().mean();
        NDArray kl = ScalarOps.mul(mean.square().add(logvar.exp()).sub(1f).sub(logvar), 0.5).mean();
        return new AutoencoderLoss(l1, kl, l1.add(ScalarOps.mul(kl, KL_WEIGHT)));
    }
}
