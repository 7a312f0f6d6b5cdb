package org.anomalyforge.trokens.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.anomalyforge.trokens.tracks.QueryPoint;

/**
 * Chooses {@code M} of {@code N} candidate points, balanced over clusters (spec §7.6).
 * <ul>
 *   <li>{@code K_cl ≥ M}: {@code M} clusters without replacement weighted by {@code n_c}
 *       (Efraimidis–Spirakis keys {@code log(u)/n_c}), one random point from each;</li>
 *   <li>otherwise quotas {@code q_c = 1 + floor((M − K_cl)·n_c/N)}, leftover by largest fractional remainder
 *       (ties: cluster order); {@code min(q_c, n_c)} distinct points per cluster (partial Fisher–Yates), the
 *       rest padding duplicates of randomly chosen drawn points.</li>
 * </ul>
 * Canonical order: clusters by peak frame, then input (creation) order; within a cluster raster order (y, then
 * x); all padding duplicates last.
 */
public final class PointSelector {

    private PointSelector() {}

    /**
     * Per-cluster quotas when {@code K_cl < M} (exact integer arithmetic).
     *
     * @param sizes {@code n_c} per cluster, each ≥ 1
     */
    public static int[] quotas(int[] sizes, int m) {
        int k = sizes.length;
        if (k == 0 || k >= m) {
            throw new IllegalArgumentException("quotas need 0 < clusters < M, got " + k + " clusters for M = " + m);
        }
        long n = Arrays.stream(sizes).asLongStream().sum();
        long extra = m - k;
        int[] q = new int[k];
        long[] remainder = new long[k];
        int assigned = 0;
        for (int c = 0; c < k; c++) {
            q[c] = 1 + (int) (extra * sizes[c] / n);
            remainder[c] = extra * sizes[c] % n;
            assigned += q[c];
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, Comparator.comparingLong((Integer c) -> -remainder[c]));
        for (int i = 0; assigned < m; i++, assigned++) {
            q[order[i % k]]++;
        }
        return q;
    }

    /**
     * @param clusters candidate clusters in creation order, at least one
     * @param m        number of slots {@code M ≥ 1}
     * @param rng      consumed in a fixed order, so the same seed gives the same selection
     */
    public static PointSelection select(List<CandidateCluster> clusters, int m, SplitMix64 rng) {
        if (clusters.isEmpty()) {
            throw new IllegalArgumentException("point selection needs at least one candidate cluster");
        }
        if (m < 1) {
            throw new IllegalArgumentException("M must be >= 1, got " + m);
        }
        int k = clusters.size();
        int[] offsets = new int[k];
        int[] sizes = new int[k];
        for (int c = 0, off = 0; c < k; c++) {
            offsets[c] = off;
            sizes[c] = clusters.get(c).size();
            off += sizes[c];
        }
        List<List<Integer>> drawn = new ArrayList<>();
        List<List<Integer>> padded = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            drawn.add(new ArrayList<>());
            padded.add(new ArrayList<>());
        }
        if (k >= m) {
            for (int c : weightedClusters(sizes, m, rng)) {
                drawn.get(c).add(rng.nextInt(sizes[c]));
            }
        } else {
            int[] q = quotas(sizes, m);
            for (int c = 0; c < k; c++) {
                int take = Math.min(q[c], sizes[c]);
                int[] perm = new int[sizes[c]];
                for (int i = 0; i < perm.length; i++) {
                    perm[i] = i;
                }
                for (int i = 0; i < take; i++) {
                    int j = i + rng.nextInt(perm.length - i);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                    drawn.get(c).add(perm[i]);
                }
                for (int i = take; i < q[c]; i++) {
                    padded.get(c).add(drawn.get(c).get(rng.nextInt(take)));
                }
            }
        }
        return canonical(clusters, offsets, drawn, padded);
    }

    /** Cluster indices chosen by Efraimidis–Spirakis keys, returned in ascending cluster order. */
    private static int[] weightedClusters(int[] sizes, int m, SplitMix64 rng) {
        double[] keys = new double[sizes.length];
        Integer[] order = new Integer[sizes.length];
        for (int c = 0; c < sizes.length; c++) {
            keys[c] = Math.log(rng.nextOpenDouble()) / sizes[c];
            order[c] = c;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -keys[c]));
        int[] chosen = new int[m];
        for (int i = 0; i < m; i++) {
            chosen[i] = order[i];
        }
        Arrays.sort(chosen);
        return chosen;
    }

    private static PointSelection canonical(List<CandidateCluster> clusters, int[] offsets,
                                            List<List<Integer>> drawn, List<List<Integer>> padded) {
        Integer[] clusterOrder = new Integer[clusters.size()];
        for (int c = 0; c < clusterOrder.length; c++) {
            clusterOrder[c] = c;
        }
        Arrays.sort(clusterOrder, Comparator.comparingInt((Integer c) -> clusters.get(c).peakFrame()));
        List<QueryPoint> points = new ArrayList<>();
        List<Integer> clusterIds = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        List<Boolean> padding = new ArrayList<>();
        for (int c : clusterOrder) {
            List<QueryPoint> cand = clusters.get(c).points();
            List<Integer> mine = new ArrayList<>(drawn.get(c));
            mine.sort(Comparator.comparingDouble((Integer i) -> cand.get(i).y())
                    .thenComparingDouble(i -> cand.get(i).x()));
            for (int i : mine) {
                points.add(cand.get(i));
                clusterIds.add(clusters.get(c).id());
                sources.add(offsets[c] + i);
                padding.add(false);
            }
        }
        for (int c : clusterOrder) {
            for (int i : padded.get(c)) {
                points.add(clusters.get(c).points().get(i));
                clusterIds.add(clusters.get(c).id());
                sources.add(offsets[c] + i);
                padding.add(true);
            }
        }
        boolean[] pad = new boolean[padding.size()];
        for (int i = 0; i < pad.length; i++) {
            pad[i] = padding.get(i);
        }
        return new PointSelection(points, clusterIds.stream().mapToInt(Integer::intValue).toArray(), pad,
                sources.stream().mapToInt(Integer::intValue).toArray());
    }
}
