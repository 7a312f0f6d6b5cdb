package org.anomalyforge.trokens.encoders.dinov2;

/**
 * Resizes a ViT position table {@code [1 + P², D]} to {@code [1 + G², D]} (spec §6.2): the CLS row is kept,
 * the {@code P × P} grid is resampled with PyTorch-compatible bicubic interpolation (A = −0.75,
 * {@code align_corners = false}, no antialias, size-based mapping {@code src = (dst + 0.5)·P/G − 0.5},
 * border taps clamped), as current Hugging Face {@code interpolate_pos_encoding} does. Separable: rows,
 * then columns, in double precision.
 */
final class PositionEmbeddingResize {

    private static final double A = -0.75;

    private PositionEmbeddingResize() {}

    /**
     * @param table  {@code (1 + from²)·width} values, row-major {@code [rows, D]}
     * @param from   source grid side P
     * @param to     target grid side G
     * @param width  D
     * @return {@code (1 + to²)·width} values
     */
    static float[] resize(float[] table, int from, int to, int width) {
        if (table.length != (1 + from * from) * width) {
            throw new IllegalArgumentException("position table must hold (1 + " + from + "²)·" + width + " = "
                    + (1 + from * from) * width + " values, got " + table.length);
        }
        float[] out = new float[(1 + to * to) * width];
        System.arraycopy(table, 0, out, 0, width);
        if (from == to) {
            System.arraycopy(table, width, out, width, from * from * width);
            return out;
        }
        double[][] weights = new double[to][4];
        int[][] taps = new int[to][4];
        for (int o = 0; o < to; o++) {
            double src = (o + 0.5) * from / to - 0.5;
            int base = (int) Math.floor(src);
            double t = src - base;
            weights[o] = coefficients(t);
            for (int k = 0; k < 4; k++) {
                taps[o][k] = Math.min(Math.max(base - 1 + k, 0), from - 1);
            }
        }
        // along x: [from rows][to cols][D]
        double[] mid = new double[from * to * width];
        for (int y = 0; y < from; y++) {
            for (int ox = 0; ox < to; ox++) {
                for (int k = 0; k < 4; k++) {
                    int src = width * (1 + y * from + taps[ox][k]);
                    double w = weights[ox][k];
                    int dst = (y * to + ox) * width;
                    for (int c = 0; c < width; c++) {
                        mid[dst + c] += w * table[src + c];
                    }
                }
            }
        }
        // along y: [to rows][to cols][D]
        for (int oy = 0; oy < to; oy++) {
            for (int ox = 0; ox < to; ox++) {
                int dst = width * (1 + oy * to + ox);
                for (int c = 0; c < width; c++) {
                    double sum = 0;
                    for (int k = 0; k < 4; k++) {
                        sum += weights[oy][k] * mid[(taps[oy][k] * to + ox) * width + c];
                    }
                    out[dst + c] = (float) sum;
                }
            }
        }
        return out;
    }

    /** PyTorch's {@code get_cubic_upsample_coefficients(t)} for taps at offsets −1, 0, 1, 2. */
    static double[] coefficients(double t) {
        return new double[] {outer(t + 1), inner(t), inner(1 - t), outer(2 - t)};
    }

    private static double inner(double x) {
        return ((A + 2) * x - (A + 3)) * x * x + 1;
    }

    private static double outer(double x) {
        return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
    }
}
