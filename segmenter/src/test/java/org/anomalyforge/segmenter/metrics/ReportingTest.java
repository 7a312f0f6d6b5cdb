package org.anomalyforge.segmenter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "n/a" printing and the unweighted class mean that skips undefined values. */
class ReportingTest {

    private static AnomalyMetrics metrics(double imageAuroc, double pixelAp) {
        return new AnomalyMetrics(imageAuroc, 0.9, 0.8, 0.95, pixelAp, 0.7, 0.6, 0.5, 0.4, 0.85, 0.5f,
                PixelMode.EXACT, StreamingErrorBounds.ZERO, new EvaluationCounts(2, 1, 32, 3, 2), List.of());
    }

    @Test
    void percentHasTwoDecimalsAndNaNIsNotAvailable() {
        assertEquals("77.08", MetricsFormat.percent(0.770833));
        assertEquals("95.40", MetricsFormat.percent(0.954023));
        assertEquals("100.00", MetricsFormat.percent(1.0));
        assertEquals("n/a", MetricsFormat.percent(Double.NaN));
    }

    @Test
    void classMeanExcludesUndefinedValuesWithAWarning() {
        Map<String, AnomalyMetrics> perClass = new LinkedHashMap<>();
        perClass.put("bottle", metrics(0.9, 0.7));
        perClass.put("screw", metrics(Double.NaN, 0.5));
        perClass.put("zipper", metrics(0.7, Double.NaN));
        ClassMeans means = ClassMeans.of(perClass);
        // imageAuroc: (0.9 + 0.7)/2; pixelAp: (0.7 + 0.5)/2; imageAp: all three classes.
        assertEquals(0.8, means.mean(MetricName.IMAGE_AUROC), 1e-12);
        assertEquals(2, means.classCounts().get(MetricName.IMAGE_AUROC));
        assertEquals(0.6, means.mean(MetricName.PIXEL_AP), 1e-12);
        assertEquals(0.9, means.mean(MetricName.IMAGE_AP), 1e-12);
        assertEquals(3, means.classCounts().get(MetricName.IMAGE_AP));
        assertEquals(List.of(
                "image AUROC of class 'screw' is n/a and excluded from the mean",
                "pixel AP of class 'zipper' is n/a and excluded from the mean"), means.warnings());
    }

    @Test
    void metricUndefinedEverywhereHasNaNMean() {
        ClassMeans means = ClassMeans.of(Map.of("screw", metrics(Double.NaN, 0.5)));
        assertTrue(Double.isNaN(means.mean(MetricName.IMAGE_AUROC)));
        assertEquals("n/a", MetricsFormat.percent(means.mean(MetricName.IMAGE_AUROC)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassMeans.of(Map.of()));
        assertEquals("perClass must hold at least one class, got an empty map", e.getMessage());
    }
}
