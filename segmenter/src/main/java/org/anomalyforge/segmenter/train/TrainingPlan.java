package org.anomalyforge.segmenter.train;

import org.anomalyforge.segmenter.LfdTrainingOptions;

/**
 * The iteration budget of §5.6–§5.7 for n training samples.
 *
 * @param samples          n
 * @param batchSize        B
 * @param batchesPerEpoch  ⌈n/B⌉ (the last batch is kept partial)
 * @param epochs           the options' epoch budget
 * @param totalIterations  T = min(epochs·⌈n/B⌉, cap); the cosine spans T
 * @param epochsToRun      ⌈T/⌈n/B⌉⌉ (fewer than {@code epochs} when the cap binds; the last may be partial)
 * @param validateEvery    valEvery = max(1, epochs/15)
 */
public record TrainingPlan(int samples, int batchSize, int batchesPerEpoch, int epochs, long totalIterations,
                           int epochsToRun, int validateEvery) {

    /** The plan for {@code samples} training samples under {@code options}. */
    public static TrainingPlan of(int samples, LfdTrainingOptions options) {
        if (samples < 1) {
            throw new IllegalArgumentException("training needs ≥ 1 sample after the validation split, got " + samples);
        }
        int b = options.batchSize();
        int perEpoch = (samples + b - 1) / b;
        long t = Math.min((long) options.epochs() * perEpoch, options.iterationCap());
        int toRun = (int) ((t + perEpoch - 1) / perEpoch);
        return new TrainingPlan(samples, b, perEpoch, options.epochs(), t, toRun, Math.max(1, options.epochs() / 15));
    }

    /** True iff validation (and a checkpoint) follows {@code epoch} (1-based): every valEvery and the last. */
    public boolean validatesAfter(int epoch) {
        return epoch % validateEvery == 0 || epoch == epochsToRun;
    }
}
