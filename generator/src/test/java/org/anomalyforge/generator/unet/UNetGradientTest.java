package org.anomalyforge.generator.unet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.config.SeasModelConfig;
import org.anomalyforge.generator.nn.ModelInitialization;
import org.anomalyforge.generator.nn.ParameterRegistry;
import org.anomalyforge.generator.nn.TorchInit;
import org.anomalyforge.generator.text.ClipTextModel;
import org.junit.jupiter.api.Test;

/** The DA maps stay on the autograd graph: a loss on them reaches to_k of the DA layers and the token table. */
class UNetGradientTest {

    @Test
    void daMapLossReachesToKAndTheTextEncoder() {
        SeasModelConfig tiny = SeasModelConfig.tiny();
        try (NDManager m = NDManager.newBaseManager()) {
            UNet2DConditionModel unet = new UNet2DConditionModel(tiny.unet());
            ClipTextModel text = new ClipTextModel(tiny.textEncoder());
            ModelInitialization.seeded(unet, m, 1);
            ModelInitialization.seeded(text, m, 2);
            ParameterStore ps = new ParameterStore(m, false);
            try (NDManager step = m.newSubManager()) {
                long[] ids = new long[77];
                java.util.Arrays.fill(ids, 1);
                ids[0] = 0;
                ids[1] = 3;
                ids[2] = 5;
                ids[3] = 4;
                ids[4] = 6;
                NDArray z = step.create(TorchInit.normal(1).withSeed(3).values(4 * 16 * 16), new Shape(1, 4, 16, 16));
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray c = text.forward(ps, step.create(ids, new Shape(1, 77)), true);
                    UNetOutput out = unet.forward(ps, z, step.create(new int[] {7}), c,
                            UNetTapRequest.daMaps(List.of(16), 2, 4), true);
                    NDArray map = out.daMaps().get(16);
                    // a non-constant function of the maps: weight each cell by its index
                    NDArray weights = step.arange(0f, (float) map.getShape().size()).reshape(map.getShape());
                    gc.backward(map.mul(weights).sum());
                }
            }
            Map<String, Parameter> u = ParameterRegistry.parameters(unet);
            assertTrue(gradNorm(u.get("down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k.weight")) > 0);
            assertTrue(gradNorm(u.get("down_blocks.0.attentions.1.transformer_blocks.0.attn2.to_q.weight")) > 0);
            assertTrue(gradNorm(u.get("conv_in.weight")) > 0);
            assertTrue(gradNorm(ParameterRegistry.parameters(text).get("text_model.embeddings.token_embedding.weight"))
                    > 0);
            // the map of down block 0 does not depend on the layers after it
            assertTrue(gradNorm(u.get("conv_out.weight")) == 0);
        }
    }

    private static float gradNorm(Parameter p) {
        try (NDArray g = p.getArray().getGradient()) {
            return g.abs().sum().getFloat();
        }
    }
}
