package org.anomalyforge.trokens.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Bipartite token merging per clustering frame (spec §7.1): rounds of ratio 0.25 reduce 256 raster-order
 * tokens to 12 centroids (256→192→…→16→12 in eleven rounds). Stateless.
 *
 * @param ratio  fraction of tokens merged per round, {@code r = floor(ratio·n)}, in (0, 0.5]
 * @param rounds number of rounds, ≥ 0
 */
public record BipartiteMerger(double ratio, int rounds) {

    /** The spec's configuration: 11 rounds at 0.25. */
    public static final BipartiteMerger DEFAULT = new BipartiteMerger(0.25, 11);

    public BipartiteMerger {
        if (!(ratio > 0 && ratio <= 0.5)) {
            throw new IllegalArgumentException("merge ratio must be in (0, 0.5], got " + ratio);
        }
        if (rounds < 0) {
            throw new IllegalArgumentException("merge rounds must be >= 0, got " + rounds);
        }
    }

    /**
     * Runs all rounds.
     *
     * @param tokens {@code [n][A]} in raster order (not modified)
     * @return the centroid vectors {@code [n'][A]} in final sequence order
     */
    public double[][] merge(double[][] tokens) {
        double[][] seq = tokens;
        for (int i = 0; i < rounds; i++) {
            seq = mergeRound(seq);
        }
        return seq == tokens ? copy(tokens) : seq;
    }

    /**
     * One round: A = even positions, B = odd; each A token's best B (lowest B index on ties); A stably sorted
     * by that similarity, descending; the first {@code r} merge into their B as the unweighted mean of the old
     * B and all A merged into it; result = unmerged A in sorted order, then all B in order.
     *
     * @param seq {@code [n][A]}
     * @return {@code [n − r][A]}
     */
    public double[][] mergeRound(double[][] seq) {
        int n = seq.length;
        int r = (int) Math.floor(ratio * n);
        if (r == 0) {
            return copy(seq);
        }
        int aCount = (n + 1) / 2;
        int bCount = n / 2;
        int[] bestB = new int[aCount];
        double[] bestSim = new double[aCount];
        double[][] unitB = new double[bCount][];
        for (int b = 0; b < bCount; b++) {
            unitB[b] = Cosine.unit(seq[2 * b + 1]);
        }
        for (int a = 0; a < aCount; a++) {
            double[] va = Cosine.unit(seq[2 * a]);
            bestB[a] = 0;
            bestSim[a] = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < bCount; b++) {
                double s = Cosine.dot(va, unitB[b]);
                if (s > bestSim[a]) {
                    bestSim[a] = s;
                    bestB[a] = b;
                }
            }
        }
        Integer[] order = new Integer[aCount];
        for (int a = 0; a < aCount; a++) {
            order[a] = a;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer a) -> -bestSim[a]));
        List<List<double[]>> mergedInto = new ArrayList<>(bCount);
        for (int b = 0; b < bCount; b++) {
            mergedInto.add(new ArrayList<>());
        }
        for (int i = 0; i < r; i++) {
            int a = order[i];
            mergedInto.get(bestB[a]).add(seq[2 * a]);
        }
        double[][] out = new double[n - r][];
        int k = 0;
        for (int i = r; i < aCount; i++) {
            out[k++] = seq[2 * order[i]].clone();
        }
        for (int b = 0; b < bCount; b++) {
            out[k++] = mean(seq[2 * b + 1], mergedInto.get(b));
        }
        return out;
    }

    private static double[] mean(double[] base, List<double[]> merged) {
        double[] m = base.clone();
        if (merged.isEmpty()) {
            return m;
        }
        for (double[] v : merged) {
            for (int i = 0; i < m.length; i++) {
                m[i] += v[i];
            }
        }
        for (int i = 0; i < m.length; i++) {
            m[i] /= merged.size() + 1;
        }
        return m;
    }

    private static double[][] copy(double[][] seq) {
        double[][] out = new double[seq.length][];
        for (int i = 0; i < seq.length; i++) {
            out[i] = seq[i].clone();
        }
        return out;
    }
}
