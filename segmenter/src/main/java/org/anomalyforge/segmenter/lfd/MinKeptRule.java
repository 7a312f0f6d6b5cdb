package org.anomalyforge.segmenter.lfd;

/**
 * How many hardest pixels OHEM keeps at least (the k of LFD spec §5.4), as a function of the number N of
 * non-ignored pixels in the batch.
 */
public sealed interface MinKeptRule permits MinKeptRule.Proportional, MinKeptRule.Absolute {

    /**
     * @param validPixels N ≥ 1
     * @return k ≥ 0
     */
    int resolve(long validPixels);

    /** Ours (default): k = round(N·100,000/524,288), clamped to [1, N − 1]. */
    static MinKeptRule proportional() {
        return new Proportional();
    }

    /** The original's fixed k (100,000 there), for replication; the sort index still clamps to N − 1. */
    static MinKeptRule absolute(int k) {
        return new Absolute(k);
    }

    /**
     * k = round(0.19073486·N) clamped to [1, N − 1]: exactly the original's 100,000 at B = 8 and 256², and
     * the hardest ~19 % at every other size.
     */
    record Proportional() implements MinKeptRule {
        /** The original's k at its reference pixel count (8 × 256²). */
        public static final long REFERENCE_KEPT = 100_000L;
        /** 8 × 256 × 256. */
        public static final long REFERENCE_PIXELS = 524_288L;

        @Override
        public int resolve(long validPixels) {
            if (validPixels < 1) {
                throw new IllegalArgumentException("validPixels must be ≥ 1, got " + validPixels);
            }
            long k = Math.round(validPixels * (double) REFERENCE_KEPT / REFERENCE_PIXELS);
            return Math.toIntExact(Math.max(1, Math.min(k, validPixels - 1)));
        }
    }

    /**
     * A fixed k ≥ 0.
     *
     * @param k minimum number of kept pixels
     */
    record Absolute(int k) implements MinKeptRule {
        /** Requires k ≥ 0. */
        public Absolute {
            if (k < 0) {
                throw new IllegalArgumentException("minKept must be ≥ 0, got " + k);
            }
        }

        @Override
        public int resolve(long validPixels) {
            return k;
        }
    }
}
