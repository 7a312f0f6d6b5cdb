package org.anomalyforge.generator.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** seas.md §7.5 worked example and the §14.1 #5 loss cases, on hand-made maps with hand-computed values. */
class DaLossTest {

    private NDManager m;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        m.close();
    }

    /** maps [b, 5, 2, 2]: column 0 = ob1 map, columns 1..4 = the anomaly map (all equal). */
    private NDArray maps(float[][] normal, float[][] anomaly) {
        int b = normal.length;
        float[] v = new float[b * 5 * 4];
        for (int i = 0; i < b; i++) {
            System.arraycopy(normal[i], 0, v, i * 20, 4);
            for (int l = 1; l < 5; l++) {
                System.arraycopy(anomaly[i], 0, v, i * 20 + l * 4, 4);
            }
        }
        return m.create(v, new Shape(b, 5, 2, 2));
    }

    @Test
    void workedExampleOfSection75() {
        NDArray a = maps(new float[][] {{0.4f, 0.3f, 0.2f, 0.1f}}, new float[][] {{0.1f, 0.2f, 0.3f, 0.4f}});
        NDArray g = m.create(new float[] {0, 0, 1, 1}, new Shape(1, 2, 2));
        DaLossTerms t = new DaLoss(OmegaRegion.FULL).compute(a, g);
        // term 1 = (0 + 1/9 + 1/9 + 0)/4; term 2 = ((1/3)² + 0²)/2
        assertEquals(0.0555556, t.anomalyTerm().getFloat(), 1e-6);
        assertEquals(0.0555556, t.normalTerm().getFloat(), 1e-6);
        assertEquals(0.1111111, t.loss().getFloat(), 1e-6);
        assertFalse(t.emptyRegion());
    }

    @Test
    void anomalyMapIsTheMeanOfTheFourTokenColumns() {
        float[] v = new float[20];
        float[][] cols = {{9, 9, 9, 9}, {0.1f, 0, 0, 0}, {0.3f, 0, 0, 0}, {0.2f, 0, 0, 0.8f}, {0.2f, 0, 0, 0}};
        for (int l = 0; l < 5; l++) {
            System.arraycopy(cols[l], 0, v, l * 4, 4);
        }
        // M_a = [0.2, 0, 0, 0.2] → norm = [1, 0, 0, 1]; G = [1, 0, 0, 1] → term 1 = 0
        DaLossTerms t = new DaLoss(OmegaRegion.ANY).compute(m.create(v, new Shape(1, 5, 2, 2)),
                m.create(new float[] {1, 0, 0, 1}, new Shape(1, 2, 2)));
        assertEquals(0.0, t.anomalyTerm().getFloat(), 1e-7);
        // M_n constant 9 → norm = 0 everywhere; Ω = {0, 3}: (0 − 0)² → term 2 = 0
        assertEquals(0.0, t.normalTerm().getFloat(), 1e-7);
    }

    @Test
    void emptyRegionSkipsTermTwoAndStaysFinite() {
        NDArray a = maps(new float[][] {{0.4f, 0.3f, 0.2f, 0.1f}}, new float[][] {{0.1f, 0.2f, 0.3f, 0.4f}});
        NDArray g = m.create(new float[] {0, 0, 0, 0}, new Shape(1, 2, 2));
        DaLossTerms t = new DaLoss(OmegaRegion.FULL).compute(a, g);
        assertTrue(t.emptyRegion());
        assertEquals(0.0, t.normalTerm().getFloat());
        // norm(M_a) = [0, 1/3, 2/3, 1], G = 0: (0 + 1/9 + 4/9 + 1)/4 = 14/36
        assertEquals(14.0 / 36, t.loss().getFloat(), 1e-6);
    }

    @Test
    void fractionalTargetsAreNotInFullOmega() {
        NDArray a = maps(new float[][] {{0.4f, 0.3f, 0.2f, 0.1f}}, new float[][] {{0.1f, 0.2f, 0.3f, 0.4f}});
        NDArray g = m.create(new float[] {0, 0, 0.5f, 0.999f}, new Shape(1, 2, 2));
        assertTrue(new DaLoss(OmegaRegion.FULL).compute(a, g).emptyRegion());
        DaLossTerms any = new DaLoss(OmegaRegion.ANY).compute(a, g);
        assertFalse(any.emptyRegion());
        // Ω = cells 2, 3: norm(M_n) = [1, 2/3, 1/3, 0]; (1/3 − 0.5)² + (0 − 0.001)² over 2
        double expected = (Math.pow(1.0 / 3 - 0.5, 2) + Math.pow(0.001, 2)) / 2;
        assertEquals(expected, any.normalTerm().getFloat(), 1e-6);
    }

    @Test
    void constantMapsStayFinite() {
        NDArray a = maps(new float[][] {{0.25f, 0.25f, 0.25f, 0.25f}}, new float[][] {{0.25f, 0.25f, 0.25f, 0.25f}});
        NDArray g = m.create(new float[] {0, 0, 1, 1}, new Shape(1, 2, 2));
        DaLossTerms t = new DaLoss(OmegaRegion.FULL).compute(a, g);
        // norm = 0 everywhere: term 1 = (0 + 0 + 1 + 1)/4, term 2 = ((0 − 0)² + (0 − 0)²)/2 = 0
        assertEquals(0.5, t.loss().getFloat(), 1e-6);
        assertTrue(Float.isFinite(t.loss().getFloat()));
    }

    @Test
    void minMaxIsGlobalOverTheBatch() {
        // image 0 spans [0.1, 0.2], image 1 spans [0.3, 0.5]: global min 0.1, max 0.5
        NDArray a = maps(new float[][] {{0.1f, 0.1f, 0.1f, 0.1f}, {0.1f, 0.1f, 0.1f, 0.1f}},
                new float[][] {{0.1f, 0.2f, 0.1f, 0.2f}, {0.3f, 0.5f, 0.3f, 0.5f}});
        NDArray g = m.create(new float[8], new Shape(2, 2, 2));
        DaLossTerms t = new DaLoss(OmegaRegion.FULL).compute(a, g);
        // norm(M_a) = [0, .25, 0, .25, .5, 1, .5, 1] → mean of squares = (2·0.0625 + 2·0.25 + 2·1)/8
        double global = (2 * 0.0625 + 2 * 0.25 + 2 * 1.0) / 8;
        assertEquals(global, t.anomalyTerm().getFloat(), 1e-6);
        // per-image normalisation would have given (2·1 + 2·1)/8 = 0.5, so this proves the global rule
        assertTrue(Math.abs(global - 0.5) > 0.1);
    }

    @Test
    void rejectsWrongShapes() {
        NDArray a = m.zeros(new Shape(1, 4, 2, 2));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new DaLoss(OmegaRegion.FULL).compute(a, m.zeros(new Shape(1, 2, 2))));
        assertTrue(e.getMessage().contains("[b, 5, r, r]"), e.getMessage());
    }
}
