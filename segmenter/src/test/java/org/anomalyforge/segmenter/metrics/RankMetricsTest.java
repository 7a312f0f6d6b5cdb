package org.anomalyforge.segmenter.metrics;

import static org.anomalyforge.segmenter.metrics.MetricsTest.groups;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hand-computed AUROC, AP, F1-max and AUPRO cases, including sklearn's tie handling and degenerate data. */
class RankMetricsTest {

    @Test
    void allScoresTiedCountHalfAndOneGroup() {
        // One group: AUROC = (0 + ½·2·2)/(2·2) = 0.5; AP = precision of the group = 2/4;
        // F1 = 2·2/(2 + 2 + 2) = 2/3.
        TieGroups g = groups(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, new boolean[] {true, false, true, false});
        assertEquals(1, g.size());
        assertEquals(0.5, Auroc.compute(g), 1e-12);
        assertEquals(0.5, AveragePrecision.compute(g), 1e-12);
        assertEquals(2.0 / 3.0, F1Max.compute(g), 1e-12);
    }

    @Test
    void invertedRankingGivesZeroAurocAndStepAp() {
        // Decreasing: .9 N, .8 N, .2 P (prec 1/3), .1 P (prec 2/4) → AP = (1/3 + 1/2)/2 = 5/12.
        // F1: at .2 → 2/(1 + 2 + 2) = 0.4; at .1 → 4/(2 + 2 + 2) = 2/3.
        TieGroups g = groups(new float[] {0.1f, 0.2f, 0.8f, 0.9f}, new boolean[] {true, true, false, false});
        assertEquals(0.0, Auroc.compute(g), 0.0);
        assertEquals(5.0 / 12.0, AveragePrecision.compute(g), 1e-12);
        assertEquals(2.0 / 3.0, F1Max.compute(g), 1e-12);
    }

    @Test
    void tiesFollowSklearnWhateverTheInputOrder() {
        // sklearn: roc_auc_score([1,0,1], [.8,.8,.6]) = (½ + 0)/2 = 0.25;
        // average_precision_score = ½·(1/2) + ½·(2/3) = 7/12 (tie group .8 has precision 1/2).
        boolean[] labels = {true, false, true};
        TieGroups forward = groups(new float[] {0.8f, 0.8f, 0.6f}, labels);
        TieGroups reordered = groups(new float[] {0.6f, 0.8f, 0.8f}, new boolean[] {true, true, false});
        for (TieGroups g : new TieGroups[] {forward, reordered}) {
            assertEquals(0.25, Auroc.compute(g), 1e-12);
            assertEquals(7.0 / 12.0, AveragePrecision.compute(g), 1e-12);
            // F1: at .8 → 2/(1 + 1 + 2) = 0.5; at .6 → 4/(2 + 1 + 2) = 0.8.
            assertEquals(0.8, F1Max.compute(g), 1e-12);
        }
    }

    @Test
    void negativeScoresAndSignedZeroSortCorrectly() {
        // −0.0 and +0.0 are one tie group; −1 < −0 = 0 < 2. P = {2, −0.0}, N = {0.0, −1}.
        // Pairs: 2 > both (2), −0 vs 0 tie (½), −0 > −1 (1) → AUROC = 3.5/4.
        TieGroups g = groups(new float[] {2f, -0.0f, 0.0f, -1f}, new boolean[] {true, true, false, false});
        assertEquals(3, g.size());
        assertEquals(0.875, Auroc.compute(g), 1e-12);
    }

    @Test
    void undefinedMetricsAreNaN() {
        TieGroups noPositives = groups(new float[] {0.3f, 0.7f}, new boolean[] {false, false});
        assertTrue(Double.isNaN(Auroc.compute(noPositives)));
        assertTrue(Double.isNaN(AveragePrecision.compute(noPositives)));
        assertTrue(Double.isNaN(F1Max.compute(noPositives)));
        TieGroups noNegatives = groups(new float[] {0.3f, 0.7f}, new boolean[] {true, true});
        assertTrue(Double.isNaN(Auroc.compute(noNegatives)));
        assertTrue(Double.isNaN(AveragePrecision.compute(noNegatives)));
        // All positive: at the lowest threshold TP = P, FP = 0 → F1 = 1.
        assertEquals(1.0, F1Max.compute(noNegatives), 0.0);
    }

    @Test
    void auproInterpolatesAtTheLimit() {
        // Region of size 1 scored .5, negatives .5 and .1 (N = 2, K = 1). Curve (0,0) → (0.5, 1) → (1, 1).
        // At FPR 0.3 the PRO is 0.6: area = 0.3·0.6/2 = 0.09 → /0.3 = 0.3.
        ExactScoreDistribution d = new ExactScoreDistribution();
        d.add(0.5f, 1);
        d.add(0.5f, 0);
        d.add(0.1f, 0);
        assertEquals(0.3, Aupro.compute(d.tieGroups(), 1, 0.3), 1e-12);
        // Limit 0.75: area = ½·0.5·1 + 0.25·1 = 0.5 → /0.75 = 2/3.
        assertEquals(2.0 / 3.0, Aupro.compute(d.tieGroups(), 1, 0.75), 1e-12);
    }

    @Test
    void auproWeighsRegionsEquallyNotPixels() {
        // Region A: 3 px at .9; region B: 1 px at .2; negatives .8 and .1 (N = 2, K = 2).
        // Curve: (0, ½) after .9, (½, ½) after .8, (½, 1) after .2, (1, 1). To 0.3: PRO = ½ on [0, 0.3]
        // → area 0.15 → /0.3 = 0.5 (pixel-weighted PRO would have given 0.75).
        ExactScoreDistribution d = new ExactScoreDistribution();
        for (int i = 0; i < 3; i++) {
            d.add(0.9f, 3);
        }
        d.add(0.2f, 1);
        d.add(0.8f, 0);
        d.add(0.1f, 0);
        assertEquals(0.5, Aupro.compute(d.tieGroups(), 2, 0.3), 1e-12);
    }

    @Test
    void auproUndefinedWithoutRegionsOrNegatives() {
        ExactScoreDistribution onlyNegatives = new ExactScoreDistribution();
        onlyNegatives.add(0.4f, 0);
        assertTrue(Double.isNaN(Aupro.compute(onlyNegatives.tieGroups(), 0, 0.3)));
        ExactScoreDistribution onlyPositives = new ExactScoreDistribution();
        onlyPositives.add(0.4f, 1);
        assertTrue(Double.isNaN(Aupro.compute(onlyPositives.tieGroups(), 1, 0.3)));
    }
}
