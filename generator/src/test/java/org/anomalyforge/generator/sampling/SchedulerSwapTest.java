package org.anomalyforge.generator.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * Swapping samplers through one {@link NoiseScheduleConfig} (diffusers' {@code test_switch}): with an oracle
 * ε-model for a single known x₀ (ε̂ = (x_t − α_t·x₀)/σ_t), both DDIM and DPM-Solver++ 2M follow
 * x_t = α_t·x₀ + σ_t·ε exactly (x̂₀ = x₀ at every step, D₁ = 0), so both must end at α₀·x₀ + σ₀·ε.
 */
class SchedulerSwapTest {

    private static final Shape SHAPE = new Shape(1, 1, 2, 2);

    @Test
    void ddimAndDpmReachTheSameEndPointFromOneConfig() {
        NoiseScheduleConfig config = NoiseScheduleConfig.stableDiffusion();
        float[] x0 = {0.5f, -1.0f, 2.0f, 0.0f};
        float[] eps = {1.0f, 0.25f, -0.75f, 2.0f};
        NoiseSchedule schedule = NoiseSchedule.of(config);
        float[] dpm = sample(SchedulerKind.DPM, config, x0, eps);
        float[] ddim = sample(SchedulerKind.DDIM, config, x0, eps);
        for (int i = 0; i < x0.length; i++) {
            double expected = schedule.alpha(0) * x0[i] + schedule.sigma(0) * eps[i];
            assertEquals(expected, dpm[i], 2e-5, "DPM element " + i);
            assertEquals(expected, ddim[i], 2e-5, "DDIM element " + i);
        }
    }

    @Test
    void kindsShareTheGridAndResolveByName() {
        NoiseScheduleConfig config = NoiseScheduleConfig.stableDiffusion();
        try (NoiseScheduler dpm = SchedulerKind.fromCliName("DPM").create(config);
                NoiseScheduler ddim = SchedulerKind.fromCliName("ddim").create(config)) {
            dpm.setTimesteps(25);
            ddim.setTimesteps(25);
            assertArrayEquals(dpm.timesteps(), ddim.timesteps());
            assertEquals(config, ddim.config());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SchedulerKind.fromCliName("euler"));
        assertEquals("scheduler must be one of dpm, ddim, ddpm, got euler", e.getMessage());
    }

    private static float[] sample(SchedulerKind kind, NoiseScheduleConfig config, float[] x0, float[] eps) {
        try (NDManager manager = NDManager.newBaseManager(); NoiseScheduler scheduler = kind.create(config)) {
            scheduler.setTimesteps(25);
            NDArray clean = manager.create(x0, SHAPE);
            NDArray noise = manager.create(eps, SHAPE);
            int[] grid = scheduler.timesteps();
            NDArray x = scheduler.addNoise(clean, noise, new int[] {grid[0]});
            NoiseSchedule schedule = scheduler.schedule();
            for (int t : grid) {
                double alpha = schedule.alpha(t);
                double sigma = schedule.sigma(t);
                // Oracle ε̂ = (x_t − α_t·x₀)/σ_t.
                NDArray oracle = x.sub(clean.mul((float) alpha)).div((float) sigma);
                x = scheduler.step(oracle, t, scheduler.scaleModelInput(x, t)).prevSample();
            }
            return x.toFloatArray();
        }
    }
}
