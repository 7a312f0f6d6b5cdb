package org.anomalyforge.generator.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The §5.3 grid: 25 linspace timesteps, the leading option and the range checks. */
class TimestepSpacingTest {

    static final int[] SPEC_25 = {999, 959, 919, 879, 839, 799, 759, 719, 679, 639, 599, 559, 519, 480, 440, 400,
        360, 320, 280, 240, 200, 160, 120, 80, 40};

    @Test
    void linspaceGivesTheSpecList() {
        assertArrayEquals(SPEC_25, TimestepSpacing.LINSPACE.timesteps(1000, 25, 1));
        try (NoiseScheduler dpm = new DpmSolverMultistepScheduler(NoiseScheduleConfig.stableDiffusion())) {
            dpm.setTimesteps(25);
            assertArrayEquals(SPEC_25, dpm.timesteps());
        }
    }

    @Test
    void linspaceRoundsHalfToEvenAsNumpy() {
        // np.linspace(0, 999, 3).round() = [0, 500, 999]: 499.5 rounds to the even 500.
        assertArrayEquals(new int[] {999, 500}, TimestepSpacing.LINSPACE.timesteps(1000, 2, 0));
        assertArrayEquals(new int[] {999}, TimestepSpacing.LINSPACE.timesteps(1000, 1, 0));
    }

    @Test
    void leadingGivesTheOriginalsHint() {
        int[] leading = TimestepSpacing.LEADING.timesteps(1000, 25, 1);
        assertEquals(25, leading.length);
        assertEquals(951, leading[0]);
        assertEquals(913, leading[1]);
        assertEquals(39, leading[24]);
        NoiseScheduleConfig config = NoiseScheduleConfig.stableDiffusion().withTimestepSpacing(TimestepSpacing.LEADING);
        try (NoiseScheduler ddim = new DdimScheduler(config)) {
            ddim.setTimesteps(25);
            assertArrayEquals(leading, ddim.timesteps());
        }
    }

    @Test
    void gridsThatCannotBeStrictlyDecreasingAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimestepSpacing.LEADING.timesteps(1000, 999, 1));
        assertEquals("leading spacing with numInferenceSteps 999 over 1000 training steps gives timestep 1000 at "
                + "index 0; timesteps must be strictly decreasing within [1, 999]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TimestepSpacing.LINSPACE.timesteps(1000, 0, 0));
        assertEquals("numInferenceSteps must be at least 1, got 0", e.getMessage());
    }

    @Test
    void diffusersNamesResolve() {
        assertEquals(TimestepSpacing.LEADING, TimestepSpacing.fromDiffusersName("leading"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimestepSpacing.fromDiffusersName("trailing"));
        assertEquals("timestep_spacing must be one of linspace, leading, got trailing", e.getMessage());
    }
}
