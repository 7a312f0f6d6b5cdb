package org.anomalyforge.segmenter.lfd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §10.1-5: a one-hot depthwise weight at tap 4 shifts the columns by +4 in {@code context1.0}
 * (dilation 2) and by +2 in {@code context2.0}, with zeros past the edge; {@code *.1} shifts the rows.
 */
class AggregationModuleTest {

    private static final int H = 6;
    private static final int W = 8;
    private static final float BN_SCALE = (float) (1 / Math.sqrt(1 + 1e-5));

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void dilatedRowConvShiftsColumnsByFour() {
        assertArrayEquals(shifted(0, 4), run(2, 4, 2), 1e-5f);
    }

    @Test
    void plainRowConvShiftsColumnsByTwo() {
        assertArrayEquals(shifted(0, 2), run(1, 4, 2), 1e-5f);
    }

    @Test
    void columnConvShiftsRowsByTwo() {
        assertArrayEquals(shifted(2, 0), run(1, 2, 4), 1e-5f);
        assertArrayEquals(shifted(2, 0), run(2, 2, 4), 1e-5f);
    }

    /** Output channel 3 of a module whose row conv is one-hot at rowTap and column conv at columnTap. */
    private float[] run(int dilation, int rowTap, int columnTap) {
        AggregationModule module = new AggregationModule(dilation);
        LfdWeights.Builder builder = LfdWeights.builder(42);
        module.registerWeights("context.", builder);
        LfdWeights weights = builder.build();
        module.initialize(manager, DataType.FLOAT32, new Shape(1, 128, H, W));
        oneHotTaps(weights, "context.0.weight", rowTap);
        oneHotTaps(weights, "context.1.weight", columnTap);
        float[] identity = new float[128 * 128];
        for (int c = 0; c < 128; c++) {
            identity[c * 128 + c] = 1f;
        }
        weights.entry("context.2.weight").parameter().getArray().set(identity);
        for (String bias : new String[] {"context.0.bias", "context.1.bias", "context.2.bias"}) {
            weights.entry(bias).parameter().getArray().set(new float[128]);
        }
        NDList out = module.forward(new ParameterStore(manager, false), new NDList(input()), false);
        return out.singletonOrThrow().get("0, 3").toFloatArray();
    }

    private static void oneHotTaps(LfdWeights weights, String key, int tap) {
        float[] v = new float[128 * 5];
        for (int c = 0; c < 128; c++) {
            v[c * 5 + tap] = 1f;
        }
        weights.entry(key).parameter().getArray().set(v);
    }

    /** x[c, i, j] = 1 + j + 10·i + c (positive, so the ReLU is the identity). */
    private NDArray input() {
        float[] v = new float[128 * H * W];
        for (int c = 0; c < 128; c++) {
            for (int i = 0; i < H; i++) {
                for (int j = 0; j < W; j++) {
                    v[(c * H + i) * W + j] = 1 + j + 10 * i + c;
                }
            }
        }
        return manager.create(v, new Shape(1, 128, H, W));
    }

    /** Channel 3 of the input read at (i + dRow, j + dColumn), zero past the edge, through eval BN. */
    private static float[] shifted(int dRow, int dColumn) {
        float[] out = new float[H * W];
        for (int i = 0; i < H; i++) {
            for (int j = 0; j < W; j++) {
                int si = i + dRow;
                int sj = j + dColumn;
                out[i * W + j] = si < H && sj < W ? (1 + sj + 10 * si + 3) * BN_SCALE : 0f;
            }
        }
        return out;
    }
}
