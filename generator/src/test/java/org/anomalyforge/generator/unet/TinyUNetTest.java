package org.anomalyforge.generator.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.anomalyforge.generator.config.SeasModelConfig;
import org.anomalyforge.generator.nn.AttentionProcessors;
import org.anomalyforge.generator.nn.DefaultAttentionProcessor;
import org.anomalyforge.generator.nn.ModelInitialization;
import org.anomalyforge.generator.nn.ParameterRegistry;
import org.anomalyforge.generator.nn.TorchInit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TinyUNetTest {

    private static final SeasModelConfig TINY = SeasModelConfig.tiny();
    private static NDManager manager;
    private static UNet2DConditionModel unet;

    @BeforeAll
    static void build() {
        manager = NDManager.newBaseManager();
        unet = new UNet2DConditionModel(TINY.unet());
        ModelInitialization.seeded(unet, manager, 2024);
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void parameterCountsMatchSpec() {
        assertEquals(4_551_396L, ParameterRegistry.count(unet));
        assertEquals(4_551_396L, ParameterRegistry.trainableCount(unet));
        assertEquals(496, ParameterRegistry.specs(unet).size());
        // the real DJL arrays agree with the registry shapes
        ParameterRegistry.parameters(unet).forEach((k, p) -> assertEquals(p.getShape(), p.getArray().getShape(), k));
    }

    @Test
    void oneCallReturnsNoiseUpBlockTapsAndDaMaps() {
        ParameterStore ps = new ParameterStore(manager, false);
        try (NDManager call = manager.newSubManager()) {
            NDArray z = call.create(TorchInit.normal(1).withSeed(3).values(2 * 4 * 16 * 16), new Shape(2, 4, 16, 16));
            NDArray t = call.create(new int[] {10, 900});
            NDArray c = call.create(TorchInit.normal(1).withSeed(4).values(2 * 77 * 128), new Shape(2, 77, 128));
            UNetOutput plain = unet.forward(ps, z, t, c, UNetTapRequest.none(), false);
            UNetOutput out = unet.forward(ps, z, t, c, UNetTapRequest.daMaps(TINY.daResolutions(), 2, 4, 5, 6, 7),
                    false);
            assertEquals(new Shape(2, 4, 16, 16), out.noisePrediction().getShape());
            assertEquals(List.of(new Shape(2, 128, 8, 8), new Shape(2, 64, 16, 16), new Shape(2, 32, 16, 16)),
                    out.upBlockOutputs().stream().map(NDArray::getShape).toList());
            assertEquals(new Shape(2, 128, 8, 8), out.upBlockOutputs().get(TINY.rmpUp2Block()).getShape());
            assertEquals(new Shape(2, 64, 16, 16), out.upBlockOutputs().get(TINY.rmpUp3Block()).getShape());
            assertEquals(new Shape(2, 5, 16, 16), out.daMaps().get(16).getShape());
            assertEquals(new Shape(2, 5, 8, 8), out.daMaps().get(8).getShape());
            // each A_r[l] is a mean of spatial distributions: sums to 1 over the r×r cells
            for (float s : out.daMaps().get(8).reshape(10, 64).sum(new int[] {1}).toFloatArray()) {
                assertEquals(1f, s, 1e-4f);
            }
            assertTrue(plain.daMaps().isEmpty());
            assertArrayEquals(plain.noisePrediction().toFloatArray(), out.noisePrediction().toFloatArray(), 0f);
        }
        AttentionProcessors.processors(unet).values()
                .forEach(p -> assertTrue(p instanceof DefaultAttentionProcessor, "processor restored"));
    }

    @Test
    void downAndUpSourceAveragesBothBlocks() {
        ParameterStore ps = new ParameterStore(manager, false);
        try (NDManager call = manager.newSubManager()) {
            NDArray z = call.create(TorchInit.normal(1).withSeed(5).values(4 * 16 * 16), new Shape(1, 4, 16, 16));
            NDArray t = call.create(new int[] {500});
            NDArray c = call.create(TorchInit.normal(1).withSeed(6).values(77 * 128), new Shape(1, 77, 128));
            UNetOutput down = unet.forward(ps, z, t, c, UNetTapRequest.daMaps(List.of(8), 2), false);
            UNetOutput both = unet.forward(ps, z, t, c, new UNetTapRequest(List.of(8), new int[] {2},
                    DaMapSource.DOWN_AND_UP), false);
            assertEquals(new Shape(1, 1, 8, 8), both.daMaps().get(8).getShape());
            float diff = both.daMaps().get(8).sub(down.daMaps().get(8)).abs().max().getFloat();
            assertTrue(diff > 0, "the up-block maps change the average");
        }
    }

    @Test
    void daResolutionWithoutCrossAttentionIsRejected() {
        ParameterStore ps = new ParameterStore(manager, false);
        try (NDManager call = manager.newSubManager()) {
            NDArray z = call.zeros(new Shape(1, 4, 16, 16));
            NDArray t = call.create(new int[] {1});
            NDArray c = call.zeros(new Shape(1, 77, 128));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> unet.forward(ps, z, t, c, UNetTapRequest.daMaps(List.of(4), 2), false));
            assertTrue(e.getMessage().startsWith("DA resolution 4 is not the resolution of a cross-attention down block"),
                    e.getMessage());
        }
        AttentionProcessors.processors(unet).values()
                .forEach(p -> assertTrue(p instanceof DefaultAttentionProcessor, "processor restored"));
    }

    @Test
    void wrongContextWidthIsRejectedBeforeAnyWork() {
        try (NDManager call = manager.newSubManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> unet.forward(
                    new ParameterStore(manager, false), call.zeros(new Shape(1, 4, 16, 16)), call.create(new int[] {1}),
                    call.zeros(new Shape(1, 77, 768)), UNetTapRequest.none(), false));
            assertEquals("UNet2DConditionModel: context axis 2 must be 128, got 768 (shape (1, 77, 768))",
                    e.getMessage());
        }
    }
}
