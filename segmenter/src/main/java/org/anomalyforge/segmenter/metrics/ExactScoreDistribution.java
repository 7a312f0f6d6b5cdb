package org.anomalyforge.segmenter.metrics;

import java.util.Arrays;

/**
 * Exact mode (§7.4): keeps every score, so {@link #tieGroups()} groups the exact float32 values and the
 * §7.2 metrics equal sklearn's. Each score is packed in one long: the high 32 bits hold the float's bits
 * mapped to a signed int that sorts like the float, the low 32 bits the region size (0 = negative).
 * Memory is 8 bytes per score (6.5 M pixels of a 100-image class at 256² → 52 MB); sorting a primitive
 * {@code long[]} needs no boxing. Serialisable as a plain {@code long[]} ({@link #toPacked()}).
 */
public final class ExactScoreDistribution implements ScoreDistribution {

    private static final long serialVersionUID = 1L;
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private long[] packed;
    private int size;

    /** Creates an empty distribution. */
    public ExactScoreDistribution() {
        this.packed = new long[16];
    }

    /** Rebuilds a distribution from {@link #toPacked()} output (e.g. shipped from a Spark task). */
    public static ExactScoreDistribution fromPacked(long[] packedScores) {
        if (packedScores == null) {
            throw new IllegalArgumentException("packedScores must not be null");
        }
        for (int i = 0; i < packedScores.length; i++) {
            float score = unpackScore(packedScores[i]);
            if (!Float.isFinite(score) || (int) packedScores[i] < 0) {
                throw new IllegalArgumentException(
                        "packedScores[" + i + "] must hold a finite score and a region size >= 0, got score "
                                + score + " and region size " + (int) packedScores[i]);
            }
        }
        ExactScoreDistribution distribution = new ExactScoreDistribution();
        distribution.packed = Arrays.copyOf(packedScores, Math.max(16, packedScores.length));
        distribution.size = packedScores.length;
        return distribution;
    }

    @Override
    public void add(float score, int regionSize) {
        MetricInputs.requireFiniteScore("score", score);
        ScoreDistribution.requireRegionSize(regionSize);
        ensureCapacity(size + 1L);
        packed[size++] = pack(score, regionSize);
    }

    @Override
    public void merge(ScoreDistribution other) {
        if (!(other instanceof ExactScoreDistribution exact)) {
            throw new IllegalArgumentException(
                    "other must be an ExactScoreDistribution, got " + describe(other));
        }
        ensureCapacity((long) size + exact.size);
        System.arraycopy(exact.packed, 0, packed, size, exact.size);
        size += exact.size;
    }

    @Override
    public void reset() {
        packed = new long[16];
        size = 0;
    }

    @Override
    public long count() {
        return size;
    }

    /** A copy of the packed scores (length {@link #count()}), for shipping between tasks. */
    public long[] toPacked() {
        return Arrays.copyOf(packed, size);
    }

    /**
     * Groups the scores by exact float value, highest first. Sorting reorders the internal array, which
     * does not change the held multiset of scores.
     */
    @Override
    public TieGroups tieGroups() {
        Arrays.sort(packed, 0, size);
        int groups = 0;
        for (int i = size - 1; i >= 0; i--) {
            if (i == size - 1 || scoreKey(packed[i]) != scoreKey(packed[i + 1])) {
                groups++;
            }
        }
        double[] thresholds = new double[groups];
        long[] positives = new long[groups];
        long[] negatives = new long[groups];
        double[] proMass = new double[groups];
        int g = -1;
        for (int i = size - 1; i >= 0; i--) {
            long entry = packed[i];
            if (i == size - 1 || scoreKey(entry) != scoreKey(packed[i + 1])) {
                g++;
                thresholds[g] = unpackScore(entry);
            }
            int regionSize = (int) entry;
            if (regionSize == 0) {
                negatives[g]++;
            } else {
                positives[g]++;
                proMass[g] += 1.0 / regionSize;
            }
        }
        return new TieGroups(thresholds, positives, negatives, proMass, new boolean[groups]);
    }

    private void ensureCapacity(long needed) {
        if (needed > MAX_CAPACITY) {
            throw new IllegalStateException(
                    "exact mode holds at most " + MAX_CAPACITY + " scores, needed " + needed
                            + "; use PixelMode.HISTOGRAM for evaluations this large (spec §7.4)");
        }
        if (needed > packed.length) {
            long grown = Math.max(needed, Math.min(MAX_CAPACITY, 2L * packed.length));
            packed = Arrays.copyOf(packed, (int) grown);
        }
    }

    /** Float bits mapped to an int with the same order as the float (−0 is folded onto +0 first). */
    private static long pack(float score, int regionSize) {
        int bits = Float.floatToIntBits(score + 0.0f);
        int ordered = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ordered << 32) | (regionSize & 0xffffffffL);
    }

    private static int scoreKey(long entry) {
        return (int) (entry >> 32);
    }

    private static float unpackScore(long entry) {
        int ordered = scoreKey(entry);
        return Float.intBitsToFloat(ordered ^ ((ordered >> 31) & 0x7fffffff));
    }

    private static String describe(Object other) {
        return other == null ? "null" : other.getClass().getSimpleName();
    }
}
