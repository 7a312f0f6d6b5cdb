package org.anomalyforge.segmenter.metrics;

import java.io.Serializable;

/**
 * Bounds on |exact − histogram| for the pixel metrics of a streaming evaluation (§7.4). Only a group that
 * holds two or more distinct scores (a histogram bin with {@code min < max}) is uncertain; a bin holding a
 * single value is an exact tie group and contributes 0, so all bounds are 0 when no bin holds two
 * distinct scores, and always 0 in exact mode. Each bound is a non-negative absolute difference on the
 * [0, 1] scale (0.0005 = 0.05 percentage points).
 *
 * @param pixelAuroc ½·Σ_b pos[b]·neg[b]/(P·N)
 * @param pixelAp (1/P)·Σ_b pos[b]·(hi_b − lo_b), hi_b = TP_b/(TP_b + FP_{b+1}),
 *     lo_b = (TP_{b+1} + 1)/(TP_{b+1} + 1 + FP_b)
 * @param pixelF1Max (max_b 2·TP_b/(TP_b + FP_{b+1} + P)) − F1_hist; the exact F1-max lies in
 *     [F1_hist, F1_hist + this]
 * @param aupro (1/limit)·½·Σ_b ΔFPR_b·ΔPRO_b over the bins up to the one crossing FPR = limit
 */
public record StreamingErrorBounds(double pixelAuroc, double pixelAp, double pixelF1Max, double aupro)
        implements Serializable {

    /** The spec's flagging level: 0.05 percentage points. */
    public static final double FLAG_LEVEL = 0.0005;

    /** No binning error (exact mode). */
    public static final StreamingErrorBounds ZERO = new StreamingErrorBounds(0.0, 0.0, 0.0, 0.0);

    /** The largest of the four bounds, ignoring NaN (undefined metrics). */
    public double max() {
        double max = 0.0;
        for (double bound : new double[] {pixelAuroc, pixelAp, pixelF1Max, aupro}) {
            if (bound > max) {
                max = bound;
            }
        }
        return max;
    }

    /** Whether any bound exceeds {@link #FLAG_LEVEL}, which the report must flag. */
    public boolean flagged() {
        return max() > FLAG_LEVEL;
    }

    /**
     * Computes the bounds for histogram tie groups (group g = bin b in decreasing order, so "b + 1" of the
     * spec is the group before g). Metrics that are undefined (NaN) get a NaN bound.
     */
    public static StreamingErrorBounds of(TieGroups groups, long regionCount, double fprLimit) {
        Aupro.requireLimit(fprLimit);
        long p = groups.totalPositives();
        long n = groups.totalNegatives();
        boolean defined = p > 0 && n > 0;
        double auroc = 0.0;
        double ap = 0.0;
        double f1Upper = 0.0;
        long tpBefore = 0;
        long fpBefore = 0;
        for (int g = 0; g < groups.size(); g++) {
            long pos = groups.positives[g];
            long neg = groups.negatives[g];
            long tp = tpBefore + pos;
            long fp = fpBefore + neg;
            if (groups.spread[g]) {
                auroc += (double) pos * neg;
                if (pos > 0) {
                    double hi = (double) tp / (tp + fpBefore);
                    double lo = (tpBefore + 1.0) / (tpBefore + 1.0 + fp);
                    ap += pos * (hi - lo);
                }
            }
            if (tp > 0 && p > 0) {
                // Best case inside the bin: its positives ranked above its negatives.
                double upper = groups.spread[g] ? 2.0 * tp / (tp + fpBefore + p) : 2.0 * tp / (tp + fp + p);
                f1Upper = Math.max(f1Upper, upper);
            }
            tpBefore = tp;
            fpBefore = fp;
        }
        double aurocBound = defined ? 0.5 * auroc / ((double) p * n) : Double.NaN;
        double apBound = defined ? ap / p : Double.NaN;
        double f1Bound = p > 0 ? Math.max(0.0, f1Upper - F1Max.compute(groups)) : Double.NaN;
        return new StreamingErrorBounds(aurocBound, apBound, f1Bound, auproBound(groups, regionCount, fprLimit));
    }

    private static double auproBound(TieGroups groups, long regionCount, double fprLimit) {
        long n = groups.totalNegatives();
        if (regionCount == 0 || n == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        long fp = 0;
        for (int g = 0; g < groups.size(); g++) {
            fp += groups.negatives[g];
            if (groups.spread[g]) {
                sum += ((double) groups.negatives[g] / n) * (groups.proMass[g] / regionCount);
            }
            if ((double) fp / n >= fprLimit) {
                break;
            }
        }
        return 0.5 * sum / fprLimit;
    }
}
