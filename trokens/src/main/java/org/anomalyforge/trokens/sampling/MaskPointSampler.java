package org.anomalyforge.trokens.sampling;

import java.util.ArrayList;
import java.util.List;

/**
 * Spreads up to {@code pointsPerCluster} query pixels over a cluster's patch mask at tracking resolution
 * (spec §7.3): the {@code G × G} mask is upsampled with the membership rule pixel (x, y) ∈ patch
 * (⌊(y+0.5)·G/H⌋, ⌊(x+0.5)·G/W⌋); k-means (k = 16, k-means++ from the seeded RNG, Lloyd until no assignment
 * changes, ≤ 100 iterations, fitted on a raster-stride subsample above 4,096 pixels) places centroids; each
 * centroid takes the nearest mask pixel among the pixels assigned to it (ties: raster order). A mask with
 * fewer pixels than points contributes all its pixels.
 *
 * @param pointsPerCluster k, 16 in the spec
 * @param maxFitPixels     subsample above this many pixels (4,096)
 */
public record MaskPointSampler(int pointsPerCluster, int maxFitPixels) {

    /** The spec's values. */
    public static final MaskPointSampler DEFAULT = new MaskPointSampler(16, 4096);

    public MaskPointSampler {
        if (pointsPerCluster < 1 || maxFitPixels < pointsPerCluster) {
            throw new IllegalArgumentException("pointsPerCluster must be >= 1 and maxFitPixels >= pointsPerCluster,"
                    + " got " + pointsPerCluster + " and " + maxFitPixels);
        }
    }

    /**
     * Mask pixels at tracking resolution, raster order.
     *
     * @param gridMask {@code [G²]} raster-order patch mask
     * @return {@code [n][2]} integer (x, y) pixel positions
     */
    public static int[][] maskPixels(boolean[] gridMask, int gridSize, int width, int height) {
        if (gridMask.length != gridSize * gridSize) {
            throw new IllegalArgumentException("grid mask must have G² = " + gridSize * gridSize + " cells, got "
                    + gridMask.length);
        }
        List<int[]> pixels = new ArrayList<>();
        for (int y = 0; y < height; y++) {
            int row = (int) Math.floor((y + 0.5) * gridSize / height);
            for (int x = 0; x < width; x++) {
                int col = (int) Math.floor((x + 0.5) * gridSize / width);
                if (gridMask[row * gridSize + col]) {
                    pixels.add(new int[] {x, y});
                }
            }
        }
        return pixels.toArray(new int[0][]);
    }

    /**
     * @param pixels mask pixels in raster order, {@code [n][2]}
     * @return {@code min(n, pointsPerCluster)} distinct pixels {@code [k][2]}, in centroid order
     */
    public int[][] sample(int[][] pixels, SplitMix64 rng) {
        if (pixels.length <= pointsPerCluster) {
            int[][] all = new int[pixels.length][];
            for (int i = 0; i < pixels.length; i++) {
                all[i] = pixels[i].clone();
            }
            return all;
        }
        int stride = (pixels.length + maxFitPixels - 1) / maxFitPixels;
        double[][] fitPoints = new double[(pixels.length + stride - 1) / stride][];
        for (int i = 0, j = 0; i < pixels.length; i += stride, j++) {
            fitPoints[j] = new double[] {pixels[i][0], pixels[i][1]};
        }
        double[][] centroids = new KMeans(pointsPerCluster, 100, 0).fit(fitPoints, rng).centroids();
        int[] chosen = new int[centroids.length];
        double[] chosenD = new double[centroids.length];
        java.util.Arrays.fill(chosen, -1);
        for (int i = 0; i < pixels.length; i++) {
            double[] p = {pixels[i][0], pixels[i][1]};
            int c = KMeans.nearest(p, centroids);
            double d = KMeans.squaredDistance(p, centroids[c]);
            if (chosen[c] < 0 || d < chosenD[c]) {
                chosen[c] = i;
                chosenD[c] = d;
            }
        }
        List<Integer> picks = new ArrayList<>();
        for (int c : chosen) {
            if (c >= 0) {
                picks.add(c);
            }
        }
        fillFarthest(pixels, picks);
        int[][] out = new int[picks.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = pixels[picks.get(i)].clone();
        }
        return out;
    }

    /**
     * Guarantees {@code pointsPerCluster} distinct points when k-means dropped an empty centroid: adds the mask
     * pixel farthest from the points chosen so far (first in raster order on ties) until enough.
     */
    private void fillFarthest(int[][] pixels, List<Integer> picks) {
        while (picks.size() < pointsPerCluster) {
            int best = -1;
            double bestD = -1;
            for (int i = 0; i < pixels.length; i++) {
                double d = Double.POSITIVE_INFINITY;
                for (int p : picks) {
                    double dx = pixels[i][0] - pixels[p][0];
                    double dy = pixels[i][1] - pixels[p][1];
                    d = Math.min(d, dx * dx + dy * dy);
                }
                if (d > bestD) {
                    bestD = d;
                    best = i;
                }
            }
            picks.add(best);
        }
    }
}
