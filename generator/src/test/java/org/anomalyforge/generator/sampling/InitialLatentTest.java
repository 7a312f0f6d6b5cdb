package org.anomalyforge.generator.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** seas.md §5.4: z_init = κ·z̃_ref + 0.99984084·ε, or ε alone. */
class InitialLatentTest {

    private static final Shape SHAPE = new Shape(1, 1, 1, 2);

    @Test
    void referenceInitialisationMixesReferenceAndNoise() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray reference = manager.create(new float[] {2f, -4f}, SHAPE);
            NDArray noise = manager.create(new float[] {1f, 0.5f}, SHAPE);
            float[] z = new InitialLatent(InitialLatentConfig.seas()).create(reference, noise).toFloatArray();
            // 0.097945866·2 + 0.99984084·1 = 1.19573257; 0.097945866·(−4) + 0.99984084·0.5 = 0.10813696.
            assertArrayEquals(new float[] {1.19573257f, 0.10813696f}, z, 1e-6f);
        }
    }

    @Test
    void pureNoiseReturnsTheNoise() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray noise = manager.create(new float[] {1f, 0.5f}, SHAPE);
            InitialLatent pure = new InitialLatent(InitialLatentConfig.pureNoise());
            assertArrayEquals(new float[] {1f, 0.5f}, pure.create(null, noise).toFloatArray(), 0f);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> pure.create(noise, noise));
            assertEquals("init PURE_NOISE takes no reference latent, got one of shape (1, 1, 1, 2)", e.getMessage());
        }
    }

    @Test
    void argumentsAreChecked() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InitialLatent reference = new InitialLatent(InitialLatentConfig.seas());
            NDArray noise = manager.zeros(SHAPE);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> reference.create(null, noise));
            assertEquals("init REFERENCE needs the scaled reference latent, got null", e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> reference.create(manager.zeros(new Shape(1, 1, 2, 1)), noise));
            assertEquals("noise shape (1, 1, 1, 2) must equal scaledReference shape (1, 1, 2, 1)", e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InitialLatentConfig(LatentInit.REFERENCE, 1.5, 0.9));
        assertEquals("kappa must be in [0, 1], got 1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new InitialLatentConfig(LatentInit.PURE_NOISE, 0.1, 1.0));
        assertEquals("init PURE_NOISE means z_init = ε, so kappa must be 0 and noiseScale 1, got kappa 0.1 and "
                + "noiseScale 1.0", e.getMessage());
    }
}
