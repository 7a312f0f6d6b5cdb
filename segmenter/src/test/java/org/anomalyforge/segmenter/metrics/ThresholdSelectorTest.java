package org.anomalyforge.segmenter.metrics;

import static org.anomalyforge.segmenter.metrics.MetricsTest.CASE_LABELS;
import static org.anomalyforge.segmenter.metrics.MetricsTest.CASE_SCORES;
import static org.anomalyforge.segmenter.metrics.MetricsTest.GT1;
import static org.anomalyforge.segmenter.metrics.MetricsTest.GT2;
import static org.anomalyforge.segmenter.metrics.MetricsTest.MAP1;
import static org.anomalyforge.segmenter.metrics.MetricsTest.MAP2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** τ_image and τ_pixel selection on validation data (§5.7). */
class ThresholdSelectorTest {

    @Test
    void imageThresholdMaximisesF1() {
        ImageThresholdSelector selector = new ImageThresholdSelector();
        for (int i = 0; i < CASE_SCORES.length; i++) {
            selector.update(CASE_SCORES[i], CASE_LABELS[i]);
        }
        ThresholdChoice choice = selector.compute();
        assertEquals(0.4f, choice.threshold());
        assertEquals(0.8, choice.objective(), 1e-12);
    }

    @Test
    void imageThresholdTieGoesToTheLowestThreshold() {
        // .9 P, .8 N, .7 N, .6 P (P = 2): F1 = 2/3, 1/2, 2/5, 4/6 → tie 2/3 at .9 and .6 → .6.
        ImageThresholdSelector first = new ImageThresholdSelector();
        first.update(0.9f, true);
        first.update(0.8f, false);
        ImageThresholdSelector second = new ImageThresholdSelector();
        second.update(0.7f, false);
        second.update(0.6f, true);
        first.merge(second);
        ThresholdChoice choice = first.compute();
        assertEquals(0.6f, choice.threshold());
        assertEquals(2.0 / 3.0, choice.objective(), 1e-12);
    }

    @Test
    void imageThresholdNeedsAnAnomalousImage() {
        ImageThresholdSelector selector = new ImageThresholdSelector();
        selector.update(0.3f, false);
        IllegalStateException e = assertThrows(IllegalStateException.class, selector::compute);
        assertEquals("tauImage needs at least one anomalous validation image (gtLabel true), got 0 of 1 images",
                e.getMessage());
    }

    @Test
    void pixelThresholdIsTheMiddleOfTheBestEdgeRun() {
        // One 4×1 image, scores .9 .8 .3 .1, GT 1 1 0 0: IoU = 1 exactly for τ ∈ (0.3, 0.8].
        // Edges inside: σ(−20 + 0.004·e) for e = 4789 (p 0.3007) … 5346 (p 0.7996); middle 4789 + 557/2 = 5067,
        // z = 0.268, τ = σ(0.268) = 0.566602.
        PixelThresholdSelector selector = new PixelThresholdSelector(LogitBinning.standard());
        selector.update(new float[] {0.9f, 0.8f, 0.3f, 0.1f}, new byte[] {1, 1, 0, 0}, 4, 1);
        // Normal images do not count.
        selector.update(MAP2, GT2, 4, 4);
        ThresholdChoice choice = selector.compute();
        assertEquals(0.566602, choice.threshold(), 1e-6);
        assertEquals((float) LogitBinning.standard().edgeProbability(5067), choice.threshold());
        assertEquals(1.0, choice.objective(), 0.0);
        assertTrue(choice.rule().contains("over 1 validation defect images"), choice.rule());
        assertTrue(choice.rule().contains("edges 4789..5346"), choice.rule());
    }

    @Test
    void pixelThresholdReproducesItsValidationIou() {
        PixelThresholdSelector selector = new PixelThresholdSelector(LogitBinning.standard());
        selector.update(MAP1, GT1, 4, 4);
        ThresholdChoice choice = selector.compute();
        // The oracle for image 1 is 2/3 (spec §10.1), reached for τ ∈ (0.60, 0.70]; the edges reach it.
        assertEquals(2.0 / 3.0, choice.objective(), 1e-12);
        assertEquals(2.0 / 3.0, SegmentationIou.countsAt(MAP1, GT1, choice.threshold()).iou(), 1e-12);
        assertTrue(choice.threshold() > 0.6f && choice.threshold() <= 0.7f, "tau " + choice.threshold());
    }

    @Test
    void pixelThresholdWithoutDefectImagesIsOneHalf() {
        PixelThresholdSelector selector = new PixelThresholdSelector(LogitBinning.standard());
        selector.update(MAP2, GT2, 4, 4);
        ThresholdChoice choice = selector.compute();
        assertEquals(0.5f, choice.threshold());
        assertTrue(Double.isNaN(choice.objective()));
        assertEquals("no validation defect images: tauPixel = 0.5 (spec §5.7)", choice.rule());
    }

    @Test
    void pixelSelectorsMergeAndRejectOtherBinnings() {
        PixelThresholdSelector a = new PixelThresholdSelector(LogitBinning.standard());
        PixelThresholdSelector b = new PixelThresholdSelector(LogitBinning.standard());
        a.update(MAP1, GT1, 4, 4);
        b.update(new float[] {0.9f, 0.8f, 0.3f, 0.1f}, new byte[] {1, 1, 0, 0}, 2, 2);
        a.merge(b);
        // Mean of 2/3 and 1 where both are reached: τ ∈ (0.60, 0.70] gives IoU 1 on the second image too.
        assertEquals((2.0 / 3.0 + 1.0) / 2.0, a.compute().objective(), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.merge(new PixelThresholdSelector(new LogitBinning(10))));
        assertEquals("other.binning must equal LogitBinning[binCount=10000], got LogitBinning[binCount=10]",
                e.getMessage());
    }
}
