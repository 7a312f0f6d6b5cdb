package org.anomalyforge.generator.sampling;

import java.util.Objects;

/**
 * The one schedule description that every {@link NoiseScheduler} is built from (diffusers'
 * {@code scheduler_config.json}), so samplers can be swapped through {@link SchedulerKind} without retraining.
 *
 * @param numTrainTimesteps T_train, the number of training noise levels (SD: 1000), at least 2
 * @param betaStart         β_0 (SD: 0.00085), in (0, 1)
 * @param betaEnd           β_{T−1} (SD: 0.012), in [betaStart, 1)
 * @param betaSchedule      layout of the betas between the two (SD: {@link BetaSchedule#SCALED_LINEAR})
 * @param predictionType    what the network predicts (always {@link PredictionType#EPSILON})
 * @param timestepSpacing   how inference timesteps are picked (default {@link TimestepSpacing#LINSPACE},
 *                          seas.md §5.3)
 * @param stepsOffset       offset added to {@link TimestepSpacing#LEADING} timesteps (SD: 1), in
 *                          [0, numTrainTimesteps)
 */
public record NoiseScheduleConfig(int numTrainTimesteps, double betaStart, double betaEnd, BetaSchedule betaSchedule,
        PredictionType predictionType, TimestepSpacing timestepSpacing, int stepsOffset) {

    /** SD-1.4's training schedule (seas.md §5.1), also used by the tiny configuration. */
    public static final int SD_NUM_TRAIN_TIMESTEPS = 1000;
    /** SD-1.4's β_0. */
    public static final double SD_BETA_START = 0.00085;
    /** SD-1.4's β_999. */
    public static final double SD_BETA_END = 0.012;

    public NoiseScheduleConfig {
        Objects.requireNonNull(betaSchedule, "betaSchedule");
        Objects.requireNonNull(predictionType, "predictionType");
        Objects.requireNonNull(timestepSpacing, "timestepSpacing");
        if (numTrainTimesteps < 2) {
            throw new IllegalArgumentException("numTrainTimesteps must be at least 2, got " + numTrainTimesteps);
        }
        if (!(betaStart > 0 && betaStart < 1)) {
            throw new IllegalArgumentException("betaStart must be in (0, 1), got " + betaStart);
        }
        if (!(betaEnd >= betaStart && betaEnd < 1)) {
            throw new IllegalArgumentException("betaEnd must be in [betaStart, 1) = [" + betaStart + ", 1), got "
                    + betaEnd);
        }
        if (stepsOffset < 0 || stepsOffset >= numTrainTimesteps) {
            throw new IllegalArgumentException("stepsOffset must be in [0, " + numTrainTimesteps + "), got "
                    + stepsOffset);
        }
    }

    /**
     * Stable Diffusion 1.4's schedule: 1000 scaled-linear steps 0.00085 → 0.012, ε-prediction, linspace
     * spacing (its config has no {@code timestep_spacing}, §5.3) and {@code steps_offset} 1.
     */
    public static NoiseScheduleConfig stableDiffusion() {
        return new NoiseScheduleConfig(SD_NUM_TRAIN_TIMESTEPS, SD_BETA_START, SD_BETA_END,
                BetaSchedule.SCALED_LINEAR, PredictionType.EPSILON, TimestepSpacing.LINSPACE, 1);
    }

    /** This configuration with another timestep spacing (e.g. {@link TimestepSpacing#LEADING}). */
    public NoiseScheduleConfig withTimestepSpacing(TimestepSpacing spacing) {
        return new NoiseScheduleConfig(numTrainTimesteps, betaStart, betaEnd, betaSchedule, predictionType,
                spacing, stepsOffset);
    }

    /**
     * Checks that this is the training schedule of seas.md §5.1 (scaled_linear, 0.00085 → 0.012, 1000 steps,
     * ε-prediction), as an imported SD-1.4 {@code scheduler_config.json} must state.
     *
     * @throws IllegalArgumentException naming the first field that differs and its value
     */
    public void requireTrainingSchedule() {
        if (betaSchedule != BetaSchedule.SCALED_LINEAR) {
            throw new IllegalArgumentException("beta_schedule must be scaled_linear (seas.md §5.1), got "
                    + betaSchedule.diffusersName());
        }
        if (numTrainTimesteps != SD_NUM_TRAIN_TIMESTEPS) {
            throw new IllegalArgumentException("num_train_timesteps must be " + SD_NUM_TRAIN_TIMESTEPS
                    + " (seas.md §5.1), got " + numTrainTimesteps);
        }
        if (betaStart != SD_BETA_START) {
            throw new IllegalArgumentException("beta_start must be " + SD_BETA_START + " (seas.md §5.1), got "
                    + betaStart);
        }
        if (betaEnd != SD_BETA_END) {
            throw new IllegalArgumentException("beta_end must be " + SD_BETA_END + " (seas.md §5.1), got "
                    + betaEnd);
        }
    }
}
