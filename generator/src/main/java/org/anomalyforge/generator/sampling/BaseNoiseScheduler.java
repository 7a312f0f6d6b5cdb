package org.anomalyforge.generator.sampling;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * What all schedulers here share: the schedule tables, the inference timesteps, forward noising and the
 * identity input scaling.
 */
abstract class BaseNoiseScheduler implements NoiseScheduler {

    private final NoiseScheduleConfig config;
    private final NoiseSchedule schedule;
    private int[] timesteps;

    BaseNoiseScheduler(NoiseScheduleConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.schedule = NoiseSchedule.of(config);
    }

    @Override
    public NoiseScheduleConfig config() {
        return config;
    }

    @Override
    public NoiseSchedule schedule() {
        return schedule;
    }

    @Override
    public void setTimesteps(int numInferenceSteps) {
        int[] chosen = computeTimesteps(numInferenceSteps);
        resetHistory();
        timesteps = chosen;
    }

    @Override
    public int[] timesteps() {
        return requireTimesteps().clone();
    }

    @Override
    public NDArray addNoise(NDArray original, NDArray noise, int[] timesteps) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(timesteps, "timesteps");
        LinearCombination.requireSameShape("noise", noise, "original", original);
        long batch = original.getShape().dimension() == 0 ? 0 : original.getShape().get(0);
        if (timesteps.length != batch) {
            throw new IllegalArgumentException("timesteps must have one entry per batch element (" + batch
                    + "), got " + timesteps.length);
        }
        double[][] coefficients = new double[2][timesteps.length];
        for (int b = 0; b < timesteps.length; b++) {
            coefficients[0][b] = schedule.alpha(timesteps[b]);
            coefficients[1][b] = schedule.sigma(timesteps[b]);
        }
        return LinearCombination.perSample(coefficients, original, noise);
    }

    @Override
    public NDArray scaleModelInput(NDArray sample, int timestep) {
        Objects.requireNonNull(sample, "sample");
        if (timestep < 0 || timestep >= schedule.size()) {
            throw new IllegalArgumentException("timestep must be in [0, " + (schedule.size() - 1) + "], got "
                    + timestep);
        }
        return sample;
    }

    @Override
    public void close() {
        resetHistory();
    }

    /** The inference grid for N steps; subclasses validate N. */
    abstract int[] computeTimesteps(int numInferenceSteps);

    /** Drops any multistep history (no-op for one-step schedulers). */
    void resetHistory() {
    }

    int[] requireTimesteps() {
        if (timesteps == null) {
            throw new IllegalStateException(getClass().getSimpleName() + ": call setTimesteps before using the "
                    + "inference timesteps");
        }
        return timesteps;
    }

    /** The index of {@code timestep} in the inference grid. */
    int indexOf(int timestep) {
        int[] grid = requireTimesteps();
        for (int k = 0; k < grid.length; k++) {
            if (grid[k] == timestep) {
                return k;
            }
        }
        throw new IllegalArgumentException("timestep " + timestep + " is not one of the " + grid.length
                + " inference timesteps (first " + grid[0] + ", last " + grid[grid.length - 1] + ")");
    }

    /** x̂₀ = (x_t − σ_t·ε̂)/α_t for ε-prediction, in {@code sample}'s manager. */
    NDArray dataPrediction(NDArray modelOutput, int timestep, NDArray sample) {
        Objects.requireNonNull(modelOutput, "modelOutput");
        Objects.requireNonNull(sample, "sample");
        LinearCombination.requireSameShape("modelOutput", modelOutput, "sample", sample);
        double alpha = schedule.alpha(timestep);
        double sigma = schedule.sigma(timestep);
        return LinearCombination.of(new double[] {1.0 / alpha, -sigma / alpha}, sample, modelOutput);
    }
}
