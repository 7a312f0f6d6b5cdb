package org.anomalyforge.trokens.sampling;

import java.util.ArrayList;
import java.util.List;

/**
 * Temporal union of per-frame centroids (spec §7.2): keep all centroids of the first frame, then, frame by
 * frame and in sequence order, add a centroid if its maximum cosine similarity to every centroid kept so far
 * (including ones just added from the same frame) is below {@code threshold}.
 *
 * @param threshold union threshold (0.2 by default; configurable per encoder)
 */
public record TemporalUnion(double threshold) {

    /** The spec's threshold, 0.2. */
    public static final TemporalUnion DEFAULT = new TemporalUnion(0.2);

    public TemporalUnion {
        if (!(threshold >= -1 && threshold <= 1)) {
            throw new IllegalArgumentException("union threshold must be in [-1, 1], got " + threshold);
        }
    }

    /**
     * @param perFrame centroids per clustering frame, {@code [F'][k_f][A]}
     * @return the kept centroids {@code [K][A]} in creation order
     */
    public double[][] union(List<double[][]> perFrame) {
        List<double[]> kept = new ArrayList<>();
        for (int f = 0; f < perFrame.size(); f++) {
            for (double[] c : perFrame.get(f)) {
                if (f == 0 || maxSimilarity(c, kept) < threshold) {
                    kept.add(c.clone());
                }
            }
        }
        return kept.toArray(new double[0][]);
    }

    private static double maxSimilarity(double[] c, List<double[]> kept) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] k : kept) {
            max = Math.max(max, Cosine.similarity(c, k));
        }
        return max;
    }
}
