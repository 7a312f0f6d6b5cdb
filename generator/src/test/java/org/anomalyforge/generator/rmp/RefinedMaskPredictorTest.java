package org.anomalyforge.generator.rmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.SeasTestThreads;
import org.anomalyforge.generator.config.RmpConfig;
import org.anomalyforge.generator.config.SeasModelConfig;
import org.anomalyforge.generator.nn.BatchNorm2d;
import org.anomalyforge.generator.nn.ModelInitialization;
import org.anomalyforge.generator.nn.ParameterRegistry;
import org.anomalyforge.generator.training.GradMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** seas.md §3.2 counts, §8.1 keys and dataflow shapes, §14.1 items 2–3 for the RMP. */
class RefinedMaskPredictorTest {

    @BeforeAll
    static void threads() {
        SeasTestThreads.single();
    }

    @Test
    void tinyConfigFollowsTheSpecTable() {
        RmpConfig c = RmpConfig.of(SeasModelConfig.tiny());
        assertEquals(new RmpConfig(128, 64, 16, 16, 2, 4, 8, List.of(64, 64, 32)), c);
        assertEquals(32, c.width());
        assertEquals(16, c.headDim());
        RmpConfig sd = RmpConfig.of(SeasModelConfig.sd14());
        assertEquals(new RmpConfig(1280, 640, 128, 64, 8, 4, 32, List.of(512, 512, 256)), sd);
        assertEquals(24, sd.headDim());
    }

    @Test
    void tinyCountsKeysAndBuffers() {
        RefinedMaskPredictor rmp = new RefinedMaskPredictor(RmpConfig.of(SeasModelConfig.tiny()));
        Map<String, Parameter> all = ParameterRegistry.parameters(rmp);
        long trainableTensors = all.values().stream().filter(Parameter::requiresGradient).count();
        assertEquals(178_370, ParameterRegistry.trainableCount(rmp));
        assertEquals(145, trainableTensors);
        assertEquals(56, all.size() - trainableTensors);
        assertEquals(28, rmp.batchNorms().size());
        assertEquals(896, rmp.batchNorms().size() * 32);
        List<String> keys = List.copyOf(all.keySet());
        assertEquals("low_feature_conv.0.weight", keys.get(0));
        assertEquals("mid_feature_conv.0.weight", keys.get(1));
        assertEquals("mid_attn_block.attentions.0.norm.weight", keys.get(2));
        for (String k : List.of("MRM1.conv1.0.weight", "MRM1.conv1.1.gain", "MRM1.conv1.1.bias",
                "MRM1.conv1.1.stored_mean", "MRM1.conv1.1.stored_var", "MRM3.conv9.0.weight", "MRM2.conv6.0.weight",
                "out_layer.0.gain", "out_layer.0.stored_var", "out_layer.2.weight", "out_layer.2.bias",
                "mid_attn_block.attentions.0.transformer_blocks.3.ff.net.0.proj.weight")) {
            assertTrue(all.containsKey(k), k);
        }
        assertEquals(false, all.containsKey("MRM1.conv1.0.bias"));
        assertEquals(new Shape(16, 64, 1, 1), all.get("mid_feature_conv.0.weight").getShape());
    }

    @Test
    void sd14CountIsExactWithoutAllocation() {
        RefinedMaskPredictor rmp = new RefinedMaskPredictor(RmpConfig.of(SeasModelConfig.sd14()));
        assertEquals(6_448_258, ParameterRegistry.trainableCount(rmp));
        assertEquals(28, rmp.batchNorms().size());
        assertEquals(5_376, rmp.batchNorms().stream().mapToLong(bn -> bn.namedParameters().get("gain").getShape()
                .get(0)).sum());
    }

