package org.anomalyforge.generator.sampling;

import static org.anomalyforge.generator.sampling.SchedulerTest.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DPM-Solver++ 2M behaviour (§5.3): history ownership, grid order, resets, lower_order_final. */
class DpmSolverMultistepSchedulerTest {

    private static final Shape SHAPE = new Shape(1, 1, 2, 2);

    private NDManager manager;
    private DpmSolverMultistepScheduler scheduler;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        scheduler = new DpmSolverMultistepScheduler(NoiseScheduleConfig.stableDiffusion());
        scheduler.setTimesteps(25);
    }

    @AfterEach
    void tearDown() {
        scheduler.close();
        manager.close();
    }

    private NDArray full(float value) {
        return manager.full(SHAPE, value);
    }

    private static void assertAll(double expected, NDArray actual) {
        assertEquals(SHAPE, actual.getShape());
        for (float v : actual.toFloatArray()) {
            assertRelative(expected, v);
        }
    }

    @Test
    void orderIsTwoAndTheDataPredictionIsReturned() {
        StepResult first = scheduler.step(full(0.5f), 999, full(1f));
        assertAll(7.3414929, first.predOriginalSample());
        assertEquals(2, scheduler.order());
    }

    @Test
    void historySurvivesTheCallerClosingItsArrays() {
        NDArray x1;
        try (NDManager step = manager.newSubManager()) {
            StepResult first = scheduler.step(step.full(SHAPE, 0.5f), 999, step.full(SHAPE, 1f));
            x1 = first.prevSample();
            x1.attach(manager);
        }
        assertAll(1.3785477, scheduler.step(full(0.25f), 959, x1).prevSample());
    }

    @Test
    void stepsMustFollowTheGrid() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scheduler.step(full(0.5f), 959, full(1f)));
        assertEquals("DPM-Solver++ steps in grid order: expected timestep 999 at step 0, got 959", e.getMessage());
        DpmSolverMultistepScheduler fresh = new DpmSolverMultistepScheduler(NoiseScheduleConfig.stableDiffusion());
        IllegalStateException notSet = assertThrows(IllegalStateException.class,
                () -> fresh.step(full(0.5f), 999, full(1f)));
        assertEquals("DpmSolverMultistepScheduler: call setTimesteps before using the inference timesteps",
                notSet.getMessage());
    }

    @Test
    void setTimestepsStartsOver() {
        scheduler.step(full(0.5f), 999, full(1f));
        scheduler.setTimesteps(25);
        // After a reset, 999 is again a first-order step (the §5.5 value 1.1317858).
        assertAll(1.1317858, scheduler.step(full(0.5f), 999, full(1f)).prevSample());
    }

    @Test
    void mismatchedShapesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scheduler.step(manager.zeros(new Shape(1, 1, 2, 3)), 999, full(1f)));
        assertEquals("modelOutput shape (1, 1, 2, 3) must equal sample shape (1, 1, 2, 2)", e.getMessage());
    }

    @Test
    void lowerOrderFinalOnlyBelowFifteenSteps() {
        // N = 10: the last step (t = 100 → 0) is first order, i.e. the DDIM update of the same x and ε̂.
        NDArray beforeLast = dpmRun(10, 9, true);
        double ddimLast;
        try (DdimScheduler ddim = new DdimScheduler(NoiseScheduleConfig.stableDiffusion())) {
            ddim.setTimesteps(10);
            ddimLast = ddim.step(full(1.0f), ddim.timesteps()[9], beforeLast).prevSample().toFloatArray()[0];
        }
        double dpmLast = dpmRun(10, 10, true).toFloatArray()[0];
        assertEquals(ddimLast, dpmLast, 1e-6);
        // Without lower_order_final the last step is second order and differs.
        double secondOrder = dpmRun(10, 10, false).toFloatArray()[0];
        assertEquals(true, Math.abs(secondOrder - ddimLast) > 1e-3,
                "a second-order final step should differ from first order: " + secondOrder + " vs " + ddimLast);
    }

    /** The first {@code steps} of an N-step DPM run from x = 1 with ε̂ = 0.1·(k + 1) at step k. */
    private NDArray dpmRun(int n, int steps, boolean lowerOrderFinal) {
        try (DpmSolverMultistepScheduler dpm =
                new DpmSolverMultistepScheduler(NoiseScheduleConfig.stableDiffusion(), lowerOrderFinal)) {
            dpm.setTimesteps(n);
            int[] grid = dpm.timesteps();
            NDArray x = full(1f);
            for (int k = 0; k < steps; k++) {
                x = dpm.step(full(0.1f * (k + 1)), grid[k], x).prevSample();
            }
            return x;
        }
    }
}
