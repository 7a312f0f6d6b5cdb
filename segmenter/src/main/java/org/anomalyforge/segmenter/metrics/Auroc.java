package org.anomalyforge.segmenter.metrics;

/**
 * Area under the ROC curve, equal to sklearn's {@code roc_auc_score} (§7.2): ROC points after each tie
 * group in decreasing threshold order, plus (0, 0), integrated by trapezoids. Equivalently
 * (#{s_i > s_j} + ½·#{s_i = s_j}) / (P·N) over positive i and negative j, so tied scores count ½.
 */
public final class Auroc {

    private Auroc() {}

    /** AUROC of the groups; NaN when P = 0 or N = 0 (undefined, §7.4 edge cases). */
    public static double compute(TieGroups groups) {
        long p = groups.totalPositives();
        long n = groups.totalNegatives();
        if (p == 0 || n == 0) {
            return Double.NaN;
        }
        // Trapezoid of group g: width neg_g/N, mean height (TP_before + pos_g/2)/P.
        double area = 0.0;
        long tpBefore = 0;
        for (int g = 0; g < groups.size(); g++) {
            area += groups.negatives[g] * (tpBefore + 0.5 * groups.positives[g]);
            tpBefore += groups.positives[g];
        }
        return area / ((double) p * n);
    }
}
