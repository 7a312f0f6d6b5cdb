package org.anomalyforge.segmenter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The §7.4 bounds on a two-bin histogram, computed by hand. */
class StreamingErrorBoundsTest {

    /**
     * K = 2 bins: bin 1 = {.9 P, .7 N, .6 P}, bin 0 = {.3 P, .2 N, .1 N}; every positive is its own
     * region (K_regions = 3). P = N = 3.
     */
    private static BinnedScoreDistribution twoBins() {
        BinnedScoreDistribution h = new BinnedScoreDistribution(new LogitBinning(2));
        h.add(0.9f, 1);
        h.add(0.7f, 0);
        h.add(0.6f, 1);
        h.add(0.3f, 1);
        h.add(0.2f, 0);
        h.add(0.1f, 0);
        return h;
    }

    @Test
    void histogramMetricsAndBoundsMatchHandComputation() {
        TieGroups g = twoBins().tieGroups();
        assertEquals(2, g.size());
        assertEquals(0.5, g.threshold(0), 1e-15);
        assertEquals(0.0, g.threshold(1), 0.0);
        // Histogram: AUROC = [neg·(TP_before + pos/2)] summed = [1·(0 + 2/2) + 2·(2 + 1/2)]/9 = 6/9; exact 7/9.
        assertEquals(6.0 / 9.0, Auroc.compute(g), 1e-12);
        // AP_hist = (2·2/3 + 1·3/6)/3 = 11/18; exact (1 + 2/3 + 3/4)/3 = 29/36.
        assertEquals(11.0 / 18.0, AveragePrecision.compute(g), 1e-12);
        // F1_hist = max(4/6, 6/9) = 2/3; exact = 6/7 at t = .3.
        assertEquals(2.0 / 3.0, F1Max.compute(g), 1e-12);
        // AUPRO_hist: (0,0) → (1/3, 2/3), PRO at 0.3 = 0.6 → 0.09/0.3 = 0.3; exact 1/3.
        assertEquals(0.3, Aupro.compute(g, 3, 0.3), 1e-12);

        StreamingErrorBounds b = StreamingErrorBounds.of(g, 3, 0.3);
        // ½·(2·1 + 1·2)/9 = 2/9 ≥ |7/9 − 6/9|.
        assertEquals(2.0 / 9.0, b.pixelAuroc(), 1e-12);
        // (1/3)·[2·(2/2 − 1/2) + 1·(3/4 − 3/6)] = 1.25/3 ≥ |29/36 − 22/36|.
        assertEquals(1.25 / 3.0, b.pixelAp(), 1e-12);
        // upper = max(4/5, 6/7) = 6/7 = the exact F1-max; bound 6/7 − 2/3 = 4/21.
        assertEquals(4.0 / 21.0, b.pixelF1Max(), 1e-12);
        // Bin 1 alone crosses FPR 0.3: (1/0.3)·½·(1/3)·(2/3) = 10/27.
        assertEquals(10.0 / 27.0, b.aupro(), 1e-12);
        assertTrue(b.flagged());
    }

    @Test
    void binsHoldingOneDistinctValueAddNoUncertainty() {
        // Tied positive and negative in one bin: the histogram equals exact mode, so every bound is 0.
        BinnedScoreDistribution h = new BinnedScoreDistribution(new LogitBinning(2));
        h.add(0.8f, 1);
        h.add(0.8f, 0);
        h.add(0.8f, 1);
        h.add(0.2f, 0);
        h.add(0.2f, 1);
        StreamingErrorBounds b = StreamingErrorBounds.of(h.tieGroups(), 3, 0.3);
        assertEquals(StreamingErrorBounds.ZERO, b);
        assertFalse(b.flagged());
    }

    @Test
    void undefinedMetricsGetNaNBounds() {
        BinnedScoreDistribution h = new BinnedScoreDistribution(new LogitBinning(2));
        h.add(0.8f, 0);
        h.add(0.7f, 0);
        StreamingErrorBounds b = StreamingErrorBounds.of(h.tieGroups(), 0, 0.3);
        assertTrue(Double.isNaN(b.pixelAuroc()));
        assertTrue(Double.isNaN(b.pixelAp()));
        assertTrue(Double.isNaN(b.pixelF1Max()));
        assertTrue(Double.isNaN(b.aupro()));
        assertFalse(b.flagged());
    }
}
