package org.anomalyforge.trokens.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;

/**
 * Episodic training settings (spec §12–§13); saved in {@code config.json} with the model.
 *
 * @param way                 N classes per episode (5)
 * @param shot                K support clips per class
 * @param queries             Q query clips per class in training (6)
 * @param epochs              number of epochs
 * @param episodesPerEpoch    episodes (optimiser steps) per epoch
 * @param warmupEpochs        linear warm-up from 1e-6
 * @param milestones          epochs at which the rate drops ×0.1
 * @param learningRate        rate after warm-up
 * @param weightDecay         AdamW decoupled weight decay (0.5)
 * @param labelSmoothing      ε of the CLS loss (0.1)
 * @param lambdaEpisode       weight of the episode loss (1)
 * @param lambdaCls           weight of the CLS loss (1)
 * @param seed                initialisation and episode seed
 * @param validateEveryEpochs validation period in epochs (5)
 * @param validationEpisodes  validation episodes (2,000; fixed seed)
 */
public record TrainingSettings(int way, int shot, int queries, int epochs, int episodesPerEpoch, int warmupEpochs,
                               int[] milestones, float learningRate, float weightDecay, float labelSmoothing,
                               float lambdaEpisode, float lambdaCls, long seed, int validateEveryEpochs,
                               int validationEpisodes) {

    public TrainingSettings {
        if (way < 2 || shot < 1 || queries < 1 || epochs < 1 || episodesPerEpoch < 1 || validateEveryEpochs < 1
                || validationEpisodes < 2) {
            throw new IllegalArgumentException("need way >= 2, shot >= 1, queries >= 1, epochs >= 1, "
                    + "episodesPerEpoch >= 1, validateEveryEpochs >= 1, validationEpisodes >= 2; got way " + way
                    + ", shot " + shot + ", queries " + queries + ", epochs " + epochs + ", episodesPerEpoch "
                    + episodesPerEpoch + ", validateEveryEpochs " + validateEveryEpochs + ", validationEpisodes "
                    + validationEpisodes);
        }
        if (!(learningRate > 0) || weightDecay < 0 || lambdaEpisode < 0 || lambdaCls < 0) {
            throw new IllegalArgumentException("learningRate must be > 0 and weightDecay, lambdas >= 0, got lr "
                    + learningRate + ", wd " + weightDecay + ", lambdas " + lambdaEpisode + "/" + lambdaCls);
        }
        milestones = milestones.clone();
        schedule(learningRate, episodesPerEpoch, warmupEpochs, milestones); // validates the schedule
    }

    /** {@code descriptor-cpu} (§13.2): 5-way, 20 × 200 episodes, warm-up 2, steps at 10 and 16, lr 3e-4. */
    public static TrainingSettings descriptorCpu(int shot) {
        return new TrainingSettings(5, shot, 6, 20, 200, 2, new int[] {10, 16}, 3e-4f, 0.5f, 0.1f, 1f, 1f, 1L, 5,
                2000);
    }

    /**
     * {@code dinov2-s14} (§14): 30 × 300 episodes, lr 1e-4. Warm-up 3 and steps at 12 and 24 are ours: the
     * spec gives only the epoch count and rate, and these keep the paper's proportions.
     */
    public static TrainingSettings dinov2S14(int shot) {
        return new TrainingSettings(5, shot, 6, 30, 300, 3, new int[] {12, 24}, 1e-4f, 0.5f, 0.1f, 1f, 1f, 1L, 5,
                2000);
    }

    /** The paper's schedule (§13.1): 50 epochs of {@code episodesPerEpoch}, warm-up 5, steps at 20 and 40. */
    public static TrainingSettings paper(int shot, int episodesPerEpoch) {
        return new TrainingSettings(5, shot, 6, 50, episodesPerEpoch, 5, new int[] {20, 40}, 1e-4f, 0.5f, 0.1f, 1f,
                1f, 1L, 5, 2000);
    }

    /** The per-step learning-rate schedule. */
    public EpochStepSchedule schedule() {
        return schedule(learningRate, episodesPerEpoch, warmupEpochs, milestones);
    }

    /** AdamW with this run's schedule and weight decay (§13.1). */
    public Optimizer optimizer() {
        return adamW(schedule(), weightDecay);
    }

    /**
     * DJL AdamW with betas 0.9 / 0.999, eps 1e-8, decoupled decay {@code w -= lr·wd·w} (no clipping). DJL's
     * builder default decay is 0.01; the spec's is 0.5.
     */
    public static Optimizer adamW(ParameterTracker rate, float weightDecay) {
        return Optimizer.adamW().optLearningRateTracker(rate).optBeta1(0.9f).optBeta2(0.999f).optEpsilon(1e-8f)
                .optWeightDecays(weightDecay).build();
    }

    /** Total optimiser steps, {@code epochs · episodesPerEpoch}. */
    public long totalSteps() {
        return (long) epochs * episodesPerEpoch;
    }

    @Override
    public int[] milestones() {
        return milestones.clone();
    }

    private static EpochStepSchedule schedule(float lr, int perEpoch, int warmup, int[] milestones) {
        return new EpochStepSchedule(lr, Math.min(1e-6f, lr), perEpoch, warmup, milestones, 0.1f);
    }
}