    @Test
    void sd14ShapesOnReducedTapsAndTrainingRouting() {
        try (NDManager m = NDManager.newBaseManager()) {
            GradMode.off();
            RefinedMaskPredictor rmp = new RefinedMaskPredictor(RmpConfig.of(SeasModelConfig.sd14()));
            ModelInitialization.seeded(rmp, m, 3);
            ParameterStore ps = new ParameterStore(m, false);
            // r0 = 8: up-2 1280×4², up-3 640×8², V = 512×16², 512×32², 256×64²
            int b = 1;
            NDArray up2 = m.randomNormal(new Shape(2 * b, 1280, 4, 4));
            NDArray up3 = m.randomNormal(new Shape(2 * b, 640, 8, 8));
            List<NDArray> vae = List.of(m.randomNormal(new Shape(b, 512, 16, 16)),
                    m.randomNormal(new Shape(b, 512, 32, 32)), m.randomNormal(new Shape(b, 256, 64, 64)));
            NDArray h = rmp.coarse(ps, up2, up3, false);
            assertEquals(new Shape(2, 192, 8, 8), h.getShape());
            RmpPrediction y = rmp.trainingForward(ps, h, vae, false);
            assertEquals(new Shape(2, 2, 64, 64), y.full().getShape());
            assertEquals(new Shape(2, 2, 8, 8), y.coarse().getShape());
            // probabilities: the two channels sum to 1 everywhere
            float[] sum = y.full().sum(new int[] {1}).toFloatArray();
            for (float v : sum) {
                assertEquals(1f, v, 1e-5f);
            }
            // the normal half is not refined: VAE taps exist for the b anomaly images only
            assertThrows(IllegalArgumentException.class, () -> rmp.refine(ps, h, vae, BatchNorm2d.Statistics.STORED,
                    false));
        }
    }

    @Test
    void tinyInferenceShapesAndUnusedConv6GetsNoGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            RefinedMaskPredictor rmp = new RefinedMaskPredictor(RmpConfig.of(SeasModelConfig.tiny()));
            ModelInitialization.seeded(rmp, m, 5);
            ParameterStore ps = new ParameterStore(m, false);
            // tiny at 128²: up-2 128×8², up-3 64×16², V = 64×32², 64×64², 32×128²
            NDArray up2 = m.randomNormal(new Shape(2, 128, 8, 8));
            NDArray up3 = m.randomNormal(new Shape(2, 64, 16, 16));
            List<NDArray> vae = List.of(m.randomNormal(new Shape(2, 64, 32, 32)),
                    m.randomNormal(new Shape(2, 64, 64, 64)), m.randomNormal(new Shape(2, 32, 128, 128)));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = rmp.refine(ps, rmp.coarse(ps, up2, up3, true), vae, BatchNorm2d.Statistics.BATCH, true);
                assertEquals(new Shape(2, 2, 128, 128), y.getShape());
                gc.backward(y.get(":, 1").mean());
            }
            GradMode.off();
            MaskRefinementModule mrm = rmp.mrms().get(0);
            assertNull(JniUtils.getGradient((PtNDArray) param(mrm.convs().get(5), "0.weight").getArray()),
                    "conv6 is never called");
            PtNDArray used = JniUtils.getGradient((PtNDArray) param(mrm.convs().get(2), "0.weight").getArray());
            assertNotNull(used);
            assertTrue(used.abs().sum().getFloat() > 0, "conv3 receives a gradient");
        }
    }

    @Test
    void mrmDoublesTheCoarseSideAndChecksTheTap() {
        try (NDManager m = NDManager.newBaseManager()) {
            GradMode.off();
            MaskRefinementModule mrm = new MaskRefinementModule(12, 8);
            ModelInitialization.seeded(mrm, m, 9);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray out = mrm.forward(ps, m.randomNormal(new Shape(3, 8, 5, 5)), m.randomNormal(new Shape(3, 12, 10,
                    10)), BatchNorm2d.Statistics.STORED, false);
            assertEquals(new Shape(3, 8, 10, 10), out.getShape());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mrm.forward(ps,
                    m.randomNormal(new Shape(3, 8, 5, 5)), m.randomNormal(new Shape(3, 12, 8, 8)),
                    BatchNorm2d.Statistics.STORED, false));
            assertTrue(e.getMessage().contains("10x10"), e.getMessage());
        }
    }

    private static Parameter param(ConvBnRelu block, String key) {
        return ParameterRegistry.parameters(block).get(key);
    }
}
