package org.anomalyforge.segmenter.metrics;

/**
 * Average precision, equal to sklearn's {@code average_precision_score} (§7.2): AP = Σ_k (R_k − R_{k−1})·P_k
 * over distinct thresholds in decreasing order with R_0 = 0 — a step sum with no interpolation. Each
 * positive contributes the precision of its tie group, divided by P.
 */
public final class AveragePrecision {

    private AveragePrecision() {}

    /** AP of the groups; NaN when P = 0 or N = 0 (the spec declares AP undefined then, §7.4). */
    public static double compute(TieGroups groups) {
        long p = groups.totalPositives();
        if (p == 0 || groups.totalNegatives() == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        long tp = 0;
        long fp = 0;
        for (int g = 0; g < groups.size(); g++) {
            tp += groups.positives[g];
            fp += groups.negatives[g];
            if (groups.positives[g] > 0) {
                sum += groups.positives[g] * ((double) tp / (tp + fp));
            }
        }
        return sum / p;
    }
}
