package org.anomalyforge.trokens.tokens;

/**
 * Relational (inter-trajectory) descriptor (spec §9.2): for point n at frame t,
 * {@code R[t, n] = concat_j (p_n(t) − p_j(t))·v_n(t)·v_j(t)} ∈ R^{2M}, laid out {@code [dx_0, dy_0, dx_1, …]}
 * in slot order, j = n included (always zero). Relative position at the same frame, not a difference of
 * displacements. Non-finite positions count as invisible.
 */
public final class RelationalDescriptor {

    private RelationalDescriptor() {}

    /**
     * @param u       {@code [M][T]} motion-coordinate x
     * @param v       {@code [M][T]} motion-coordinate y
     * @param visible {@code [M][T]}
     * @return {@code [M][T][2M]}
     */
    public static float[][][] compute(double[][] u, double[][] v, boolean[][] visible) {
        int m = u.length;
        if (v.length != m || visible.length != m) {
            throw new IllegalArgumentException("u, v and visible must all have M = " + m + " rows, got " + v.length
                    + " and " + visible.length);
        }
        int frames = m == 0 ? 0 : u[0].length;
        float[][][] out = new float[m][frames][2 * m];
        for (int t = 0; t < frames; t++) {
            for (int n = 0; n < m; n++) {
                if (!usable(u, v, visible, n, t)) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    if (usable(u, v, visible, j, t)) {
                        out[n][t][2 * j] = (float) (u[n][t] - u[j][t]);
                        out[n][t][2 * j + 1] = (float) (v[n][t] - v[j][t]);
                    }
                }
            }
        }
        return out;
    }

    private static boolean usable(double[][] u, double[][] v, boolean[][] visible, int n, int t) {
        return visible[n][t] && Double.isFinite(u[n][t]) && Double.isFinite(v[n][t]);
    }
}
