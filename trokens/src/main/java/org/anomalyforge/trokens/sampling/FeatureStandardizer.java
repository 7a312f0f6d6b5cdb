package org.anomalyforge.trokens.sampling;

import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.trokens.encoders.PatchGrid;

/**
 * Clustering normalisation of spec §6.1: z-score each feature dimension over all patches of the clip's
 * clustering frames, {@code (x − μ)/(σ + 1e-6)}. Raw descriptors are mostly positive, so without it every
 * cosine would be near 1 and the union threshold would never fire.
 */
public final class FeatureStandardizer {

    /** ε added to the standard deviation. */
    public static final double EPSILON = 1e-6;

    private FeatureStandardizer() {}

    /** @return per clustering frame the standardised tokens {@code [G²][A]} in raster order */
    public static List<double[][]> zScore(PatchGrid grid) {
        int a = grid.featureDim();
        int count = grid.frames() * grid.tokensPerFrame();
        double[] mean = new double[a];
        double[] sq = new double[a];
        float[] data = grid.data();
        for (int i = 0; i < count; i++) {
            for (int d = 0; d < a; d++) {
                double v = data[i * a + d];
                mean[d] += v;
                sq[d] += v * v;
            }
        }
        double[] std = new double[a];
        for (int d = 0; d < a; d++) {
            mean[d] /= count;
            std[d] = Math.sqrt(Math.max(0, sq[d] / count - mean[d] * mean[d]));
        }
        List<double[][]> out = new ArrayList<>(grid.frames());
        for (int f = 0; f < grid.frames(); f++) {
            double[][] tokens = new double[grid.tokensPerFrame()][a];
            int base = grid.offset(f, 0, 0);
            for (int i = 0; i < tokens.length; i++) {
                for (int d = 0; d < a; d++) {
                    tokens[i][d] = (data[base + i * a + d] - mean[d]) / (std[d] + EPSILON);
                }
            }
            out.add(tokens);
        }
        return out;
    }

    /** Unstandardised tokens as doubles (for raw ViT features in KMEANS mode). */
    public static List<double[][]> raw(PatchGrid grid) {
        List<double[][]> out = new ArrayList<>(grid.frames());
        for (int f = 0; f < grid.frames(); f++) {
            float[][] t = grid.tokens(f);
            double[][] d = new double[t.length][grid.featureDim()];
            for (int i = 0; i < t.length; i++) {
                for (int j = 0; j < t[i].length; j++) {
                    d[i][j] = t[i][j];
                }
            }
            out.add(d);
        }
        return out;
    }
}
