package org.anomalyforge.generator.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * seas.md §14.1 #7 SchedulerTest: the §5.5 table and the 25 timesteps, the first- and second-order DPM reference
 * values, the DDPM posterior values and the 1500-step constants ᾱ* and κ. Behaviour beyond the reference values
 * is tested per class (DpmSolverMultistepSchedulerTest, DdpmSchedulerTest, …).
 */
class SchedulerTest {

    private static final double REL = 1e-6;

    private final NoiseSchedule schedule = NoiseSchedule.of(NoiseScheduleConfig.stableDiffusion());

    static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * REL, "expected " + expected + ", got " + actual);
    }

    @Test
    void referenceTableOfSection55() {
        double[][] table = {
            {999, 0.0682649, 0.997667, -2.682024},
            {959, 0.0863110, 0.996268, -2.446059},
            {500, 0.525674, 0.850686, -0.481363},
            {120, 0.932032, 0.362376, 0.944686},
            {80, 0.958283, 0.285821, 1.209779},
            {40, 0.980758, 0.195228, 1.614156},
            {0, 0.999575, 0.0291548, 3.534712},
        };
        for (double[] row : table) {
            int t = (int) row[0];
            // The spec prints 6–7 significant digits; 1e-6 relative is the spec's tolerance.
            assertEquals(row[1], schedule.alpha(t), Math.abs(row[1]) * 1e-6 + 5e-7, "alpha at " + t);
            assertEquals(row[2], schedule.sigma(t), Math.abs(row[2]) * 1e-6 + 5e-7, "sigma at " + t);
            assertEquals(row[3], schedule.lambda(t), Math.abs(row[3]) * 1e-6 + 5e-7, "lambda at " + t);
        }
    }

    @Test
    void twentyFiveLinspaceTimesteps() {
        try (NoiseScheduler dpm = SchedulerKind.DPM.create(NoiseScheduleConfig.stableDiffusion())) {
            dpm.setTimesteps(25);
            assertArrayEquals(TimestepSpacingTest.SPEC_25, dpm.timesteps());
        }
    }

    @Test
    void dpmSolverFirstThenSecondOrderReferenceValues() {
        Shape shape = new Shape(1, 1, 2, 2);
        try (NDManager manager = NDManager.newBaseManager();
                NoiseScheduler dpm = SchedulerKind.DPM.create(NoiseScheduleConfig.stableDiffusion())) {
            dpm.setTimesteps(25);
            // 999 → 959, first order, x = 1, ε̂ = 0.5: x̂₀ = 7.3414929, x = 1.1317858.
            StepResult first = dpm.step(manager.full(shape, 0.5f), 999, manager.full(shape, 1f));
            assertAllRelative(7.3414929, first.predOriginalSample());
            assertAllRelative(1.1317858, first.prevSample());
            // 959 → 919, second order, ε̂ = 0.25: x̂₀ = 10.2271856, x = 1.3785477.
            StepResult second = dpm.step(manager.full(shape, 0.25f), 959, first.prevSample());
            assertAllRelative(10.2271856, second.predOriginalSample());
            assertAllRelative(1.3785477, second.prevSample());
        }
    }

    @Test
    void ddpmPosteriorReferenceValues() {
        Shape shape = new Shape(1, 1, 2, 2);
        try (NDManager manager = NDManager.newBaseManager();
                NoiseScheduler ddpm = SchedulerKind.DDPM.create(NoiseScheduleConfig.stableDiffusion())) {
            ddpm.setTimesteps(1000);
            // t = 500, z = 1, ε̂ = 0.5, ξ = 0: x̂₀ = 1.0931819, μ = 0.9995793;
            // with ξ = 1 the step adds √var = 0.0693257.
            NDArray z = manager.full(shape, 1f);
            NDArray eps = manager.full(shape, 0.5f);
            StepResult mean = ddpm.step(eps, 500, z, (m, s) -> m.zeros(s));
            assertAllRelative(1.0931819, mean.predOriginalSample());
            assertAllRelative(0.9995793, mean.prevSample());
            assertAllRelative(0.9995793 + 0.0693257, ddpm.step(eps, 500, z, (m, s) -> m.ones(s)).prevSample());
        }
    }

    static void assertAllRelative(double expected, NDArray actual) {
        for (float v : actual.toFloatArray()) {
            assertRelative(expected, v);
        }
    }

    @Test
    void endpointsOfTheBetaSchedule() {
        assertRelative(0.00466010, schedule.alphaCumprod(999));
        assertEquals(0.00085, schedule.beta(0), 1e-15);
        assertEquals(0.012, schedule.beta(999), 1e-15);
        assertEquals(0.99915, schedule.alphaCumprod(0), 1e-15);
        assertEquals(1000, schedule.size());
        assertEquals(1000, schedule.alphasCumprod().length);
    }

    @Test
    void linearBetasAreEvenlySpaced() {
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, BetaSchedule.LINEAR.betas(0.1, 0.3, 3), 1e-15);
        // √β: 0.1, 0.2, 0.3 → β = 0.01, 0.04, 0.09.
        assertArrayEquals(new double[] {0.01, 0.04, 0.09}, BetaSchedule.SCALED_LINEAR.betas(0.01, 0.09, 3), 1e-15);
    }

    @Test
    void originalNoisingConstantsOf1500Steps() {
        NoiseScheduleConfig config = new NoiseScheduleConfig(1500, 0.00085, 0.012, BetaSchedule.SCALED_LINEAR,
                PredictionType.EPSILON, TimestepSpacing.LINSPACE, 0);
        NoiseSchedule long1500 = NoiseSchedule.of(config);
        assertRelative(3.1829555e-4, long1500.alphaCumprod(1499));
        InitialLatentConfig init = InitialLatentConfig.seas();
        assertRelative(0.097945866, init.kappa());
        assertRelative(0.99984084, init.noiseScale());
        assertRelative(0.017840839, init.kappa() * 0.18215);
        assertEquals(LatentInit.REFERENCE, init.init());
        // The issue tracker's 1000-step variant: 0.0683 on z_ref, 0.375 on z̃_ref (§5.4).
        InitialLatentConfig shorter = InitialLatentConfig.fromNoisingSchedule(1000, 0.18215);
        assertEquals(0.375, shorter.kappa(), 5e-4);
        assertEquals(0.0683, shorter.kappa() * 0.18215, 5e-5);
    }

    @Test
    void timestepOutsideTheScheduleIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> schedule.alpha(1000));
        assertEquals("timestep must be in [0, 999], got 1000", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> schedule.sigma(-1));
    }

    @Test
    void configValidationNamesFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NoiseScheduleConfig(1000, 0.02, 0.012, BetaSchedule.SCALED_LINEAR,
                        PredictionType.EPSILON, TimestepSpacing.LINSPACE, 1));
        assertEquals("betaEnd must be in [betaStart, 1) = [0.02, 1), got 0.012", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new NoiseScheduleConfig(1, 0.001, 0.012, BetaSchedule.SCALED_LINEAR,
                        PredictionType.EPSILON, TimestepSpacing.LINSPACE, 0));
        assertEquals("numTrainTimesteps must be at least 2, got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new NoiseScheduleConfig(1000, 0.001, 0.012, BetaSchedule.SCALED_LINEAR,
                        PredictionType.EPSILON, TimestepSpacing.LINSPACE, 1000));
        assertEquals("stepsOffset must be in [0, 1000), got 1000", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new NoiseScheduleConfig(1000, 0.00085, 0.012, BetaSchedule.LINEAR,
                        PredictionType.EPSILON, TimestepSpacing.LINSPACE, 1).requireTrainingSchedule());
        assertEquals("beta_schedule must be scaled_linear (seas.md §5.1), got linear", e.getMessage());
        NoiseScheduleConfig.stableDiffusion().requireTrainingSchedule();
        assertTrue(NoiseScheduleConfig.stableDiffusion().betaSchedule() == BetaSchedule.SCALED_LINEAR);
    }
}
