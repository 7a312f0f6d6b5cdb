package org.anomalyforge.segmenter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The metric cases of spec §10.1 item 7, with its exact expected values. */
class MetricsTest {

    private static final double TOL = 1e-6;

    static final float[] CASE_SCORES = {0.9f, 0.8f, 0.8f, 0.6f, 0.4f, 0.4f, 0.2f, 0.1f};
    static final boolean[] CASE_LABELS = {true, true, false, true, false, true, false, false};

    static final byte[] GT1 = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    static final float[] MAP1 = {
        .90f, .30f, .20f, .10f,
        .55f, .40f, .15f, .05f,
        .25f, .12f, .35f, .60f,
        .02f, .08f, .45f, .70f};
    static final byte[] GT2 = new byte[16];
    static final float[] MAP2 = {
        .50f, .03f, .04f, .06f,
        .07f, .09f, .11f, .13f,
        .14f, .16f, .17f, .18f,
        .19f, .21f, .22f, .23f};

    static TieGroups groups(float[] scores, boolean[] labels) {
        ExactScoreDistribution distribution = new ExactScoreDistribution();
        for (int i = 0; i < scores.length; i++) {
            distribution.add(scores[i], labels[i] ? 1 : 0);
        }
        return distribution.tieGroups();
    }

    static float max(float[] map) {
        float max = map[0];
        for (float p : map) {
            max = Math.max(max, p);
        }
        return max;
    }

    static AnomalyMetrics twoImages(MetricsConfig config) {
        AnomalyMetricsAccumulator accumulator = new AnomalyMetricsAccumulator(config);
        accumulator.update(max(MAP1), true, MAP1, GT1, 4, 4);
        accumulator.update(max(MAP2), false, MAP2, GT2, 4, 4);
        return accumulator.compute();
    }

    @Test
    void eightScoreCaseGivesSpecValues() {
        TieGroups groups = groups(CASE_SCORES, CASE_LABELS);
        assertEquals(0.8125, Auroc.compute(groups), 1e-12);
        assertEquals(0.770833, AveragePrecision.compute(groups), TOL);
        F1Max.Point best = F1Max.best(groups);
        assertEquals(0.8, best.f1(), 1e-12);
        assertEquals(0.4f, (float) best.threshold());
        // The 8 scores as one 1×8 image: oracle IoU = 0.8/(2 − 0.8) = 2/3, reached at t = 0.4 too.
        byte[] mask = new byte[CASE_LABELS.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (byte) (CASE_LABELS[i] ? 1 : 0);
        }
        assertEquals(2.0 / 3.0, SegmentationIou.oracle(CASE_SCORES, mask), 1e-12);
        assertEquals(2.0 / 3.0, SegmentationIou.countsAt(CASE_SCORES, mask, 0.4f).iou(), 1e-12);
    }

    @Test
    void twoFourByFourImagesGiveSpecValues() {
        AnomalyMetrics m = twoImages(MetricsConfig.exact(0.5f));
        assertEquals(83.0 / 87.0, m.pixelAuroc(), 1e-12);
        assertEquals(0.954023, m.pixelAuroc(), TOL);
        assertEquals(0.809524, m.pixelAp(), TOL);
        assertEquals(0.8, m.pixelF1Max(), 1e-12);
        assertEquals(1.0, m.imageAuroc(), 0.0);
        assertEquals(1.0, m.imageAp(), 0.0);
        assertEquals(1.0, m.imageF1Max(), 0.0);
        assertEquals(2.0 / 3.0, m.iou(), 1e-12);
        assertEquals(0.4, m.strictIou(), 1e-12);
        assertEquals(1.0 / 3.0, m.pooledStrictIou(), 1e-12);
        assertEquals(0.885057, m.aupro(), TOL);
        assertEquals(2, m.counts().defectRegions());
        assertTrue(m.warnings().isEmpty(), m.warnings().toString());
    }

    @Test
    void auproUsesEightConnectivityNotFour() {
        double eight = twoImages(MetricsConfig.exact(0.5f)).aupro();
        AnomalyMetrics four = twoImages(MetricsConfig.exact(0.5f).withRegionConnectivity(Connectivity.FOUR));
        assertEquals(3, four.counts().defectRegions());
        assertEquals(0.846743, four.aupro(), TOL);
        assertNotEquals(four.aupro(), eight, 1e-3);
    }

    @Test
    void histogramModeEqualsExactModeWithZeroBoundsOnSpecImages() {
        AnomalyMetrics exact = twoImages(MetricsConfig.exact(0.5f));
        AnomalyMetrics hist = twoImages(MetricsConfig.histogram(0.5f));
        assertSameMetrics(exact, hist, 1e-12);
        assertEquals(StreamingErrorBounds.ZERO, hist.errorBounds());
    }

