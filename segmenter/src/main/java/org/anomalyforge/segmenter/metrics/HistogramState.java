package org.anomalyforge.segmenter.metrics;

import java.io.Serializable;

/**
 * The plain-array state of a {@link BinnedScoreDistribution}, for shipping between Spark tasks or saving.
 * All arrays have length K. {@code minScore}/{@code maxScore} hold each bin's smallest/largest score
 * (+∞/−∞ when empty), so a bin holding one distinct value is known to be an exact tie group (§7.4 bounds).
 *
 * @param positives positive count per bin
 * @param negatives negative count per bin
 * @param proMass per bin, Σ 1/|C_k| over the positive pixels in it (AUPRO, §7.4)
 * @param minScore smallest score per bin
 * @param maxScore largest score per bin
 */
public record HistogramState(
        long[] positives, long[] negatives, double[] proMass, float[] minScore, float[] maxScore)
        implements Serializable {

    /** Checks that every array is present and has the same length. */
    public HistogramState {
        if (positives == null || negatives == null || proMass == null || minScore == null || maxScore == null) {
            throw new IllegalArgumentException("histogram state arrays must not be null");
        }
        int k = positives.length;
        if (negatives.length != k || proMass.length != k || minScore.length != k || maxScore.length != k) {
            throw new IllegalArgumentException(
                    "histogram state arrays must all have length " + k + ", got negatives=" + negatives.length
                            + ", proMass=" + proMass.length + ", minScore=" + minScore.length
                            + ", maxScore=" + maxScore.length);
        }
    }
}
