package org.anomalyforge.generator.sampling;

import static org.anomalyforge.generator.sampling.SchedulerTest.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Hand checks of the η = 0 DDIM update x_prev = α_prev·x̂₀ + σ_prev·ε̂ on the §5.3 grid. */
class DdimSchedulerTest {

    private static final Shape SHAPE = new Shape(1, 2);

    @Test
    void oneStepFrom999To959() {
        try (NDManager manager = NDManager.newBaseManager();
                DdimScheduler ddim = new DdimScheduler(NoiseScheduleConfig.stableDiffusion())) {
            ddim.setTimesteps(25);
            StepResult result = ddim.step(manager.full(SHAPE, 0.5f), 999, manager.full(SHAPE, 1f));
            // x̂₀ = 7.3414929 (as DPM); x = 0.0863110129·7.3414929 + 0.996268242·0.5 = 1.1317858.
            assertRelative(7.3414929, result.predOriginalSample().toFloatArray()[0]);
            assertRelative(1.1317858, result.prevSample().toFloatArray()[1]);
            assertEquals(1, ddim.order());
        }
    }

    @Test
    void lastStepGoesToTimestepZeroWithAlphaBarZero() {
        try (NDManager manager = NDManager.newBaseManager();
                DdimScheduler ddim = new DdimScheduler(NoiseScheduleConfig.stableDiffusion())) {
            ddim.setTimesteps(25);
            NDArray z = manager.full(SHAPE, 1f);
            StepResult result = ddim.step(manager.full(SHAPE, 0.5f), 40, z);
            // x̂₀ = (1 − 0.195228307·0.5)/0.980757823 = 0.92009039; x = 0.99957491·x̂₀ + 0.0291547595·0.5.
            assertRelative(0.92009039, result.predOriginalSample().toFloatArray()[0]);
            assertRelative(0.99957491 * 0.92009039 + 0.0291547595 * 0.5, result.prevSample().toFloatArray()[0]);
        }
    }

    @Test
    void scaleModelInputIsTheIdentity() {
        try (NDManager manager = NDManager.newBaseManager();
                DdimScheduler ddim = new DdimScheduler(NoiseScheduleConfig.stableDiffusion())) {
            NDArray z = manager.full(SHAPE, 3f);
            assertEquals(z, ddim.scaleModelInput(z, 999));
        }
    }
}
