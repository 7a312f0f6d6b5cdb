package org.anomalyforge.generator.sampling;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * Builds the latent that sampling starts from at t_0 = 999 (seas.md §5.4, §9.2 step 1):
 * z_init = κ·z̃_ref + noiseScale·ε for {@link LatentInit#REFERENCE}, z_init = ε for
 * {@link LatentInit#PURE_NOISE}. With SD's defaults the signal level is that of t ≈ 936 of the training
 * schedule (α_936 = 0.098), yet sampling still starts at 999, as in the original.
 */
public final class InitialLatent {

    private final InitialLatentConfig config;

    /** An initialiser with {@code config}'s κ and noise scale. */
    public InitialLatent(InitialLatentConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The settings in use. */
    public InitialLatentConfig config() {
        return config;
    }

    /**
     * The initial latent.
     *
     * @param scaledReference z̃_ref = s·z_ref, the scaled VAE sample of the reference normal image,
     *                        [B, 4, r₀, r₀]; required for REFERENCE, must be {@code null} for PURE_NOISE
     * @param noise           ε from stream {@link SeededNoise#INITIAL_NOISE_STREAM} of each image, same shape
     * @return a new array in {@code noise}'s manager
     */
    public NDArray create(NDArray scaledReference, NDArray noise) {
        Objects.requireNonNull(noise, "noise");
        if (config.init() == LatentInit.PURE_NOISE) {
            if (scaledReference != null) {
                throw new IllegalArgumentException("init PURE_NOISE takes no reference latent, got one of shape "
                        + scaledReference.getShape());
            }
            return LinearCombination.of(new double[] {1.0}, noise);
        }
        if (scaledReference == null) {
            throw new IllegalArgumentException("init REFERENCE needs the scaled reference latent, got null");
        }
        LinearCombination.requireSameShape("noise", noise, "scaledReference", scaledReference);
        return LinearCombination.of(new double[] {config.noiseScale(), config.kappa()}, noise, scaledReference);
    }
}
