package org.anomalyforge.segmenter.lfd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §10.1-4: selective fusion with hand-made tensors, BN in eval mode (mean 0, var 1, γ 1, β 0). */
class SelectiveFusionTest {

    private static final float[] UP = {0, 1, 3, 4, 2, 3, 5, 6, 6, 7, 9, 10, 8, 9, 11, 12};

    private NDManager manager;
    private SelectiveFusion fusion;
    private LfdWeights weights;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        fusion = new SelectiveFusion();
        LfdWeights.Builder builder = LfdWeights.builder(42);
        fusion.registerWeights("fusion.", builder);
        weights = builder.build();
        fusion.initialize(manager, DataType.FLOAT32, new Shape(1, 128, 4, 4), new Shape(1, 128, 2, 2));
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void zeroWeightsGiveHalfGateEverywhere() {
        zeroConvs();
        NDList out = run(2f);
        assertEquals(new Shape(1, 128, 4, 4), out.get(0).getShape());
        assertArrayEquals(filled(16, 0.5f), out.get(1).toFloatArray(), 0f);
        float[] expected = {1, 2, 4, 5, 3, 4, 6, 7, 7, 8, 10, 11, 9, 10, 12, 13};
        for (int c : new int[] {0, 64, 127}) {
            assertArrayEquals(expected, channel(out.get(0), c), 0f, "channel " + c);
        }
    }

    @Test
    void concatOrderPutsTheContextFirst() {
        zeroConvs();
        setFirst("fusion.point_conv.0.weight");                   // reads input channel 0: the context
        setFirst("fusion.point_conv.2.weight");
        float[] f = channel(run(2f).get(0), 5);
        assertArrayEquals(new float[] {1.0f, 2.462115f, 4.905147f, 5.964027f}, slice(f, 0), 1e-5f);
        assertArrayEquals(new float[] {9.999329f, 10.999753f, 12.999967f, 13.999988f}, slice(f, 12), 1e-5f);
        // The swapped order would give row 0 = 1.761592 + up: make sure we are far from it.
        assertEquals(1.0f, f[0], 1e-5f);
    }

    @Test
    void zeroDetailReturnsTheUpsampledContextWhateverTheWeights() {
        NDList out = run(0f);                                      // seeded U(±1/√fan_in) weights
        for (int c : new int[] {0, 31, 127}) {
            assertArrayEquals(UP, channel(out.get(0), c), 1e-6f, "channel " + c);
        }
    }

    private NDList run(float detailValue) {
        NDArray lo = manager.full(new Shape(1, 128, 4, 4), detailValue);
        NDArray hi = manager.create(new float[] {0, 4, 8, 12}, new Shape(1, 1, 2, 2)).repeat(1, 128);
        return fusion.forward(new ParameterStore(manager, false), new NDList(lo, hi), false);
    }

    private void zeroConvs() {
        for (String key : new String[] {"fusion.point_conv.0.weight", "fusion.point_conv.0.bias",
                "fusion.point_conv.2.weight", "fusion.point_conv.2.bias"}) {
            NDArray a = weights.entry(key).parameter().getArray();
            a.set(new float[Math.toIntExact(a.size())]);
        }
    }

    private void setFirst(String key) {
        NDArray a = weights.entry(key).parameter().getArray();
        float[] v = new float[Math.toIntExact(a.size())];
        v[0] = 1f;                                                 // weight[0, 0, 0, 0]
        a.set(v);
    }

    private static float[] channel(NDArray x, int c) {
        return x.get("0, " + c).toFloatArray();
    }

    private static float[] slice(float[] v, int from) {
        float[] r = new float[4];
        System.arraycopy(v, from, r, 0, 4);
        return r;
    }

    private static float[] filled(int n, float value) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, value);
        return v;
    }
}
