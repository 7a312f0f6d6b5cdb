package org.anomalyforge.ingest.sample;

/**
 * Seeded 2-D gradient (Perlin-style) noise, stateless apart from its seed, so one instance may be sampled
 * from any thread and in any order. Lattice gradients come from a hash of (seed, cell), not from a table.
 */
final class GradientNoise {

    private static final int DIRECTIONS = 16;
    private static final float[] GX = new float[DIRECTIONS];
    private static final float[] GY = new float[DIRECTIONS];
    /** Gradient noise peaks near ±0.7; this brings typical extremes to about ±1. */
    private static final float RANGE_SCALE = 1.45f;

    static {
        for (int d = 0; d < DIRECTIONS; d++) {
            GX[d] = (float) Math.cos(2 * Math.PI * d / DIRECTIONS);
            GY[d] = (float) Math.sin(2 * Math.PI * d / DIRECTIONS);
        }
    }

    private final long seed;

    GradientNoise(long seed) {
        this.seed = seed;
    }

    /** Noise at (x, y) in lattice units, roughly in [-1, 1], smooth (C2) everywhere. */
    float at(double x, double y) {
        int ix = (int) Math.floor(x);
        int iy = (int) Math.floor(y);
        float fx = (float) (x - ix);
        float fy = (float) (y - iy);
        float n00 = dot(ix, iy, fx, fy);
        float n10 = dot(ix + 1, iy, fx - 1, fy);
        float n01 = dot(ix, iy + 1, fx, fy - 1);
        float n11 = dot(ix + 1, iy + 1, fx - 1, fy - 1);
        float sx = fade(fx);
        float sy = fade(fy);
        float top = n00 + sx * (n10 - n00);
        float bottom = n01 + sx * (n11 - n01);
        return RANGE_SCALE * (top + sy * (bottom - top));
    }

    /** Fractal sum of {@code octaves} octaves (each double the frequency, half the amplitude), roughly in [-1, 1]. */
    float fbm(double x, double y, int octaves) {
        float sum = 0;
        float amplitude = 1;
        float norm = 0;
        double fx = x;
        double fy = y;
        for (int o = 0; o < octaves; o++) {
            sum += amplitude * at(fx, fy);
            norm += amplitude;
            amplitude *= 0.5f;
            // The offset keeps octaves from sharing lattice points at the origin.
            fx = fx * 2 + 17.3;
            fy = fy * 2 + 5.9;
        }
        return sum / norm;
    }

    /** A uniform value in [-1, 1] for integer cell (ix, iy): per-thread or per-tile jitter. */
    float cell(int ix, int iy) {
        return (hash(ix, iy) >>> 40) / (float) (1L << 23) - 1f;
    }

    private float dot(int ix, int iy, float dx, float dy) {
        int d = (int) (hash(ix, iy) >>> 60);
        return GX[d] * dx + GY[d] * dy;
    }

    private long hash(int ix, int iy) {
        return ImageSeed.mix64(seed + ix * 0x9E3779B97F4A7C15L + iy * 0xC2B2AE3D27D4EB4FL);
    }

    private static float fade(float t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }
}
