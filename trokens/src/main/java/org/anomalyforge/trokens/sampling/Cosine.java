package org.anomalyforge.trokens.sampling;

/** Cosine similarity with the reference's guard: vectors divided by {@code max(‖x‖, 1e-12)}. */
final class Cosine {

    private Cosine() {}

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.max(Math.sqrt(s), 1e-12);
    }

    static double similarity(double[] a, double[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot / (norm(a) * norm(b));
    }

    /** {@code v / max(‖v‖, 1e-12)}: dot products of unit rows are the cosine similarities above. */
    static double[] unit(double[] v) {
        double n = norm(v);
        double[] u = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = v[i] / n;
        }
        return u;
    }

    /** All rows as {@link #unit} vectors. */
    static double[][] units(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = unit(rows[i]);
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Index of the unit row of {@code units} with the largest dot product with unit {@code u} (lowest on ties). */
    static int argmaxUnit(double[] u, double[][] units) {
        int best = -1;
        double bestSim = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < units.length; j++) {
            double s = dot(u, units[j]);
            if (s > bestSim) {
                bestSim = s;
                best = j;
            }
        }
        return best;
    }
}
