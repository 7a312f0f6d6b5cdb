package org.anomalyforge.segmenter.train;

import ai.djl.training.tracker.ParameterTracker;

/**
 * The per-iteration cosine of LFD spec §5.5, without warm-up:
 * lr_i = 1e-5 + ½(0.01 − 1e-5)(1 + cos(π·i/T)) for i = 0 … T−1.
 *
 * <p>DJL numbers optimiser updates from 1, so {@link #getNewValue} uses i = numUpdate − 1 (a plain
 * {@code CosineTracker} would run one step late).
 */
public final class LfdCosineLr implements ParameterTracker {

    /** Peak learning rate (i = 0). */
    public static final double LR_MAX = 0.01;
    /** Floor of the cosine. */
    public static final double LR_MIN = 1e-5;

    private final long totalIterations;

    /**
     * @param totalIterations T ≥ 1
     */
    public LfdCosineLr(long totalIterations) {
        if (totalIterations < 1) {
            throw new IllegalArgumentException("totalIterations must be ≥ 1, got " + totalIterations);
        }
        this.totalIterations = totalIterations;
    }

    /** T. */
    public long totalIterations() {
        return totalIterations;
    }

    /**
     * lr at 0-based iteration i.
     *
     * @param iteration i in [0, T)
     */
    public double rate(long iteration) {
        if (iteration < 0 || iteration >= totalIterations) {
            throw new IllegalArgumentException("iteration must be in [0, " + totalIterations + "), got " + iteration);
        }
        return LR_MIN + 0.5 * (LR_MAX - LR_MIN) * (1 + Math.cos(Math.PI * iteration / totalIterations));
    }

    /** The lr of DJL update number {@code numUpdate} (1-based), i.e. {@code rate(numUpdate − 1)}. */
    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        return (float) rate(numUpdate - 1L);
    }
}
