package org.anomalyforge.generator.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PerlinNoiseTest {
    private static final double BOUND = Math.sqrt(2) / 2;

    @Test
    void isExactlyZeroAtEveryLatticePointIncludingTheFarEdges() {
        PerlinNoise noise = PerlinNoise.random(4, 3, new SplittableRandom(11));
        for (int v = 0; v <= 3; v++) {
            for (int u = 0; u <= 4; u++) {
                // delta 0: −0.0 and 0.0 both count as exactly zero.
                assertEquals(0.0, noise.valueAt(u, v), 0.0, "lattice point (" + u + ", " + v + ")");
            }
        }
    }

    @Test
    void equalsTheHandComputedValueForEastwardGradients() {
        // All gradients (1, 0): n = (1 − s)·x + s·(x − 1) = x − f(x), independent of v.
        // f(0.25) = 0.25³·(0.25·(6·0.25 − 15) + 10) = 0.015625·6.625 = 0.103515625, so n = 0.146484375.
        PerlinNoise noise = PerlinNoise.fromAngles(1, 1, new double[] {0, 0, 0, 0});
        assertEquals(0.146484375, noise.valueAt(0.25, 0.7), 1e-15);
        assertEquals(-0.146484375, noise.valueAt(0.75, 0.2), 1e-15);
    }

    @Test
    void reachesTheDerivedBoundAtACellCentreWhenAllGradientsPointAwayFromTheirCorners() {
        // Corners (0,0), (1,0), (0,1), (1,1) point at the centre along 45°, 135°, −45°, −135°:
        // each dot product is |(½, ½)| = √2/2 and the fade weights are ¼ each.
        double q = Math.PI / 4;
        PerlinNoise noise = PerlinNoise.fromAngles(1, 1, new double[] {q, 3 * q, -q, -3 * q});
        assertEquals(BOUND, noise.valueAt(0.5, 0.5), 1e-15);
    }

    @Test
    void staysWithinPlusMinusRootTwoOverTwoAndUsesMostOfThatRange() {
        double largest = 0;
        for (long seed = 0; seed < 20; seed++) {
            PerlinNoise noise = PerlinNoise.random(3, 2, new SplittableRandom(seed));
            for (int j = 0; j <= 100; j++) {
                for (int i = 0; i <= 150; i++) {
                    double value = noise.valueAt(i * 0.02, j * 0.02);
                    assertTrue(Math.abs(value) <= BOUND, "seed " + seed + " at (" + i * 0.02 + ", " + j * 0.02
                            + ") gave " + value);
                    largest = Math.max(largest, Math.abs(value));
                }
            }
        }
        assertTrue(largest > 0.5, "20 random fields should come within 0.21 of the bound, largest |n| = " + largest);
    }

    @Test
    void isDeterministicPerSeedAndDiffersBetweenSeeds() {
        PerlinNoise a = PerlinNoise.random(8, 8, new SplittableRandom(5));
        PerlinNoise b = PerlinNoise.random(8, 8, new SplittableRandom(5));
        PerlinNoise c = PerlinNoise.random(8, 8, new SplittableRandom(6));
        assertEquals(a.valueAt(3.3, 4.7), b.valueAt(3.3, 4.7), 0.0);
        assertEquals(a.valueAt(7.9, 0.1), b.valueAt(7.9, 0.1), 0.0);
        assertNotEquals(a.valueAt(3.3, 4.7), c.valueAt(3.3, 4.7));
    }

    @Test
    void neighbouringSamplesDifferByAtMostTheLipschitzBoundAlsoAcrossCellBorders() {
        double h = 1e-3;
        double limit = PerlinNoise.AXIS_LIPSCHITZ * h;
        SplittableRandom points = new SplittableRandom(99);
        for (long seed = 0; seed < 10; seed++) {
            PerlinNoise noise = PerlinNoise.random(4, 4, new SplittableRandom(seed));
            for (int k = 0; k < 500; k++) {
                double u = points.nextDouble(0, 4 - h);
                double v = points.nextDouble(0, 4 - h);
                assertTrue(Math.abs(noise.valueAt(u + h, v) - noise.valueAt(u, v)) <= limit, "u step at " + u);
                assertTrue(Math.abs(noise.valueAt(u, v + h) - noise.valueAt(u, v)) <= limit, "v step at " + v);
            }
            for (int border = 1; border < 4; border++) {
                for (double other = 0; other <= 4; other += 0.25) {
                    double acrossU = noise.valueAt(border + h / 2, other) - noise.valueAt(border - h / 2, other);
                    double acrossV = noise.valueAt(other, border + h / 2) - noise.valueAt(other, border - h / 2);
                    assertTrue(Math.abs(acrossU) <= limit, "jump across u = " + border + ": " + acrossU);
                    assertTrue(Math.abs(acrossV) <= limit, "jump across v = " + border + ": " + acrossV);
                }
            }
        }
    }

    @Test
    void rejectsCoordinatesOutsideTheLattice() {
        PerlinNoise noise = PerlinNoise.random(2, 2, new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> noise.valueAt(2.5, 1));
        assertEquals("u must be in [0, 2], got 2.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> noise.valueAt(1, Double.NaN));
        assertEquals("v must be in [0, 2], got NaN", e.getMessage());
    }

    @Test
    void rejectsWrongAngleCountAndZeroScale() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PerlinNoise.fromAngles(2, 1, new double[4]));
        assertEquals("angles must hold (scaleX+1)*(scaleY+1) = 6 values, got 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PerlinNoise.random(0, 1, new SplittableRandom(1)));
        assertEquals("scaleX must be in [1, 32768], got 0", e.getMessage());
    }
}