    @Test
    void oracleIouEqualsF1OverTwoMinusF1OnRandomImages() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int pixels = 1 + random.nextInt(60);
            float[] map = new float[pixels];
            byte[] mask = new byte[pixels];
            boolean[] labels = new boolean[pixels];
            for (int i = 0; i < pixels; i++) {
                // Coarse values so ties occur.
                map[i] = random.nextInt(11) / 10f;
                labels[i] = random.nextInt(3) == 0;
                mask[i] = (byte) (labels[i] ? 1 : 0);
            }
            labels[0] = true;
            mask[0] = 1;
            double f1 = F1Max.compute(groups(map, labels));
            assertEquals(f1 / (2 - f1), SegmentationIou.oracle(map, mask), 1e-12, "trial " + trial);
        }
    }

    @Test
    void histogramEqualsExactWhenScoresSitOnBinCentres() {
        LogitBinning binning = LogitBinning.standard();
        Random random = new Random(11);
        AnomalyMetricsAccumulator exact = new AnomalyMetricsAccumulator(MetricsConfig.exact(0.5f));
        AnomalyMetricsAccumulator hist = new AnomalyMetricsAccumulator(MetricsConfig.histogram(0.5f));
        for (int image = 0; image < 6; image++) {
            int w = 8;
            int h = 8;
            float[] map = new float[w * h];
            byte[] mask = new byte[w * h];
            for (int i = 0; i < map.length; i++) {
                // Bin centres with z in [−8, 8], where float32 resolves every bin (repeats are exact ties).
                int bin = 3000 + random.nextInt(4000);
                map[i] = (float) (1.0 / (1.0 + Math.exp(-(binning.edgeLogit(bin) + 0.002))));
                mask[i] = (byte) (image % 2 == 0 && (i / w) >= 2 && (i / w) <= 4 && (i % w) < 3 + image ? 1 : 0);
            }
            boolean label = image % 2 == 0;
            exact.update(max(map), label, map, mask, w, h);
            hist.update(max(map), label, map, mask, w, h);
        }
        AnomalyMetrics e = exact.compute();
        AnomalyMetrics s = hist.compute();
        assertSameMetrics(e, s, 1e-12);
        assertEquals(StreamingErrorBounds.ZERO, s.errorBounds());
    }

    @Test
    void tieHeavyHistogramStaysWithinReportedBounds() {
        // 20 coarse bins over [−20, 20] (width 2 in z): many distinct scores share a bin.
        MetricsConfig coarse = MetricsConfig.histogram(0.5f).withBinning(new LogitBinning(20));
        Random random = new Random(3);
        AnomalyMetricsAccumulator exact = new AnomalyMetricsAccumulator(MetricsConfig.exact(0.5f));
        AnomalyMetricsAccumulator hist = new AnomalyMetricsAccumulator(coarse);
        for (int image = 0; image < 8; image++) {
            float[] map = new float[100];
            byte[] mask = new byte[100];
            for (int i = 0; i < map.length; i++) {
                boolean defect = image < 4 && (i % 10) < 3 && (i / 10) < 4;
                mask[i] = (byte) (defect ? 1 : 0);
                map[i] = (float) (random.nextDouble() * 0.6 + (defect ? 0.35 : 0.0));
            }
            exact.update(max(map), image < 4, map, mask, 10, 10);
            hist.update(max(map), image < 4, map, mask, 10, 10);
        }
        AnomalyMetrics e = exact.compute();
        AnomalyMetrics s = hist.compute();
        StreamingErrorBounds b = s.errorBounds();
        assertTrue(b.pixelAuroc() > 0 && b.pixelAp() > 0 && b.pixelF1Max() > 0 && b.aupro() > 0, b.toString());
        assertTrue(Math.abs(e.pixelAuroc() - s.pixelAuroc()) <= b.pixelAuroc(), "AUROC " + b);
        assertTrue(Math.abs(e.pixelAp() - s.pixelAp()) <= b.pixelAp(), "AP " + b);
        assertTrue(s.pixelF1Max() <= e.pixelF1Max() + 1e-12, "F1 lower bound " + b);
        assertTrue(e.pixelF1Max() <= s.pixelF1Max() + b.pixelF1Max() + 1e-12, "F1 upper bound " + b);
        assertTrue(Math.abs(e.aupro() - s.aupro()) <= b.aupro(), "AUPRO " + b);
        assertTrue(b.flagged());
        assertTrue(s.warnings().get(0).startsWith("streaming error bounds exceed 0.05 pp"), s.warnings().get(0));
        // Image metrics and the per-image IoUs are exact in both modes.
        assertEquals(e.imageAuroc(), s.imageAuroc(), 0.0);
        assertEquals(e.iou(), s.iou(), 0.0);
        assertEquals(e.pooledStrictIou(), s.pooledStrictIou(), 0.0);
    }

    static void assertSameMetrics(AnomalyMetrics expected, AnomalyMetrics actual, double tol) {
        for (MetricName metric : MetricName.values()) {
            assertEquals(metric.of(expected), metric.of(actual), tol, metric.label());
        }
    }
}
