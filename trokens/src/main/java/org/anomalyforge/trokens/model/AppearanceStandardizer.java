package org.anomalyforge.trokens.model;

import org.anomalyforge.trokens.encoders.PatchGrid;

import java.util.Arrays;
import java.util.Collection;

/**
 * Per-dimension standardisation of appearance features for tokens (spec §6.1, "Tokens"): mean and standard
 * deviation computed once over every patch of the training clips and saved with the model, so absolute
 * colour survives (unlike per-clip z-scoring). {@link #identity} leaves features unchanged (ViT profiles).
 *
 * @param mean {@code [A]}
 * @param std  {@code [A]}, each &gt; 0
 */
public record AppearanceStandardizer(float[] mean, float[] std) {

    /** Floor of the standard deviation, so constant dimensions map to 0 instead of dividing by 0. */
    public static final double EPSILON = 1e-6;

    public AppearanceStandardizer {
        if (mean == null || std == null || mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and std must be non-empty and of equal length");
        }
        mean = mean.clone();
        std = std.clone();
        for (int i = 0; i < std.length; i++) {
            if (!(std[i] > 0) || !Float.isFinite(mean[i])) {
                throw new IllegalArgumentException("std[" + i + "] must be > 0 and mean finite, got mean " + mean[i]
                        + ", std " + std[i]);
            }
        }
    }

    /** Mean 0, std 1: no change. */
    public static AppearanceStandardizer identity(int featureDim) {
        float[] ones = new float[featureDim];
        Arrays.fill(ones, 1f);
        return new AppearanceStandardizer(new float[featureDim], ones);
    }

    /** Statistics over every patch of every frame of {@code grids} (all of width A). */
    public static AppearanceStandardizer fit(Collection<PatchGrid> grids) {
        if (grids.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a standardizer without training clips");
        }
        int a = grids.iterator().next().featureDim();
        double[] sum = new double[a];
        double[] sumSq = new double[a];
        long n = 0;
        for (PatchGrid g : grids) {
            if (g.featureDim() != a) {
                throw new IllegalArgumentException("all grids must have featureDim " + a + ", got " + g.featureDim());
            }
            float[] data = g.data();
            for (int i = 0; i < data.length; i++) {
                sum[i % a] += data[i];
                sumSq[i % a] += (double) data[i] * data[i];
            }
            n += data.length / a;
        }
        float[] mean = new float[a];
        float[] std = new float[a];
        for (int i = 0; i < a; i++) {
            double mu = sum[i] / n;
            mean[i] = (float) mu;
            std[i] = (float) Math.max(Math.sqrt(Math.max(sumSq[i] / n - mu * mu, 0)), EPSILON);
        }
        return new AppearanceStandardizer(mean, std);
    }

    /** Feature width A. */
    public int featureDim() {
        return mean.length;
    }

    /** Standardised value of feature {@code a}. */
    public float apply(float value, int a) {
        return (value - mean[a]) / std[a];
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppearanceStandardizer f && Arrays.equals(mean, f.mean) && Arrays.equals(std, f.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "AppearanceStandardizer[A=" + mean.length + "]";
    }
}
