package org.anomalyforge.generator.baseline;

import java.util.SplittableRandom;

/**
 * Two-dimensional gradient (Perlin) noise on a lattice of {@code scaleX × scaleY} cells, as DRAEM's
 * {@code rand_perlin_2d_np} without its final √2 factor.
 *
 * <p>Each of the {@code (scaleY + 1) × (scaleX + 1)} lattice points carries a unit gradient at a random angle
 * (no wrap-around). The value at (u, v) blends the four corner dot products {@code g·(p − corner)} with the
 * fade {@code f(t) = 6t⁵ − 15t⁴ + 10t³} per axis.
 *
 * <p><b>Range.</b> {@code |n(u, v)| ≤ √2/2}. With fade weights s = f(x), t = f(y) for the in-cell offset
 * (x, y), the value is a convex combination Σ wᵢ gᵢ·dᵢ, so |n| ≤ Σ wᵢ|dᵢ| ≤ √(Σ wᵢ|dᵢ|²) (Jensen). The weights
 * factorise per axis, giving Σ wᵢ|dᵢ|² = h(x) + h(y) with h(x) = (1 − f(x))x² + f(x)(1 − x)²
 * = x² + f(x)(1 − 2x). Since f(x) ≤ x for x ≤ ½ and f(x) ≥ x for x ≥ ½, h(x) ≤ x(1 − x) ≤ ¼, so
 * |n| ≤ √(½) = √2/2, reached at a cell centre when every gradient points away from its corner.
 *
 * <p><b>Lipschitz bound.</b> Per axis |∂n/∂u| ≤ 1 + f'max·(1 + √2) with f'max = 15/8, used by the tests.
 *
 * <p>Immutable and thread-safe.
 */
public final class PerlinNoise {
    /** Per-axis Lipschitz constant derived above: 1 + (15/8)(1 + √2) ≈ 5.527. */
    public static final double AXIS_LIPSCHITZ = 1.0 + 15.0 / 8.0 * (1.0 + Math.sqrt(2.0));

    private final int scaleX;
    private final int scaleY;
    /** Gradient components, (scaleY + 1) × (scaleX + 1), row-major. */
    private final double[] gradientX;
    private final double[] gradientY;

    private PerlinNoise(int scaleX, int scaleY, double[] angles) {
        this.scaleX = scaleX;
        this.scaleY = scaleY;
        this.gradientX = new double[angles.length];
        this.gradientY = new double[angles.length];
        for (int i = 0; i < angles.length; i++) {
            gradientX[i] = StrictMath.cos(angles[i]);
            gradientY[i] = StrictMath.sin(angles[i]);
        }
    }

    /** Noise with gradient angles drawn uniformly from [0, 2π), row by row, from {@code rng}. */
    public static PerlinNoise random(int scaleX, int scaleY, SplittableRandom rng) {
        checkScales(scaleX, scaleY);
        double[] angles = new double[(scaleX + 1) * (scaleY + 1)];
        for (int i = 0; i < angles.length; i++) {
            angles[i] = 2.0 * Math.PI * rng.nextDouble();
        }
        return new PerlinNoise(scaleX, scaleY, angles);
    }

    /**
     * Noise with the given gradient angles in radians, {@code (scaleY + 1) × (scaleX + 1)} values, row-major
     * (lattice point (i, j) at index {@code j * (scaleX + 1) + i}).
     */
    public static PerlinNoise fromAngles(int scaleX, int scaleY, double[] angles) {
        checkScales(scaleX, scaleY);
        int expected = (scaleX + 1) * (scaleY + 1);
        if (angles == null || angles.length != expected) {
            throw new IllegalArgumentException("angles must hold (scaleX+1)*(scaleY+1) = " + expected + " values, got "
                    + (angles == null ? "null" : angles.length));
        }
        for (int i = 0; i < angles.length; i++) {
            if (!Double.isFinite(angles[i])) {
                throw new IllegalArgumentException("angles[" + i + "] must be finite, got " + angles[i]);
            }
        }
        return new PerlinNoise(scaleX, scaleY, angles.clone());
    }

    private static void checkScales(int scaleX, int scaleY) {
        int limit = 1 << PerlinConfig.SCALE_EXPONENT_LIMIT;
        if (scaleX < 1 || scaleX > limit) {
            throw new IllegalArgumentException("scaleX must be in [1, " + limit + "], got " + scaleX);
        }
        if (scaleY < 1 || scaleY > limit) {
            throw new IllegalArgumentException("scaleY must be in [1, " + limit + "], got " + scaleY);
        }
    }

    /** Lattice cells along u (image x). */
    public int scaleX() {
        return scaleX;
    }

    /** Lattice cells along v (image y). */
    public int scaleY() {
        return scaleY;
    }

    /**
     * The noise at lattice coordinates (u, v), u ∈ [0, scaleX], v ∈ [0, scaleY]; in [−√2/2, √2/2], and
     * exactly zero (possibly −0.0) at integer (u, v).
     */
    public double valueAt(double u, double v) {
        if (!(u >= 0 && u <= scaleX)) {
            throw new IllegalArgumentException("u must be in [0, " + scaleX + "], got " + u);
        }
        if (!(v >= 0 && v <= scaleY)) {
            throw new IllegalArgumentException("v must be in [0, " + scaleY + "], got " + v);
        }
        // The last lattice line belongs to the last cell, so u = scaleX is offset 1 in cell scaleX − 1.
        int i = Math.min((int) u, scaleX - 1);
        int j = Math.min((int) v, scaleY - 1);
        double x = u - i;
        double y = v - j;
        int stride = scaleX + 1;
        int k00 = j * stride + i;
        int k10 = k00 + 1;
        int k01 = k00 + stride;
        int k11 = k01 + 1;
        double n00 = gradientX[k00] * x + gradientY[k00] * y;
        double n10 = gradientX[k10] * (x - 1) + gradientY[k10] * y;
        double n01 = gradientX[k01] * x + gradientY[k01] * (y - 1);
        double n11 = gradientX[k11] * (x - 1) + gradientY[k11] * (y - 1);
        double s = fade(x);
        double t = fade(y);
        return lerp(lerp(n00, n10, s), lerp(n01, n11, s), t);
    }

    /** 6t⁵ − 15t⁴ + 10t³ in Horner form; exactly 0 at t = 0 and exactly 1 at t = 1. */
    static double fade(double t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }

    /** (1 − w)a + wb rather than a + w(b − a): exact at both ends, so lattice points give exactly zero. */
    private static double lerp(double a, double b, double w) {
        return (1 - w) * a + w * b;
    }
}
