package org.anomalyforge.generator.sampling;

import ai.djl.ndarray.NDArray;

/**
 * Deterministic DDIM (Song et al. 2021, η = 0), the second sampler:
 * x̂₀ = (x_t − σ_t·ε̂)/α_t, x_prev = α_prev·x̂₀ + σ_prev·ε̂.
 *
 * <p>It walks the same inference grid as {@link DpmSolverMultistepScheduler} (t_k → t_{k+1}, the last step to
 * t = 0 with ᾱ₀ = 1 − β₀, which is SD's {@code set_alpha_to_one = false}), so swapping the two changes the
 * solver only. diffusers' own DDIM spaces its grid differently (N points, prev = t − T/N); we deliberately
 * use one grid for both samplers. DDIM equals DPM-Solver++ of order 1 on that grid.
 */
public final class DdimScheduler extends BaseNoiseScheduler {

    /** A DDIM (η = 0) scheduler over {@code config}'s schedule. */
    public DdimScheduler(NoiseScheduleConfig config) {
        super(config);
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    int[] computeTimesteps(int numInferenceSteps) {
        NoiseScheduleConfig config = config();
        return config.timestepSpacing().timesteps(config.numTrainTimesteps(), numInferenceSteps,
                config.stepsOffset());
    }

    @Override
    public StepResult step(NDArray modelOutput, int timestep, NDArray sample, StepNoise noise) {
        int[] grid = requireTimesteps();
        int k = indexOf(timestep);
        int prev = k + 1 < grid.length ? grid[k + 1] : 0;
        NDArray predOriginal = dataPrediction(modelOutput, timestep, sample);
        NoiseSchedule schedule = schedule();
        NDArray prevSample = LinearCombination.of(new double[] {schedule.alpha(prev), schedule.sigma(prev)},
                predOriginal, modelOutput);
        return new StepResult(prevSample, predOriginal);
    }
}
