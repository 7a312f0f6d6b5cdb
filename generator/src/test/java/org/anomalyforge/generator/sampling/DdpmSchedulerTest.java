package org.anomalyforge.generator.sampling;

import static org.anomalyforge.generator.sampling.SchedulerTest.assertRelative;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** seas.md §5.2: forward noising with per-sample t, the final step and the DDPM grid (§5.5 values: SchedulerTest). */
class DdpmSchedulerTest {

    private static final Shape SHAPE = new Shape(1, 1, 2, 2);

    private NDManager manager;
    private DdpmScheduler scheduler;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        scheduler = new DdpmScheduler(NoiseScheduleConfig.stableDiffusion());
        scheduler.setTimesteps(1000);
    }

    @AfterEach
    void tearDown() {
        scheduler.close();
        manager.close();
    }

    @Test
    void addNoiseUsesOneTimestepPerSample() {
        // x0 [2, 1, 1, 2] = {1, 2 | 3, 4}, ε = {0.5, −1 | 2, 0}, t = {999, 0};
        // α999 = 0.0682649142, σ999 = 0.99766723, α0 = 0.99957491, σ0 = 0.0291547595.
        NDArray x0 = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 1, 1, 2));
        NDArray eps = manager.create(new float[] {0.5f, -1, 2, 0}, new Shape(2, 1, 1, 2));
        float[] noised = scheduler.addNoise(x0, eps, new int[] {999, 0}).toFloatArray();
        assertRelative(0.5670985292, noised[0]);
        assertRelative(-0.8611374016, noised[1]);
        assertRelative(3.057034249, noised[2]);
        assertRelative(3.99829964, noised[3]);
    }

    @Test
    void addNoiseChecksItsArguments() {
        NDArray x0 = manager.zeros(new Shape(2, 1, 1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scheduler.addNoise(x0, manager.zeros(new Shape(2, 1, 1, 2)), new int[] {5}));
        assertEquals("timesteps must have one entry per batch element (2), got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> scheduler.addNoise(x0, manager.zeros(new Shape(2, 1, 2, 1)), new int[] {5, 6}));
        assertEquals("noise shape (2, 1, 2, 1) must equal original shape (2, 1, 1, 2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> scheduler.addNoise(x0, manager.zeros(new Shape(2, 1, 1, 2)), new int[] {5, 1000}));
        assertEquals("timestep must be in [0, 999], got 1000", e.getMessage());
    }

    @Test
    void lastStepReturnsTheDataPredictionWithoutNoise() {
        // t = 0 → prev −1 with ᾱ = 1: μ = x̂₀ and no ξ is drawn (StepNoise.none() would throw).
        NDArray z = manager.full(SHAPE, 1f);
        StepResult last = scheduler.step(manager.full(SHAPE, 0.5f), 0, z);
        assertArrayEquals(last.predOriginalSample().toFloatArray(), last.prevSample().toFloatArray(), 1e-6f);
        // x̂₀ = (1 − 0.0291547595·0.5)/0.99957491
        assertRelative(0.98584169, last.prevSample().toFloatArray()[0]);
    }

    @Test
    void stochasticStepWithoutNoiseFails() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> scheduler.step(manager.full(SHAPE, 0.5f), 500, manager.full(SHAPE, 1f)));
        assertEquals("this scheduler step needs noise ξ of shape (1, 1, 2, 2) but was called without a StepNoise; "
                + "pass one built with SeededNoise.stepNoise", e.getMessage());
    }

    @Test
    void coarseGridStepsBackByTheRatio() {
        scheduler.setTimesteps(25);
        int[] grid = scheduler.timesteps();
        assertEquals(960, grid[0]);
        assertEquals(0, grid[24]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scheduler.setTimesteps(7));
        assertEquals("numInferenceSteps must divide numTrainTimesteps 1000 (DDPM steps t → t − T/N), got 7",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> scheduler.step(manager.full(SHAPE, 0.5f), 959, manager.full(SHAPE, 1f)));
        assertEquals("timestep 959 is not one of the 25 inference timesteps (first 960, last 0)", e.getMessage());
    }
}
