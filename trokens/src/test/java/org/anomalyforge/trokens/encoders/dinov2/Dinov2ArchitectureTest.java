package org.anomalyforge.trokens.encoders.dinov2;

import ai.djl.ndarray.NDManager;
import org.anomalyforge.trokens.model.nn.DottedParameters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Spec §16.1 #12: DINOv2-S and DINOv2-B built at full size; position-table resizing. */
class Dinov2ArchitectureTest {

    @Test
    void publishedArchitecturesHaveTheTableCounts() {
        assertEquals(22_056_576L, Dinov2Config.vitS14().parameterCount(true));
        assertEquals(22_056_192L, Dinov2Config.vitS14().parameterCount(false));
        assertEquals(86_580_480L, Dinov2Config.vitB14().parameterCount(true));
        assertEquals(86_579_712L, Dinov2Config.vitB14().parameterCount(false));
    }

    @Test
    void fullSizeBlocksCountLikeTheTable() {
        for (Dinov2Config c : new Dinov2Config[] {Dinov2Config.vitS14(), Dinov2Config.vitB14()}) {
            try (NDManager manager = NDManager.newBaseManager()) {
                Dinov2Vit vit = new Dinov2Vit(c);
                vit.initialize(manager);
                // the block has no mask_token (unused at inference): table value minus D
                assertEquals(c.parameterCount(true) - c.width(), DottedParameters.count(vit), c.variant());
            }
        }
    }

    @Test
    void ourLayoutMatchesTheBlockParameterNames() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Dinov2Vit vit = new Dinov2Vit(TinyCheckpoints.TINY);
            vit.initialize(manager);
            assertEquals(Dinov2Naming.ORIGINAL.expectedShapes(TinyCheckpoints.TINY).keySet(),
                    DottedParameters.of(vit).keySet());
        }
    }

    @Test
    void bicubicCoefficientsAndConstantTables() {
        assertArrayEquals(new double[] {0, 1, 0, 0}, PositionEmbeddingResize.coefficients(0), 1e-12);
        assertArrayEquals(new double[] {-0.09375, 0.59375, 0.59375, -0.09375},
                PositionEmbeddingResize.coefficients(0.5), 1e-12);
        float[] table = new float[(1 + 37 * 37) * 2];
        for (int i = 0; i < table.length; i++) {
            table[i] = i < 2 ? 9f + i : (i % 2 == 0 ? 0.25f : -3f);
        }
        float[] resized = PositionEmbeddingResize.resize(table, 37, 16, 2);
        assertEquals((1 + 256) * 2, resized.length);
        assertEquals(9f, resized[0]);
        assertEquals(10f, resized[1]);
        for (int i = 2; i < resized.length; i++) {
            assertEquals(i % 2 == 0 ? 0.25f : -3f, resized[i], 1e-6f);
        }
    }

    @Test
    void resizingARampFollowsTheBicubicFormula() {
        // 4×4 → 2×2, one channel, value = column index: src = (o + 0.5)·2 − 0.5 = 0.5 and 2.5, t = 0.5
        float[] table = new float[1 + 16];
        for (int i = 0; i < 16; i++) {
            table[1 + i] = i % 4;
        }
        float[] out = PositionEmbeddingResize.resize(table, 4, 2, 1);
        // taps {−1→0, 0, 1, 2} at o = 0: −0.09375·0 + 0.59375·0 + 0.59375·1 − 0.09375·2 = 0.40625
        // taps {1, 2, 3, 4→3} at o = 1: −0.09375·1 + 0.59375·2 + 0.59375·3 − 0.09375·3 = 2.59375
        assertArrayEquals(new float[] {0f, 0.40625f, 2.59375f, 0.40625f, 2.59375f}, out, 1e-6f);
    }
}
