package org.anomalyforge.trokens.sampling;

import java.util.List;

/**
 * Assigns every patch of every clustering frame to the kept centroid with the highest cosine similarity
 * (no spatial term, lowest index on ties), then drops centroids that win nothing (spec §7.3).
 */
public final class CentroidAssignment {

    private CentroidAssignment() {}

    /**
     * @param frames    per clustering frame the patch features {@code [G²][A]} in raster order
     * @param centroids kept centroids {@code [K][A]} from {@link TemporalUnion}
     * @param gridSize  {@code G}
     */
    public static SemanticClusters assign(List<double[][]> frames, double[][] centroids, int gridSize) {
        if (centroids.length == 0) {
            throw new IllegalArgumentException("centroids must not be empty");
        }
        double[][] units = Cosine.units(centroids);
        int[][] raw = new int[frames.size()][];
        for (int f = 0; f < frames.size(); f++) {
            double[][] tokens = frames.get(f);
            raw[f] = new int[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                raw[f][i] = Cosine.argmaxUnit(Cosine.unit(tokens[i]), units);
            }
        }
        return SemanticClusters.fromAssignments(raw, gridSize, centroids.length);
    }
}
