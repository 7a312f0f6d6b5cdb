package org.anomalyforge.trokens.model.nn;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Spec §16.1 #13: QuickGELU and the erf form of GELU. */
class ActivationsTest {

    @Test
    void quickGeluAndErfGeluAtOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(0.845796f, Activations.quickGelu(m.create(1f)).getFloat(), 1e-6f);
            assertEquals(0.841345f, Activations.gelu(m.create(1f)).getFloat(), 1e-6f);
        }
    }
}
