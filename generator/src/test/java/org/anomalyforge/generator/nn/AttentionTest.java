package org.anomalyforge.generator.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttentionTest {

    private static final int B = 2;
    private static final int N = 12;
    private static final int TOKENS = 77;

    @Test
    void crossAttentionKeepsQueryShape() {
        try (NDManager m = NDManager.newBaseManager()) {
            Attention attn = crossAttention(m);
            NDArray out = attn.forward(new ParameterStore(m, false), hidden(m), context(m), false);
            assertEquals(new Shape(B, N, 16), out.getShape());
        }
    }

    @Test
    void capturingProcessorLeavesOutputUnchangedAndRecordsNormalisedMaps() {
        try (NDManager m = NDManager.newBaseManager()) {
            Attention attn = crossAttention(m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray h = hidden(m);
            NDArray c = context(m);
            float[] plain = attn.forward(ps, h, c, false).toFloatArray();
            CapturingAttentionProcessor capture = new CapturingAttentionProcessor("attn2", 2, 4, 5, 6, 7);
            attn.setProcessor(capture);
            float[] captured = attn.forward(ps, h, c, false).toFloatArray();
            assertArrayEquals(plain, captured, 0f);
            assertEquals(1, capture.captures().size());
            AttentionCapture rec = capture.captures().get(0);
            assertEquals(new Shape(B * 4, N, TOKENS), rec.probabilities().getShape());
            float[] rowSums = rec.probabilities().sum(new int[] {2}).toFloatArray();
            for (float s : rowSums) {
                assertEquals(1f, s, 1e-5f);
            }
            assertEquals(new Shape(B, 4, N, 5), rec.spatialMaps().getShape());
            for (float s : rec.spatialMaps().sum(new int[] {2}).toFloatArray()) {
                assertEquals(1f, s, 1e-5f);
            }
        }
    }

    @Test
    void chunkingOverQueriesGivesTheSameResult() {
        try (NDManager m = NDManager.newBaseManager()) {
            Attention attn = crossAttention(m);
            ParameterStore ps = new ParameterStore(m, false);
            float[] whole = attn.forward(ps, hidden(m), context(m), false).toFloatArray();
            // B·H·M = 2·4·77 = 616 scores per query row; 1300 allows 2 rows per chunk → 6 chunks.
            attn.setProcessor(new DefaultAttentionProcessor(1300));
            float[] chunked = attn.forward(ps, hidden(m), context(m), false).toFloatArray();
            assertArrayEquals(whole, chunked, 1e-6f);
            CapturingAttentionProcessor capture = new CapturingAttentionProcessor("attn2", 1300L, new int[0]);
            attn.setProcessor(capture);
            attn.forward(ps, hidden(m), context(m), false);
            assertEquals(new Shape(B * 4, N, TOKENS), capture.captures().get(0).probabilities().getShape());
            assertNull(capture.captures().get(0).spatialMaps());
        }
    }

    @Test
    void processorsAreSetByDottedNameAndMustCoverEveryLayer() {
        BasicTransformerBlock block = new BasicTransformerBlock(16, 4, 4, 8);
        Map<String, Attention> layers = AttentionProcessors.layers(block);
        assertEquals(java.util.List.of("attn1", "attn2"), java.util.List.copyOf(layers.keySet()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AttentionProcessors.set(block,
                Map.of("attn2", new DefaultAttentionProcessor(), "attn3", new DefaultAttentionProcessor())));
        assertEquals("attention processors must cover every one of the 2 layers exactly; missing [attn1], unknown"
                + " [attn3]", e.getMessage());
        AttentionProcessors.setAll(block, CapturingAttentionProcessor::new);
        assertTrue(layers.get("attn2").processor() instanceof CapturingAttentionProcessor);
        assertEquals("attn2", ((CapturingAttentionProcessor) layers.get("attn2").processor()).layerName());
    }

    private static Attention crossAttention(NDManager m) {
        Attention attn = Attention.builder().setQueryDim(16).setHeads(4).setHeadDim(4).optContextDim(8).build();
        ModelInitialization.seeded(attn, m, 42);
        return attn;
    }

    private static NDArray hidden(NDManager m) {
        return m.create(TorchInit.normal(1).withSeed(1).values(B * N * 16), new Shape(B, N, 16));
    }

    private static NDArray context(NDManager m) {
        return m.create(TorchInit.normal(1).withSeed(2).values(B * TOKENS * 8), new Shape(B, TOKENS, 8));
    }
}
