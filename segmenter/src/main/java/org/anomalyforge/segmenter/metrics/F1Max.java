package org.anomalyforge.segmenter.metrics;

/**
 * Maximum F1 over distinct thresholds (§7.2): max_t 2·TP/(TP + FP + P). Thresholds with TP = 0
 * (P + R = 0) are skipped, as the original drops their NaN.
 */
public final class F1Max {

    private F1Max() {}

    /**
     * The best F1 and the threshold reaching it.
     *
     * @param f1 the maximum F1 (NaN when P = 0)
     * @param threshold the threshold t of the prediction [s ≥ t]; among equal maxima the lowest, as
     *     anomalib's F1AdaptiveThreshold (argmax over increasing thresholds) picks (NaN when P = 0)
     */
    public record Point(double f1, double threshold) {}

    /** F1-max of the groups; NaN when P = 0. */
    public static double compute(TieGroups groups) {
        return best(groups).f1();
    }

    /** The best F1 and its threshold. */
    public static Point best(TieGroups groups) {
        long p = groups.totalPositives();
        if (p == 0) {
            return new Point(Double.NaN, Double.NaN);
        }
        double bestF1 = Double.NEGATIVE_INFINITY;
        double bestThreshold = Double.NaN;
        long tp = 0;
        long fp = 0;
        for (int g = 0; g < groups.size(); g++) {
            tp += groups.positives[g];
            fp += groups.negatives[g];
            if (tp == 0) {
                continue;
            }
            double f1 = 2.0 * tp / (tp + fp + p);
            if (f1 >= bestF1) {
                bestF1 = f1;
                bestThreshold = groups.thresholds[g];
            }
        }
        return new Point(bestF1, bestThreshold);
    }
}
