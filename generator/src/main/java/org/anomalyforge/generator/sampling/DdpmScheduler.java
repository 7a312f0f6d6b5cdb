package org.anomalyforge.generator.sampling;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * DDPM (Ho et al. 2020): the training-side scheduler. {@link #addNoise} is the forward noising of seas.md §5.2
 * and {@link #step} the ancestral posterior step with the "fixed_small" variance:
 * <pre>
 * x̂₀      = (z_t − σ_t·ε̂)/α_t
 * β̄_t     = 1 − ᾱ_t/ᾱ_prev
 * μ       = (√ᾱ_prev·β̄_t/(1−ᾱ_t))·x̂₀ + (√(ᾱ_t/ᾱ_prev)·(1−ᾱ_prev)/(1−ᾱ_t))·z_t
 * var     = max((1−ᾱ_prev)/(1−ᾱ_t)·β̄_t, 1e-20)
 * z_prev  = μ + √var·ξ      (ξ only when t &gt; 0; no clipping)
 * </pre>
 *
 * <p>Inference grid: with N steps (N must divide T_train) the timesteps are (N−1)·r, …, r, 0 with
 * r = T_train/N, and prev = t − r; ᾱ_prev := 1 below 0. N = T_train gives prev = t − 1 exactly as §5.2. The
 * grid always ends at 0 because the chain must end on a clean sample, so DDPM ignores
 * {@link NoiseScheduleConfig#timestepSpacing()} (diffusers' DDPM default "leading" without offset).
 * The step is stateless, so any grid timestep may be stepped from in any order.
 */
public final class DdpmScheduler extends BaseNoiseScheduler {

    /** diffusers clamps the posterior variance here so √var stays finite at t = 0. */
    static final double MIN_VARIANCE = 1e-20;

    private int stepRatio;

    /** A DDPM scheduler over {@code config}'s schedule. */
    public DdpmScheduler(NoiseScheduleConfig config) {
        super(config);
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    int[] computeTimesteps(int numInferenceSteps) {
        int numTrain = config().numTrainTimesteps();
        if (numInferenceSteps < 1 || numInferenceSteps > numTrain || numTrain % numInferenceSteps != 0) {
            throw new IllegalArgumentException("numInferenceSteps must divide numTrainTimesteps " + numTrain
                    + " (DDPM steps t → t − T/N), got " + numInferenceSteps);
        }
        stepRatio = numTrain / numInferenceSteps;
        int[] grid = new int[numInferenceSteps];
        for (int k = 0; k < numInferenceSteps; k++) {
            grid[k] = (numInferenceSteps - 1 - k) * stepRatio;
        }
        return grid;
    }

    @Override
    public StepResult step(NDArray modelOutput, int timestep, NDArray sample, StepNoise noise) {
        Objects.requireNonNull(noise, "noise");
        // The step is stateless; this only checks that t lies on the grid, so prev = t − r is meaningful.
        indexOf(timestep);
        NDArray predOriginal = dataPrediction(modelOutput, timestep, sample);
        NoiseSchedule schedule = schedule();
        int prev = timestep - stepRatio;
        double alphaProd = schedule.alphaCumprod(timestep);
        double alphaProdPrev = prev >= 0 ? schedule.alphaCumprod(prev) : 1.0;
        double betaBar = 1.0 - alphaProd / alphaProdPrev;
        double originalCoefficient = Math.sqrt(alphaProdPrev) * betaBar / (1.0 - alphaProd);
        double sampleCoefficient = Math.sqrt(alphaProd / alphaProdPrev) * (1.0 - alphaProdPrev) / (1.0 - alphaProd);
        if (timestep == 0) {
            NDArray mean = LinearCombination.of(new double[] {originalCoefficient, sampleCoefficient},
                    predOriginal, sample);
            return new StepResult(mean, predOriginal);
        }
        double variance = Math.max((1.0 - alphaProdPrev) / (1.0 - alphaProd) * betaBar, MIN_VARIANCE);
        NDArray xi = noise.draw(sample.getManager(), sample.getShape());
        try {
            LinearCombination.requireSameShape("step noise", xi, "sample", sample);
            NDArray prevSample = LinearCombination.of(
                    new double[] {originalCoefficient, sampleCoefficient, Math.sqrt(variance)},
                    predOriginal, sample, xi);
            return new StepResult(prevSample, predOriginal);
        } finally {
            xi.close();
        }
    }
}
