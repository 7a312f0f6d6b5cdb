package org.anomalyforge.segmenter.lfd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spec §5.4 and §10.1-6. Logits 1×2×2×2 with channel 0 = [[2, 0], [1, 3]], channel 1 = [[0, 0.5], [0, 0]]
 * and labels [[0, 1], [1, 0]] give p_t = (0.880797, 0.622459, 0.268941, 0.952574).
 */
class OhemLossTest {

    private static final float[] LOGITS = {2, 0, 1, 3, 0, 0.5f, 0, 0};
    private static final float[] LABELS = {0, 1, 1, 0};

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @ParameterizedTest(name = "k = {0}")
    @CsvSource({"0, 3.574677", "1, 3.574677", "2, 3.574677", "3, 2.425427", "4, 2.425427", "100000, 2.425427"})
    void lossMatchesTheHandComputedValues(int k, float expected) {
        OhemCrossEntropyLoss loss = new OhemCrossEntropyLoss(MinKeptRule.absolute(k));
        NDArray value = loss.evaluate(new NDList(labels()), new NDList(logits()));
        assertEquals(new Shape(), value.getShape());
        assertEquals(expected, value.getFloat(), 1e-5f);
    }

    @Test
    void anomalyLogitGivesTheSameLoss() {
        OhemCrossEntropyLoss loss = new OhemCrossEntropyLoss(MinKeptRule.absolute(3));
        NDArray z = manager.create(new float[] {-2, 0.5f, -1, -3}, new Shape(1, 1, 2, 2));
        assertEquals(2.425427f, loss.fromAnomalyLogit(z, labels().reshape(1, 1, 2, 2)).getFloat(), 1e-5f);
        assertEquals(2.425427f, loss.evaluate(new NDList(labels()), new NDList(z)).getFloat(), 1e-5f);
    }

    @Test
    void gradientFlowsOnlyThroughKeptPixels() {
        NDArray logits = logits();
        logits.setRequiresGradient(true);
        OhemCrossEntropyLoss loss = new OhemCrossEntropyLoss(MinKeptRule.absolute(1));
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(loss.evaluate(new NDList(labels()), new NDList(logits)));
        }
        float[] g = logits.getGradient().toFloatArray();                   // channel 0 then channel 1, 2×2 each
        assertArrayEquals(new float[] {0, 0.755081f, 1.462117f, 0}, new float[] {g[0], g[1], g[2], g[3]}, 1e-5f);
        assertArrayEquals(new float[] {0, -0.755081f, -1.462117f, 0}, new float[] {g[4], g[5], g[6], g[7]}, 1e-5f);
    }

    @Test
    void ignoredPixelsTakeNoPart() {
        NDArray labels = manager.create(new float[] {0, 1, -1, 0}, new Shape(1, 2, 2));
        OhemCrossEntropyLoss loss = new OhemCrossEntropyLoss(MinKeptRule.absolute(3));
        // N = 3, thr = q[min(3, 2)] = 0.952574: keeps (0,0) and (0,1): (0.126928 + 1.896308) / 2.
        assertEquals(1.011618f, loss.evaluate(new NDList(labels), new NDList(logits())).getFloat(), 1e-5f);
        NDArray allIgnored = manager.full(new Shape(1, 2, 2), -1f);
        assertEquals(0f, loss.evaluate(new NDList(allIgnored), new NDList(logits())).getFloat(), 0f);
    }

    @Test
    void noKeptPixelGivesZero() {
        // Every p_t ≥ 0.7 and k = 0: thr = 0.7 keeps nothing.
        NDArray z = manager.create(new float[] {-5, 5, 5, -5}, new Shape(1, 2, 2));
        NDArray labels = manager.create(new float[] {0, 1, 1, 0}, new Shape(1, 2, 2));
        OhemCrossEntropyLoss loss = new OhemCrossEntropyLoss(MinKeptRule.absolute(0));
        assertEquals(0f, loss.fromAnomalyLogit(z, labels).getFloat(), 0f);
    }

    @Test
    void proportionalMinKeptFollowsTheSpec() {
        MinKeptRule rule = MinKeptRule.proportional();
        assertEquals(100_000, rule.resolve(8L * 256 * 256));
        assertEquals(12_500, rule.resolve(256L * 256));
        assertEquals(25_000, rule.resolve(8L * 128 * 128));
        assertEquals(3_125, rule.resolve(4L * 64 * 64));
        assertEquals(1, rule.resolve(4));                                   // round(0.76) = 1
        assertEquals(1, rule.resolve(2));                                   // round(0.38) = 0 → clamped to 1
        assertEquals(100_000, MinKeptRule.absolute(100_000).resolve(10));
    }

    @Test
    void rejectsBadLabelsAndShapes() {
        OhemCrossEntropyLoss loss = new OhemCrossEntropyLoss(MinKeptRule.proportional());
        NDArray bad = manager.create(new float[] {0, 1, 2, 0.5f}, new Shape(1, 2, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.evaluate(new NDList(bad), new NDList(logits())));
        assertEquals("OHEM labels must be 0, 1 or -1, got 2 other value(s)", e.getMessage());
        NDArray wrong = manager.zeros(new Shape(1, 2, 3));
        e = assertThrows(IllegalArgumentException.class, () -> loss.evaluate(new NDList(wrong), new NDList(logits())));
        assertTrue(e.getMessage().contains("(1, 2, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MinKeptRule.absolute(-1));
        assertEquals("minKept must be ≥ 0, got -1", e.getMessage());
    }

    private NDArray logits() {
        return manager.create(LOGITS, new Shape(1, 2, 2, 2));
    }

    private NDArray labels() {
        return manager.create(LABELS, new Shape(1, 2, 2));
    }
}
