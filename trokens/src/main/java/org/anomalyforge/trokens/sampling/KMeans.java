package org.anomalyforge.trokens.sampling;

/**
 * Euclidean k-means with seeded k-means++ initialisation and Lloyd iterations (spec §7.3, §7.4).
 * Assignment ties go to the lowest centroid index.
 *
 * @param k             number of centroids, ≥ 1
 * @param maxIterations Lloyd iterations at most
 * @param shiftTolerance stop when the largest centroid shift is below this; 0 means "stop only when no
 *                       assignment changes" (§7.3)
 */
public record KMeans(int k, int maxIterations, double shiftTolerance) {

    /** Result: centroids {@code [k'][D]} and each point's centroid; {@code k' ≤ k} after dropping empties. */
    public record Fit(double[][] centroids, int[] assignment, int iterations) {}

    public KMeans {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(shiftTolerance >= 0)) {
            throw new IllegalArgumentException("shiftTolerance must be >= 0, got " + shiftTolerance);
        }
    }

    /**
     * Fits {@code min(k, n)} centroids; centroids that end empty are dropped and the assignment renumbered.
     *
     * @param points {@code [n][D]}, n ≥ 1
     */
    public Fit fit(double[][] points, SplitMix64 rng) {
        if (points.length == 0) {
            throw new IllegalArgumentException("k-means needs at least one point");
        }
        double[][] centroids = initialise(points, Math.min(k, points.length), rng);
        int[] assignment = new int[points.length];
        java.util.Arrays.fill(assignment, -1);
        int iterations = 0;
        while (iterations < maxIterations) {
            iterations++;
            boolean changed = assign(points, centroids, assignment);
            double shift = update(points, centroids, assignment);
            if (!changed || (shiftTolerance > 0 && shift < shiftTolerance)) {
                break;
            }
        }
        assign(points, centroids, assignment);
        return dropEmpty(centroids, assignment, iterations);
    }

    /** Index of the nearest centroid (lowest index on ties). */
    public static int nearest(double[] p, double[][] centroids) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = squaredDistance(p, centroids[c]);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    private static double[][] initialise(double[][] points, int count, SplitMix64 rng) {
        double[][] centroids = new double[count][];
        centroids[0] = points[rng.nextInt(points.length)].clone();
        double[] d2 = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            d2[i] = squaredDistance(points[i], centroids[0]);
        }
        for (int c = 1; c < count; c++) {
            double total = 0;
            for (double d : d2) {
                total += d;
            }
            int chosen;
            if (total <= 0) {
                chosen = rng.nextInt(points.length);
            } else {
                double target = rng.nextDouble() * total;
                chosen = points.length - 1;
                double acc = 0;
                for (int i = 0; i < points.length; i++) {
                    acc += d2[i];
                    if (acc > target && d2[i] > 0) {
                        chosen = i;
                        break;
                    }
                }
            }
            centroids[c] = points[chosen].clone();
            for (int i = 0; i < points.length; i++) {
                d2[i] = Math.min(d2[i], squaredDistance(points[i], centroids[c]));
            }
        }
        return centroids;
    }

    private static boolean assign(double[][] points, double[][] centroids, int[] assignment) {
        boolean changed = false;
        for (int i = 0; i < points.length; i++) {
            int c = nearest(points[i], centroids);
            if (c != assignment[i]) {
                assignment[i] = c;
                changed = true;
            }
        }
        return changed;
    }

    /** Moves every non-empty centroid to its members' mean; returns the largest shift (Euclidean). */
    private static double update(double[][] points, double[][] centroids, int[] assignment) {
        int dim = points[0].length;
        double[][] sums = new double[centroids.length][dim];
        int[] counts = new int[centroids.length];
        for (int i = 0; i < points.length; i++) {
            counts[assignment[i]]++;
            for (int d = 0; d < dim; d++) {
                sums[assignment[i]][d] += points[i][d];
            }
        }
        double maxShift = 0;
        for (int c = 0; c < centroids.length; c++) {
            if (counts[c] == 0) {
                continue;
            }
            double[] next = new double[dim];
            for (int d = 0; d < dim; d++) {
                next[d] = sums[c][d] / counts[c];
            }
            maxShift = Math.max(maxShift, Math.sqrt(squaredDistance(next, centroids[c])));
            centroids[c] = next;
        }
        return maxShift;
    }

    private static Fit dropEmpty(double[][] centroids, int[] assignment, int iterations) {
        int[] counts = new int[centroids.length];
        for (int a : assignment) {
            counts[a]++;
        }
        int[] remap = new int[centroids.length];
        int kept = 0;
        for (int c = 0; c < centroids.length; c++) {
            remap[c] = counts[c] > 0 ? kept++ : -1;
        }
        double[][] out = new double[kept][];
        for (int c = 0; c < centroids.length; c++) {
            if (remap[c] >= 0) {
                out[remap[c]] = centroids[c];
            }
        }
        int[] renumbered = new int[assignment.length];
        for (int i = 0; i < assignment.length; i++) {
            renumbered[i] = remap[assignment[i]];
        }
        return new Fit(out, renumbered, iterations);
    }
}
