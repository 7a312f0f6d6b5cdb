package org.anomalyforge.generator.training;

import org.anomalyforge.generator.sampling.SeededNoise;

/**
 * Training randomness (seas.md §9.2, last paragraph): every draw comes from a {@link SeededNoise} stream keyed by
 * (run seed, stage, micro-batch index, purpose). Nothing depends on the order in which streams are created, so a
 * resumed run draws exactly what the uninterrupted run would have drawn.
 */
public final class TrainingStreams {

    /** What a stream is used for; the ordinal is the SeededNoise stream id. */
    public enum Purpose { TIMESTEPS, NOISE, POSTERIOR, AUGMENTATION, PROMPT_DROPOUT, CROP, STEP_NOISE }

    private final long runSeed;

    public TrainingStreams(long runSeed) {
        this.runSeed = runSeed;
    }

    /** The stream of {@code purpose} for micro-batch {@code index} of {@code stage} (0 or 1). */
    public SeededNoise stream(int stage, long index, Purpose purpose) {
        long key = mix(mix(runSeed ^ 0x5EA5L) + stage * 0xD1B54A32D192ED03L + index);
        return SeededNoise.forStream(key, purpose.ordinal());
    }

    /** SplitMix64 finaliser: decorrelates nearby keys. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
