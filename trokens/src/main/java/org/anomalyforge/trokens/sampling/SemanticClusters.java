package org.anomalyforge.trokens.sampling;

import java.util.Arrays;

/**
 * Patch labels of a clip's clustering frames and each cluster's peak frame (spec §7.3).
 *
 * @param labels     {@code [F'][G²]} cluster id of every patch (raster order), ids {@code 0..K−1}
 * @param gridSize   {@code G}
 * @param clusters   {@code K}: only centroids that win at least one patch survive, renumbered in creation order
 * @param peakFrames {@code [K]} clustering-frame index where the cluster covers the most patches (first on ties)
 * @param peakCounts {@code [K]} patches the cluster covers at its peak frame
 */
public record SemanticClusters(int[][] labels, int gridSize, int clusters, int[] peakFrames, int[] peakCounts) {

    public SemanticClusters {
        if (peakFrames.length != clusters || peakCounts.length != clusters) {
            throw new IllegalArgumentException("peakFrames and peakCounts must have " + clusters + " entries");
        }
    }

    /**
     * Labels raw per-patch assignments: drops ids that win no patch, renumbers the rest in order and finds
     * peak frames.
     *
     * @param rawLabels {@code [F'][G²]} ids in {@code 0..rawClusters−1}
     */
    public static SemanticClusters fromAssignments(int[][] rawLabels, int gridSize, int rawClusters) {
        int frames = rawLabels.length;
        int[][] counts = new int[rawClusters][frames];
        for (int f = 0; f < frames; f++) {
            for (int id : rawLabels[f]) {
                counts[id][f]++;
            }
        }
        int[] remap = new int[rawClusters];
        int k = 0;
        for (int c = 0; c < rawClusters; c++) {
            remap[c] = Arrays.stream(counts[c]).sum() > 0 ? k++ : -1;
        }
        int[] peakFrames = new int[k];
        int[] peakCounts = new int[k];
        for (int c = 0; c < rawClusters; c++) {
            if (remap[c] < 0) {
                continue;
            }
            int best = 0;
            for (int f = 1; f < frames; f++) {
                if (counts[c][f] > counts[c][best]) {
                    best = f;
                }
            }
            peakFrames[remap[c]] = best;
            peakCounts[remap[c]] = counts[c][best];
        }
        int[][] labels = new int[frames][];
        for (int f = 0; f < frames; f++) {
            labels[f] = Arrays.stream(rawLabels[f]).map(id -> remap[id]).toArray();
        }
        return new SemanticClusters(labels, gridSize, k, peakFrames, peakCounts);
    }

    /** Cluster {@code c}'s {@code G × G} mask at clustering frame {@code f}, raster order. */
    public boolean[] mask(int c, int f) {
        boolean[] m = new boolean[labels[f].length];
        for (int i = 0; i < m.length; i++) {
            m[i] = labels[f][i] == c;
        }
        return m;
    }
}
