package org.anomalyforge.generator.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * IC-D, the intra-cluster diversity of seas.md §11.2 steps 2–5, with any distance d.
 *
 * <ol>
 *   <li>Generated images are taken in generation order. Each joins the cluster of its nearest reference image
 *       (ties: the lower reference index).</li>
 *   <li>A cluster holds at most {@code cap} members (140, as the original IC-LPIPS). An image whose nearest
 *       cluster is full joins the nearest cluster that still has room, trying references in increasing
 *       distance. When every cluster is full the image joins none and is counted in {@code unassigned}.</li>
 *   <li>A cluster's value is the mean of d over its ordered pairs i ≠ j; d is symmetric, so each unordered pair
 *       is evaluated once and the mean is the same. Clusters with at most one member have value 0.</li>
 *   <li>IC-D is the mean of the values over all clusters (one per reference image). The second number is the
 *       mean over the non-empty clusters only (at least one member; a singleton still counts 0), or null when
 *       every cluster is empty.</li>
 * </ol>
 */
public final class IntraClusterDiversity {

    /** The original's IC-LPIPS cluster cap. */
    public static final int DEFAULT_CAP = 140;

    /**
     * @param icd                   mean over all clusters (empty and singleton clusters count 0)
     * @param icdNonEmptyClusters   mean over clusters with at least one member; null when none has
     * @param cap                   the cluster cap used
     * @param clusterSizes          members per reference image
     * @param clusterMeans          mean pair distance per cluster (0 for clusters with at most one member)
     * @param assignment            per generated image (generation order), its cluster, or −1 if unassigned
     * @param unassigned            images left out because every cluster was full
     */
    public record Result(double icd, Double icdNonEmptyClusters, int cap, List<Integer> clusterSizes,
                         List<Double> clusterMeans, List<Integer> assignment, int unassigned) {
        public Result {
            clusterSizes = List.copyOf(clusterSizes);
            clusterMeans = List.copyOf(clusterMeans);
            assignment = List.copyOf(assignment);
        }
    }

    private IntraClusterDiversity() {}

    public static Result compute(ImageDistances d) {
        return compute(d, DEFAULT_CAP);
    }

    public static Result compute(ImageDistances d, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cluster cap must be at least 1, got " + cap);
        }
        int refs = d.referenceCount();
        int[] assignment = assign(d, cap);
        List<List<Integer>> members = new ArrayList<>();
        for (int r = 0; r < refs; r++) {
            members.add(new ArrayList<>());
        }
        int unassigned = 0;
        for (int i = 0; i < assignment.length; i++) {
            if (assignment[i] < 0) {
                unassigned++;
            } else {
                members.get(assignment[i]).add(i);
            }
        }
        // All within-cluster pairs as one flat list, evaluated in parallel, summed in a fixed order.
        List<int[]> pairs = new ArrayList<>();
        for (List<Integer> m : members) {
            for (int a = 0; a < m.size(); a++) {
                for (int b = a + 1; b < m.size(); b++) {
                    pairs.add(new int[] {m.get(a), m.get(b)});
                }
            }
        }
        double[] pd = new double[pairs.size()];
        IntStream.range(0, pd.length).parallel()
                .forEach(k -> pd[k] = d.betweenGenerated(pairs.get(k)[0], pairs.get(k)[1]));

        List<Integer> sizes = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        int k = 0;
        double total = 0;
        double nonEmptyTotal = 0;
        int nonEmpty = 0;
        for (List<Integer> m : members) {
            int n = m.size();
            long unordered = (long) n * (n - 1) / 2;
            double sum = 0;
            for (long p = 0; p < unordered; p++) {
                sum += pd[k++];
            }
            double mean = n <= 1 ? 0 : sum / unordered;
            sizes.add(n);
            means.add(mean);
            total += mean;
            if (n > 0) {
                nonEmptyTotal += mean;
                nonEmpty++;
            }
        }
        return new Result(total / refs, nonEmpty == 0 ? null : nonEmptyTotal / nonEmpty, cap, sizes, means,
                Arrays.stream(assignment).boxed().toList(), unassigned);
    }

    /** Cluster per generated image in generation order, or −1 when every cluster is full. */
    private static int[] assign(ImageDistances d, int cap) {
        int refs = d.referenceCount();
        int[] size = new int[refs];
        int[] assignment = new int[d.generatedCount()];
        for (int i = 0; i < assignment.length; i++) {
            int gi = i;
            Integer[] order = IntStream.range(0, refs).boxed().toArray(Integer[]::new);
            Arrays.sort(order, (a, b) -> {
                int c = Double.compare(d.toReference(gi, a), d.toReference(gi, b));
                return c != 0 ? c : Integer.compare(a, b);
            });
            assignment[i] = -1;
            for (int r : order) {
                if (size[r] < cap) {
                    assignment[i] = r;
                    size[r]++;
                    break;
                }
            }
        }
        return assignment;
    }
}
