package org.anomalyforge.trokens.tokens;

/**
 * Histogram of displacements, intra-trajectory motion (spec §9.1). For one trajectory in motion coordinates
 * at {@code T} model frames: {@code d_t = p_{t+1} − p_t}, {@code m_t = ‖d_t‖}, angle position
 * {@code a_t = (atan2(d_y, d_x)/π + 1)/2}, {@code b = 32·a}, {@code k = floor(b)}, {@code f = b − k}; bin
 * {@code k mod 32} gets {@code m·(1 − f)} and bin {@code (k+1) mod 32} gets {@code m·f} (textbook linear
 * interpolation; the reference's swapped weights are discontinuous). Bin k is centred at {@code −π + k·π/16};
 * with y down, bin 0 = left, 8 = up, 16 = right, 24 = down.
 */
public final class HodDescriptor {

    /** Angle bins. */
    public static final int BINS = 32;

    private HodDescriptor() {}

    /**
     * Soft histogram of one displacement.
     *
     * @return {@code [32]}
     */
    public static double[] histogram(double dx, double dy) {
        double[] h = new double[BINS];
        double m = Math.hypot(dx, dy);
        if (m == 0) {
            return h;
        }
        double a = (Math.atan2(dy, dx) / Math.PI + 1) / 2;
        double b = BINS * a;
        int k = (int) Math.floor(b);
        double f = b - k;
        h[Math.floorMod(k, BINS)] += m * (1 - f);
        h[Math.floorMod(k + 1, BINS)] += m * f;
        return h;
    }

    /**
     * Per-frame HoD: row 0 is zero, row {@code t+1} is the histogram of {@code d_t}.
     *
     * @param u {@code [T]} motion-coordinate x
     * @param v {@code [T]} motion-coordinate y
     * @return {@code [T][32]}
     */
    public static double[][] perFrame(double[] u, double[] v) {
        if (u.length != v.length) {
            throw new IllegalArgumentException("u and v must have equal length, got " + u.length + " and " + v.length);
        }
        double[][] rows = new double[u.length][];
        if (u.length > 0) {
            rows[0] = new double[BINS];
        }
        for (int t = 0; t + 1 < u.length; t++) {
            rows[t + 1] = histogram(u[t + 1] - u[t], v[t + 1] - v[t]);
        }
        return rows;
    }

    /**
     * Temporal pyramid over per-frame rows: level 1 sums all rows, level 2 the two halves, level 3 the four
     * quarters, chunk boundaries {@code floor(i·T/2^{l−1})}.
     *
     * @param rows {@code [T][32]}
     * @return {@code [7·32 = 224]}: chunks in order {all}, {half 1, half 2}, {quarters 1..4}
     */
    public static double[] pyramid(double[][] rows) {
        int t = rows.length;
        double[] out = new double[7 * BINS];
        int chunk = 0;
        for (int level = 0; level < 3; level++) {
            int parts = 1 << level;
            for (int i = 0; i < parts; i++, chunk++) {
                int start = (int) ((long) i * t / parts);
                int end = (int) ((long) (i + 1) * t / parts);
                for (int r = start; r < end; r++) {
                    for (int k = 0; k < BINS; k++) {
                        out[chunk * BINS + k] += rows[r][k];
                    }
                }
            }
        }
        return out;
    }

    /**
     * HoD tokens of one trajectory in the given mode.
     *
     * @return {@code [T][mode.width()]}
     */
    public static float[][] tokens(double[] u, double[] v, HodMode mode) {
        double[][] rows = perFrame(u, v);
        double[] pyramid = mode == HodMode.PER_FRAME ? null : pyramid(rows);
        float[][] out = new float[rows.length][mode.width()];
        for (int t = 0; t < rows.length; t++) {
            int off = 0;
            if (mode != HodMode.PYRAMID) {
                for (int k = 0; k < BINS; k++) {
                    out[t][k] = (float) rows[t][k];
                }
                off = BINS;
            }
            if (pyramid != null) {
                for (int k = 0; k < pyramid.length; k++) {
                    out[t][off + k] = (float) pyramid[k];
                }
            }
        }
        return out;
    }
}
