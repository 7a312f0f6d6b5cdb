package org.anomalyforge.generator.sampling;

import ai.djl.ndarray.NDArray;

/**
 * A diffusion noise scheduler (diffusers' {@code SchedulerMixin}): the forward noising used in training and
 * one reverse update per inference timestep used in sampling. One implementation per algorithm, all built
 * from the same {@link NoiseScheduleConfig} so they can be swapped without retraining.
 *
 * <p>Typical loop, with ε̂ from the U-Net (and classifier-free guidance) at each t:
 * <pre>{@code
 * scheduler.setTimesteps(25);
 * for (int t : scheduler.timesteps()) {
 *     NDArray eps = unet(scheduler.scaleModelInput(z, t), t, text);
 *     z = scheduler.step(eps, t, z, noise).prevSample();
 * }
 * }</pre>
 *
 * <p>Instances hold per-run state (the inference timesteps; for multistep solvers the previous data
 * prediction), are not thread-safe, and must be closed to release that state.
 */
public interface NoiseScheduler extends AutoCloseable {

    /** The schedule configuration this scheduler was built from. */
    NoiseScheduleConfig config();

    /** The float64 tables of {@link #config()}. */
    NoiseSchedule schedule();

    /**
     * Chooses the inference timesteps and resets any multistep history.
     *
     * @param numInferenceSteps N, at least 1 (seas.md §9.1: 25)
     */
    void setTimesteps(int numInferenceSteps);

    /**
     * A copy of the inference timesteps, largest first.
     *
     * @throws IllegalStateException before {@link #setTimesteps}
     */
    int[] timesteps();

    /**
     * One reverse update from {@code timestep} to the next inference timestep.
     *
     * @param modelOutput ε̂ at {@code timestep}, [B, C, H, W] float32
     * @param timestep    one of {@link #timesteps()} (multistep solvers require them in order)
     * @param sample      the current latent x_t, same shape as {@code modelOutput}
     * @param noise       source of ξ for stochastic steps; deterministic schedulers ignore it
     * @return the latent at the next timestep and this step's x̂₀, both in {@code sample}'s manager
     */
    StepResult step(NDArray modelOutput, int timestep, NDArray sample, StepNoise noise);

    /** {@link #step(NDArray, int, NDArray, StepNoise)} for deterministic schedulers. */
    default StepResult step(NDArray modelOutput, int timestep, NDArray sample) {
        return step(modelOutput, timestep, sample, StepNoise.none());
    }

    /**
     * Forward noising z_t = α_t·z₀ + σ_t·ε with one timestep per batch element (seas.md §5.2).
     *
     * @param original  clean latents z₀, [B, C, H, W]
     * @param noise     ε, same shape
     * @param timesteps B training timesteps in [0, T_train)
     * @return z_t in {@code original}'s manager
     */
    NDArray addNoise(NDArray original, NDArray noise, int[] timesteps);

    /**
     * The U-Net input for {@code sample} at {@code timestep}. Identity for every scheduler here (SD uses
     * neither Karras sigmas nor input scaling, §5.3); returns {@code sample} itself.
     */
    NDArray scaleModelInput(NDArray sample, int timestep);

    /** How many model outputs one update combines (1 for DDPM/DDIM, 2 for DPM-Solver++ 2M). */
    int order();

    /** Releases the multistep history; the scheduler can be reused after {@link #setTimesteps}. */
    @Override
    void close();
}
