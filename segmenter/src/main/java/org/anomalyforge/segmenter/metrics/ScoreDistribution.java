package org.anomalyforge.segmenter.metrics;

import java.io.Serializable;

/**
 * Accumulated scores with their labels, from which the rank metrics of §7.2 are computed. Two
 * implementations: {@link ExactScoreDistribution} keeps every score (exact mode) and
 * {@link BinnedScoreDistribution} keeps fixed-bin counts (streaming mode, §7.4).
 *
 * <p>A score is added with the size of the ground-truth region it belongs to: 0 for a negative, and
 * {@code |C_k| ≥ 1} for a positive in region C_k. That single int carries both the label and the AUPRO
 * weight 1/|C_k|; image-level callers pass 1 for an anomalous image. Not thread-safe: one instance per
 * task, combined with {@link #merge}.
 */
public interface ScoreDistribution extends Serializable {

    /**
     * Adds one score.
     *
     * @param score the score (a probability in [0, 1] for the binned implementation)
     * @param regionSize 0 for a negative, otherwise the size of the positive's GT region (≥ 1)
     */
    void add(float score, int regionSize);

    /** Adds all scores of {@code other}, which must be the same implementation with the same binning. */
    void merge(ScoreDistribution other);

    /** Removes all scores. */
    void reset();

    /** Number of scores added. */
    long count();

    /** The scores grouped by distinct threshold (exact) or by non-empty bin (binned), decreasing. */
    TieGroups tieGroups();

    /** Checks the region size argument of {@link #add}. */
    static void requireRegionSize(int regionSize) {
        if (regionSize < 0) {
            throw new IllegalArgumentException("regionSize must be >= 0 (0 = negative), got " + regionSize);
        }
    }
}
