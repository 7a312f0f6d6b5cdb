package org.anomalyforge.segmenter.metrics;

/**
 * Normalised area under the per-region-overlap curve up to an FPR limit (MVTec AUPRO, §7.3).
 * PRO(t) = (1/K)·Σ_k |{x ∈ C_k : p_x ≥ t}|/|C_k| over the K ground-truth regions, and
 * FPR(t) = FP(t)/N over all GT-negative pixels. The curve is (0, 0), one point after each tie group in
 * decreasing threshold order, then (1, 1); AUPRO = (1/limit)·∫₀^limit PRO dFPR by trapezoids, with linear
 * interpolation at FPR = limit. The groups' {@code proMass} supplies Σ 1/|C_k| per group.
 */
public final class Aupro {

    /** The spec's integration limit. */
    public static final double DEFAULT_FPR_LIMIT = 0.3;

    private Aupro() {}

    /**
     * AUPRO of the groups.
     *
     * @param groups pixel tie groups whose positives carry the region weights
     * @param regionCount K, the number of GT regions
     * @param fprLimit the integration limit, in (0, 1]
     * @return the normalised area; NaN when K = 0 or N = 0
     */
    public static double compute(TieGroups groups, long regionCount, double fprLimit) {
        requireLimit(fprLimit);
        if (regionCount < 0) {
            throw new IllegalArgumentException("regionCount must be >= 0, got " + regionCount);
        }
        long n = groups.totalNegatives();
        if (regionCount == 0 || n == 0) {
            return Double.NaN;
        }
        double area = 0.0;
        double x0 = 0.0;
        double y0 = 0.0;
        long fp = 0;
        double mass = 0.0;
        for (int g = 0; g <= groups.size(); g++) {
            double x1;
            double y1;
            if (g < groups.size()) {
                fp += groups.negatives[g];
                mass += groups.proMass[g];
                x1 = (double) fp / n;
                y1 = mass / regionCount;
            } else {
                x1 = 1.0;
                y1 = 1.0;
            }
            if (x1 >= fprLimit) {
                double yAtLimit = x1 > x0 ? y0 + (y1 - y0) * (fprLimit - x0) / (x1 - x0) : y0;
                area += (fprLimit - x0) * (y0 + yAtLimit) / 2.0;
                return area / fprLimit;
            }
            area += (x1 - x0) * (y0 + y1) / 2.0;
            x0 = x1;
            y0 = y1;
        }
        throw new IllegalStateException("the PRO curve ends at FPR 1 >= limit " + fprLimit + "; unreachable");
    }

    static void requireLimit(double fprLimit) {
        if (!(fprLimit > 0.0 && fprLimit <= 1.0)) {
            throw new IllegalArgumentException("fprLimit must be in (0, 1], got " + fprLimit);
        }
    }
}
