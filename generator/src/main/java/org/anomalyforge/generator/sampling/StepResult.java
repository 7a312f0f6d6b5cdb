package org.anomalyforge.generator.sampling;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * What one scheduler step returns (diffusers' {@code SchedulerOutput}). Both arrays live in the manager of the
 * sample passed to {@link NoiseScheduler#step}; the caller owns them.
 *
 * @param prevSample          the latent at the next (less noisy) timestep, same shape as the sample [B, C, H, W]
 * @param predOriginalSample  the data prediction x̂₀ = (x_t − σ_t·ε̂)/α_t made at this step, same shape
 */
public record StepResult(NDArray prevSample, NDArray predOriginalSample) {

    public StepResult {
        Objects.requireNonNull(prevSample, "prevSample");
        Objects.requireNonNull(predOriginalSample, "predOriginalSample");
    }
}
