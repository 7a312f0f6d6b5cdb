package org.anomalyforge.generator.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Supplies the fresh Gaussian ξ that a stochastic step needs (the DDPM posterior sample). Deterministic
 * schedulers (DDIM with η = 0, DPM-Solver++) never call it. Implementations should draw from per-image
 * {@link SeededNoise} streams ({@link SeededNoise#stepNoise}) so results never depend on the engine RNG.
 */
@FunctionalInterface
public interface StepNoise {

    /**
     * Draws ξ ~ N(0, I).
     *
     * @param manager where the result must live (the sample's manager)
     * @param shape   the sample's shape [B, C, H, W]
     * @return ξ of {@code shape}; the scheduler owns it and closes it after the step
     */
    NDArray draw(NDManager manager, Shape shape);

    /** For deterministic schedulers: fails if a step asks for noise anyway. */
    static StepNoise none() {
        return (manager, shape) -> {
            throw new IllegalStateException("this scheduler step needs noise ξ of shape " + shape
                    + " but was called without a StepNoise; pass one built with SeededNoise.stepNoise");
        };
    }
}
