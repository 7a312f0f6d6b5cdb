package org.anomalyforge.segmenter.metrics;

import static org.anomalyforge.segmenter.metrics.MetricsTest.GT1;
import static org.anomalyforge.segmenter.metrics.MetricsTest.GT2;
import static org.anomalyforge.segmenter.metrics.MetricsTest.MAP1;
import static org.anomalyforge.segmenter.metrics.MetricsTest.MAP2;
import static org.anomalyforge.segmenter.metrics.MetricsTest.assertSameMetrics;
import static org.anomalyforge.segmenter.metrics.MetricsTest.max;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Merging, serialisation, validation and degenerate cases of the accumulator. */
class AnomalyMetricsAccumulatorTest {

    private static MetricsConfig config(PixelMode mode) {
        return mode == PixelMode.EXACT ? MetricsConfig.exact(0.5f) : MetricsConfig.histogram(0.5f);
    }

    /** Random 6×5 images; even-numbered ones carry a small rectangular defect. */
    private static void addRandomImages(AnomalyMetricsAccumulator target, Random random, int count) {
        for (int image = 0; image < count; image++) {
            float[] map = new float[30];
            byte[] mask = new byte[30];
            boolean anomalous = random.nextBoolean();
            for (int i = 0; i < 30; i++) {
                boolean defect = anomalous && i % 6 >= 2 && i % 6 <= 3 && i / 6 <= 2;
                mask[i] = (byte) (defect ? 1 : 0);
                map[i] = random.nextInt(20) / 20f * (defect ? 1f : 0.7f);
            }
            target.update(max(map), anomalous, map, mask, 6, 5);
        }
    }

    @ParameterizedTest
    @EnumSource(PixelMode.class)
    void mergeOfPartsEqualsAccumulatingEverything(PixelMode mode) {
        AnomalyMetricsAccumulator all = new AnomalyMetricsAccumulator(config(mode));
        addRandomImages(all, new Random(5), 12);
        AnomalyMetricsAccumulator first = new AnomalyMetricsAccumulator(config(mode));
        AnomalyMetricsAccumulator second = new AnomalyMetricsAccumulator(config(mode));
        Random random = new Random(5);
        addRandomImages(first, random, 7);
        addRandomImages(second, random, 5);
        first.merge(second);
        AnomalyMetrics expected = all.compute();
        AnomalyMetrics merged = first.compute();
        assertSameMetrics(expected, merged, 1e-12);
        assertEquals(expected.counts(), merged.counts());
        assertEquals(12, merged.counts().images());
    }

    @ParameterizedTest
    @EnumSource(PixelMode.class)
    void survivesJavaSerialisationAsSparkShipsIt(PixelMode mode) throws Exception {
        AnomalyMetricsAccumulator original = new AnomalyMetricsAccumulator(config(mode));
        addRandomImages(original, new Random(9), 4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        AnomalyMetricsAccumulator copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (AnomalyMetricsAccumulator) in.readObject();
        }
        assertSameMetrics(original.compute(), copy.compute(), 0.0);
    }

    @Test
    void mergeRejectsDifferentConfig() {
        AnomalyMetricsAccumulator exact = new AnomalyMetricsAccumulator(MetricsConfig.exact(0.5f));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> exact.merge(new AnomalyMetricsAccumulator(MetricsConfig.exact(0.4f))));
        assertTrue(e.getMessage().startsWith("other.config must equal MetricsConfig[pixelMode=EXACT, tauPixel=0.5"),
                e.getMessage());
    }

    @Test
    void validationNamesFieldRuleAndValue() {
        AnomalyMetricsAccumulator a = new AnomalyMetricsAccumulator(MetricsConfig.exact(0.5f));
        float[] nanMap = MAP1.clone();
        nanMap[6] = Float.NaN;
        byte[] badMask = GT1.clone();
        badMask[2] = 2;
        assertMessage("predScore must be finite, got NaN", () -> a.update(Float.NaN, true, MAP1, GT1, 4, 4));
        assertMessage("anomalyMap[6] must be a probability in [0, 1], got NaN",
                () -> a.update(0.9f, true, nanMap, GT1, 4, 4));
        assertMessage("anomalyMap length must be width*height = 20, got 16",
                () -> a.update(0.9f, true, MAP1, GT1, 4, 5));
        assertMessage("gtMask[2] must be 0 or 1, got 2", () -> a.update(0.9f, true, MAP1, badMask, 4, 4));
        assertMessage("width must be > 0, got 0", () -> a.update(0.9f, true, MAP1, GT1, 0, 4));
        assertMessage("anomalyMap must not be null", () -> a.update(0.9f, true, null, GT1, 4, 4));
        assertMessage("gtLabel is false (normal) but gtMask has 3 defect pixels; an image is anomalous iff its GT"
                + " mask is non-empty (spec §7.1)", () -> a.update(0.9f, false, MAP1, GT1, 4, 4));
        assertMessage("gtLabel is true (anomalous) but gtMask is empty; an image is anomalous iff its GT mask is"
                + " non-empty (spec §7.1)", () -> a.update(0.5f, true, MAP2, GT2, 4, 4));
        assertMessage("tauPixel must be a probability in [0, 1], got 1.5", () -> MetricsConfig.exact(1.5f));
        // Nothing was added by the rejected calls.
        assertEquals(0, a.imageCount());
    }

    @Test
    void onlyNormalImagesGiveNaNWithWarnings() {
        AnomalyMetricsAccumulator a = new AnomalyMetricsAccumulator(MetricsConfig.exact(0.5f));
        a.update(max(MAP2), false, MAP2, GT2, 4, 4);
        AnomalyMetrics m = a.compute();
        for (MetricName metric : MetricName.values()) {
            if (metric != MetricName.POOLED_STRICT_IOU) {
                assertTrue(Double.isNaN(metric.of(m)), metric.label());
            }
        }
        // One false alarm (p = 0.5 ≥ τ) and no GT pixel: pooled IoU = 0/(0 + 1 + 0) = 0.
        assertEquals(0.0, m.pooledStrictIou(), 0.0);
        assertEquals(List.of(
                "imageAuroc, imageAp and imageF1Max are n/a: no anomalous images",
                "pixelAuroc, pixelAp and pixelF1Max are n/a: no defect pixels; aupro is n/a: no GT regions",
                "iou and strictIou are n/a: no anomalous images (images with an empty GT mask do not enter the IoU"
                        + " means)"), m.warnings());
    }

    @Test
    void onlyAnomalousImagesLeaveImageAurocAndApUndefined() {
        AnomalyMetricsAccumulator a = new AnomalyMetricsAccumulator(MetricsConfig.exact(0.5f));
        a.update(max(MAP1), true, MAP1, GT1, 4, 4);
        AnomalyMetrics m = a.compute();
        assertTrue(Double.isNaN(m.imageAuroc()));
        assertTrue(Double.isNaN(m.imageAp()));
        assertEquals(1.0, m.imageF1Max(), 0.0);
        assertEquals(List.of("imageAuroc and imageAp are n/a: no normal images"), m.warnings());
        assertEquals(2.0 / 3.0, m.iou(), 1e-12);
    }

    @Test
    void computeBeforeUpdateAndAfterResetFails() {
        AnomalyMetricsAccumulator a = new AnomalyMetricsAccumulator(MetricsConfig.histogram(0.5f));
        a.update(max(MAP1), true, MAP1, GT1, 4, 4);
        a.reset();
        IllegalStateException e = assertThrows(IllegalStateException.class, a::compute);
        assertEquals("compute() needs at least one image; none was added since creation or reset()", e.getMessage());
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
