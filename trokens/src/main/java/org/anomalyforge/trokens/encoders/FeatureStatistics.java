package org.anomalyforge.trokens.encoders;

import java.util.Arrays;
import java.util.List;

/**
 * Per-dimension mean and standard deviation of encoder features over a set of clips: the token
 * normalisation of spec §6.1, computed once over the training clips and saved with the model, so absolute
 * colour (a red part vs a blue part) survives — unlike the per-clip z-score used for clustering.
 *
 * @param mean {@code [A]}
 * @param std  {@code [A]}, each ≥ 0
 */
public record FeatureStatistics(float[] mean, float[] std) {

    /** Added to the standard deviation when standardising. */
    public static final double EPSILON = 1e-6;

    public FeatureStatistics {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and std must have the same non-zero length, got " + mean.length
                    + " and " + std.length);
        }
    }

    /** Statistics over every patch of every frame of {@code grids} (all with the same feature width). */
    public static FeatureStatistics of(List<PatchGrid> grids) {
        if (grids.isEmpty()) {
            throw new IllegalArgumentException("feature statistics need at least one patch grid");
        }
        int a = grids.get(0).featureDim();
        double[] sum = new double[a];
        double[] sq = new double[a];
        long count = 0;
        for (PatchGrid g : grids) {
            if (g.featureDim() != a) {
                throw new IllegalArgumentException("all grids must have feature width " + a + ", got " + g.featureDim());
            }
            float[] d = g.data();
            for (int i = 0; i < d.length; i++) {
                sum[i % a] += d[i];
                sq[i % a] += (double) d[i] * d[i];
            }
            count += d.length / a;
        }
        float[] mean = new float[a];
        float[] std = new float[a];
        for (int k = 0; k < a; k++) {
            double m = sum[k] / count;
            mean[k] = (float) m;
            std[k] = (float) Math.sqrt(Math.max(0, sq[k] / count - m * m));
        }
        return new FeatureStatistics(mean, std);
    }

    /** {@code (x − mean)/(std + 1e-6)} per dimension; a new grid of the same shape. */
    public PatchGrid standardise(PatchGrid grid) {
        int a = grid.featureDim();
        if (a != mean.length) {
            throw new IllegalArgumentException("grid feature width " + a + " does not match statistics width "
                    + mean.length);
        }
        float[] d = grid.data();
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            int k = i % a;
            out[i] = (float) ((d[i] - mean[k]) / (std[k] + EPSILON));
        }
        return new PatchGrid(grid.frames(), grid.gridSize(), a, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureStatistics other && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }
}
