package org.anomalyforge.generator.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildingBlockTest {

    @Test
    void timestepEmbeddingPutsCosinesFirst() {
        try (NDManager m = NDManager.newBaseManager()) {
            // dim 4: half 2, f = [1, exp(-ln(1e4)/2) = 0.01]; φ(t) = [cos t, cos 0.01t, sin t, sin 0.01t]
            NDArray t = m.create(new float[] {0, 1});
            float[] phi = SinusoidalTimesteps.embed(t, 4, true, 0).toFloatArray();
            float[] expected = {1, 1, 0, 0,
                (float) Math.cos(1), (float) Math.cos(0.01), (float) Math.sin(1), (float) Math.sin(0.01)};
            assertArrayEquals(expected, phi, 1e-6f);
        }
    }

    @Test
    void vaeDownsamplingPadsRightAndBottomOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            Downsample2D down = new Downsample2D(1, Downsample2D.Padding.RIGHT_BOTTOM);
            ModelInitialization.seeded(down, m, 1);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.arange(16f).reshape(1, 1, 4, 4);
            float[] w = new float[9];
            w[0] = 1;                                     // top-left tap reads x[2i, 2j]: no padding on top/left
            down.namedChildren().get("conv").namedParameters().get("weight").getArray().set(w);
            down.namedChildren().get("conv").namedParameters().get("bias").getArray().set(new float[] {0});
            assertArrayEquals(new float[] {0, 2, 8, 10}, down.forward(ps, x, false).toFloatArray());
            w[0] = 0;
            w[8] = 1;                                     // bottom-right tap reads x[2i+2, 2j+2]: zero beyond
            down.namedChildren().get("conv").namedParameters().get("weight").getArray().set(w);
            assertArrayEquals(new float[] {10, 0, 0, 0}, down.forward(ps, x, false).toFloatArray());
        }
    }

    @Test
    void upsampleRepeatsEachPixelTwice() {
        try (NDManager m = NDManager.newBaseManager()) {
            Upsample2D up = new Upsample2D(1);
            ModelInitialization.seeded(up, m, 1);
            float[] w = new float[9];
            w[4] = 1;                                     // centre tap: identity convolution
            up.namedChildren().get("conv").namedParameters().get("weight").getArray().set(w);
            up.namedChildren().get("conv").namedParameters().get("bias").getArray().set(new float[] {0});
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            float[] y = up.forward(new ParameterStore(m, false), x, false).toFloatArray();
            assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, y);
        }
    }

    @Test
    void torchDefaultInitIsBoundedAndSeeded() {
        TorchInit rule = TorchInit.fanInUniform(4);
        float[] a = rule.withSeed(7).values(1000);
        float[] b = rule.withSeed(7).values(1000);
        assertArrayEquals(a, b);
        for (float v : a) {
            if (Math.abs(v) > 0.5f) {
                throw new AssertionError("U(±1/√4) value out of bounds: " + v);
            }
        }
        assertEquals(0.5, rule.scale(), 0);
    }

    @Test
    void registryUsesDiffusersDottedNamesAndOrder() {
        BasicTransformerBlock block = new BasicTransformerBlock(8, 2, 4, 6);
        List<String> names = ParameterRegistry.specs(block).stream().map(ParamSpec::name).toList();
        assertEquals(List.of("attn1.to_q.weight", "attn1.to_k.weight", "attn1.to_v.weight", "attn1.to_out.0.weight",
                "attn1.to_out.0.bias", "ff.net.0.proj.weight", "ff.net.0.proj.bias", "ff.net.2.weight", "ff.net.2.bias",
                "attn2.to_q.weight", "attn2.to_k.weight", "attn2.to_v.weight", "attn2.to_out.0.weight",
                "attn2.to_out.0.bias", "norm1.weight", "norm1.bias", "norm2.weight", "norm2.bias", "norm3.weight",
                "norm3.bias"), names);
        assertEquals(new Shape(8, 6), ParameterRegistry.parameters(block).get("attn2.to_k.weight").getShape());
        assertEquals(new Shape(64, 8), ParameterRegistry.parameters(block).get("ff.net.0.proj.weight").getShape());
    }
}
