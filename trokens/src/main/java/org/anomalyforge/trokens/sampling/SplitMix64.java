package org.anomalyforge.trokens.sampling;

/**
 * A self-contained SplitMix64 generator (spec §7.6), so selections never depend on a JDK's RNG. Not
 * thread-safe: use one instance per clip.
 */
public final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    /** @param seed any value; the same seed gives the same sequence on every JVM */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** Training seed {@code mix(trainSeed, step, clipIndex)}: a new, reproducible stream per use. */
    public static long mix(long... parts) {
        long h = 0x6A09E667F3BCC909L;
        for (long part : parts) {
            h = finalise(h ^ finalise(part + GOLDEN_GAMMA));
        }
        return h;
    }

    /** Next 64 random bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return finalise(state);
    }

    /** Uniform in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in {@code (0, 1]}: safe to take the logarithm of. */
    public double nextOpenDouble() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    /** Uniform integer in {@code [0, bound)}, unbiased (rejection sampling). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        while (true) {
            long bits = nextLong() >>> 1;
            long value = bits % bound;
            if (bits - value + (bound - 1) >= 0) {
                return (int) value;
            }
        }
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
