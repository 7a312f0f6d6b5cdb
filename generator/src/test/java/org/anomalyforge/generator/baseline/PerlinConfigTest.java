package org.anomalyforge.generator.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PerlinConfigTest {

    @Test
    void draemDefaultsAreTheValuesOfTheReferenceCode() {
        assertEquals(new PerlinConfig(0, 6, 90.0, 0.5, 0.8, 32), PerlinConfig.draem());
    }

    @Test
    void rejectsNegativeMinScaleExponent() {
        assertMessage("minScaleExponent must be in [0, 15], got -1", () -> new PerlinConfig(-1, 6, 90, 0.5, 0.8, 32));
    }

    @Test
    void rejectsEmptyScaleRange() {
        assertMessage("maxScaleExponent (exclusive) must be in [minScaleExponent + 1, 16] = [3, 16], got 2",
                () -> new PerlinConfig(2, 2, 90, 0.5, 0.8, 32));
    }

    @Test
    void rejectsRotationOutsideZeroTo180() {
        assertMessage("maxRotationDegrees must be in [0, 180], got 181.0", () -> new PerlinConfig(0, 6, 181, 0.5, 0.8, 32));
        assertMessage("maxRotationDegrees must be in [0, 180], got NaN",
                () -> new PerlinConfig(0, 6, Double.NaN, 0.5, 0.8, 32));
    }

    @Test
    void rejectsThresholdOutsideTheNormalisedNoiseRange() {
        assertMessage("threshold must be in [-1, 1) (the range of √2·noise), got 1.0",
                () -> new PerlinConfig(0, 6, 90, 1.0, 0.8, 32));
    }

    @Test
    void rejectsBetaMaxOfOne() {
        assertMessage("betaMax must be in [0, 1), got 1.0", () -> new PerlinConfig(0, 6, 90, 0.5, 1.0, 32));
    }

    @Test
    void rejectsZeroMaskAttempts() {
        assertMessage("maxMaskAttempts must be at least 1, got 0", () -> new PerlinConfig(0, 6, 90, 0.5, 0.8, 0));
    }

    private static void assertMessage(String expected, Runnable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction::run);
        assertEquals(expected, e.getMessage());
    }
}
