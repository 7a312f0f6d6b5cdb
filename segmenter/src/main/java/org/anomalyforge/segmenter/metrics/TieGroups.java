package org.anomalyforge.segmenter.metrics;

import java.util.Arrays;

/**
 * Scores grouped by threshold, in decreasing order: group g holds every score equal to (exact mode) or
 * binned with (histogram mode) {@code thresholds[g]}. Every §7.2 metric is a function of these groups,
 * since the prediction at threshold t is [s ≥ t] and a tie group always falls on one side.
 *
 * <p>Per group: the positive and negative counts, the AUPRO mass Σ 1/|C_k| over its positive pixels
 * (§7.3; each positive contributes 1/size of its GT region), and whether the group holds more than one
 * distinct score (only possible for a histogram bin; such a group makes the §7.4 error bounds non-zero).
 * Arrays are owned by this object and never exposed.
 */
public final class TieGroups {

    final double[] thresholds;
    final long[] positives;
    final long[] negatives;
    final double[] proMass;
    final boolean[] spread;
    private final long totalPositives;
    private final long totalNegatives;

    TieGroups(double[] thresholds, long[] positives, long[] negatives, double[] proMass, boolean[] spread) {
        int n = thresholds.length;
        if (positives.length != n || negatives.length != n || proMass.length != n || spread.length != n) {
            throw new IllegalArgumentException(
                    "tie group arrays must all have length " + n + ", got positives=" + positives.length
                            + ", negatives=" + negatives.length + ", proMass=" + proMass.length
                            + ", spread=" + spread.length);
        }
        for (int g = 1; g < n; g++) {
            if (!(thresholds[g] < thresholds[g - 1])) {
                throw new IllegalArgumentException(
                        "thresholds must be strictly decreasing, got " + thresholds[g - 1] + " then "
                                + thresholds[g] + " at group " + g);
            }
        }
        this.thresholds = thresholds;
        this.positives = positives;
        this.negatives = negatives;
        this.proMass = proMass;
        this.spread = spread;
        this.totalPositives = Arrays.stream(positives).sum();
        this.totalNegatives = Arrays.stream(negatives).sum();
    }

    /** Number of groups (distinct thresholds). */
    public int size() {
        return thresholds.length;
    }

    /** P: number of positive scores. */
    public long totalPositives() {
        return totalPositives;
    }

    /** N: number of negative scores. */
    public long totalNegatives() {
        return totalNegatives;
    }

    /** Threshold of group g (its score in exact mode, the bin's lower edge as a probability otherwise). */
    public double threshold(int g) {
        return thresholds[g];
    }

    /** Positives in group g. */
    public long positives(int g) {
        return positives[g];
    }

    /** Negatives in group g. */
    public long negatives(int g) {
        return negatives[g];
    }
}
