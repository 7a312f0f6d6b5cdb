package org.anomalyforge.trokens.train;

import ai.djl.training.tracker.ParameterTracker;

import java.util.Arrays;

/**
 * Learning rate per optimiser step (spec §13.1): linear warm-up from {@code warmupStart} to {@code base} over
 * {@code warmupEpochs}, then ×{@code factor} at each milestone epoch. An epoch is {@code episodesPerEpoch}
 * steps. One tracker instead of chained DJL trackers, whose step offsets are easy to get wrong.
 *
 * @param base             rate after warm-up
 * @param warmupStart      rate at step 0 (1e-6)
 * @param episodesPerEpoch steps per epoch, ≥ 1
 * @param warmupEpochs     warm-up length in epochs, ≥ 0
 * @param milestones       epochs at which the rate is multiplied by {@code factor}, ascending
 * @param factor           decay factor (0.1)
 */
public record EpochStepSchedule(float base, float warmupStart, int episodesPerEpoch, int warmupEpochs,
                                int[] milestones, float factor) implements ParameterTracker {

    public EpochStepSchedule {
        if (!(base > 0) || !(warmupStart > 0) || !(factor > 0)) {
            throw new IllegalArgumentException("base, warmupStart and factor must be > 0, got " + base + ", "
                    + warmupStart + ", " + factor);
        }
        if (episodesPerEpoch < 1 || warmupEpochs < 0) {
            throw new IllegalArgumentException("episodesPerEpoch must be >= 1 and warmupEpochs >= 0, got "
                    + episodesPerEpoch + ", " + warmupEpochs);
        }
        milestones = milestones.clone();
        for (int i = 1; i < milestones.length; i++) {
            if (milestones[i] <= milestones[i - 1]) {
                throw new IllegalArgumentException("milestones must be ascending, got " + Arrays.toString(milestones));
            }
        }
    }

    /** Rate at 0-based step {@code step}. */
    public float rate(long step) {
        long warmupSteps = (long) warmupEpochs * episodesPerEpoch;
        if (step < warmupSteps) {
            return (float) (warmupStart + (base - warmupStart) * (double) step / warmupSteps);
        }
        long epoch = step / episodesPerEpoch;
        double rate = base;
        for (int m : milestones) {
            if (epoch >= m) {
                rate *= factor;
            }
        }
        return (float) rate;
    }

    /** DJL counts updates from 1; the first update uses the step-0 rate. */
    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        return rate(numUpdate - 1L);
    }

    @Override
    public int[] milestones() {
        return milestones.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EpochStepSchedule s && base == s.base && warmupStart == s.warmupStart
                && episodesPerEpoch == s.episodesPerEpoch && warmupEpochs == s.warmupEpochs
                && Arrays.equals(milestones, s.milestones) && factor == s.factor;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new float[] {base, warmupStart, factor}) * 31 + Arrays.hashCode(milestones)
                + 7 * episodesPerEpoch + warmupEpochs;
    }

    @Override
    public String toString() {
        return "EpochStepSchedule[base=" + base + ", warmup " + warmupEpochs + " epochs from " + warmupStart
                + ", milestones " + Arrays.toString(milestones) + " ×" + factor + ", " + episodesPerEpoch
                + " steps/epoch]";
    }
}
