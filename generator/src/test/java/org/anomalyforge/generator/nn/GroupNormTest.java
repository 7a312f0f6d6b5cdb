package org.anomalyforge.generator.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class GroupNormTest {

    @Test
    void twoGroupsMatchHandComputedValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            GroupNorm gn = GroupNorm.of(2, 4, 1e-6f);
            ModelInitialization.seeded(gn, m, 1);
            // x [1, 4, 1, 2]: group 0 = channels 0,1 = {1, 2, 3, 4}: μ 2.5, biased σ² 1.25;
            // group 1 = {10, 20, 30, 40}: μ 25, σ² 125. Both normalise to ±0.4472136, ±1.3416408.
            NDArray x = m.create(new float[] {1, 2, 3, 4, 10, 20, 30, 40}, new Shape(1, 4, 1, 2));
            gn.namedParameters().get("weight").getArray().set(new float[] {1, 2, 3, 4});
            gn.namedParameters().get("bias").getArray().set(new float[] {0, 0, 1, 1});
            float[] y = gn.forward(new ParameterStore(m, false), x, false).toFloatArray();
            float a = 1.3416408f;
            float b = 0.4472136f;
            float[] expected = {-a, -b, 2 * b, 2 * a, 3 * -a + 1, 3 * -b + 1, 4 * b + 1, 4 * a + 1};
            assertArrayEquals(expected, y, 2e-6f);
        }
    }

    @Test
    void builderRejectsGroupsThatDoNotDivideChannels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GroupNorm.builder().setGroups(3).setChannels(4).build());
        assertEquals("GroupNorm channels must be divisible by groups, got channels 4, groups 3", e.getMessage());
    }

    @Test
    void parametersAreNamedLikeTorch() {
        GroupNorm gn = GroupNorm.of(8, 32, 1e-5f);
        assertEquals(new Shape(32), gn.namedParameters().get("weight").getShape());
        assertTrue(gn.namedParameters().containsKey("bias"));
    }
}
