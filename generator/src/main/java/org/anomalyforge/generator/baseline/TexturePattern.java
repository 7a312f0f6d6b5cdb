package org.anomalyforge.generator.baseline;

import java.util.SplittableRandom;

/**
 * Procedural anomaly appearances for {@link ProceduralTextureSource}, standing in for DRAEM's DTD textures.
 * Every pattern draws its colours (uniform over 0–255 per channel) and geometry from the caller's stream.
 */
public enum TexturePattern {
    /** Fractal Perlin noise (3 octaves, base scale 2–16 cells) blending two random colours. */
    NOISE {
        @Override
        void paint(byte[] rgb, int width, int height, SplittableRandom rng) {
            int[] low = randomColour(rng);
            int[] high = randomColour(rng);
            int baseScale = 1 << (1 + rng.nextInt(4));
            PerlinNoise[] octaves = new PerlinNoise[OCTAVES];
            for (int k = 0; k < OCTAVES; k++) {
                octaves[k] = PerlinNoise.random(baseScale << k, baseScale << k, rng);
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double sum = 0;
                    double amplitude = 1;
                    for (PerlinNoise octave : octaves) {
                        sum += amplitude * octave.valueAt((double) x * octave.scaleX() / width,
                                (double) y * octave.scaleY() / height);
                        amplitude /= 2;
                    }
                    // sum / (1 + ½ + ¼) lies in [−√2/2, √2/2]; stretch by √2 and clamp so both colours appear.
                    double t = Math.min(1, Math.max(0, 0.5 + Math.sqrt(2) * sum / 1.75));
                    mix(rgb, (y * width + x) * 3, low, high, t);
                }
            }
        }
    },
    /** Parallel bands at a random angle, period 4–32 pixels and duty cycle 0.3–0.7, in two colours. */
    STRIPES {
        @Override
        void paint(byte[] rgb, int width, int height, SplittableRandom rng) {
            int[] first = randomColour(rng);
            int[] second = randomColour(rng);
            double angle = rng.nextDouble(Math.PI);
            double period = rng.nextDouble(4, 32);
            double duty = rng.nextDouble(0.3, 0.7);
            double phase = rng.nextDouble(period);
            double cos = StrictMath.cos(angle);
            double sin = StrictMath.sin(angle);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double position = (x * cos + y * sin + phase) / period;
                    double fraction = position - Math.floor(position);
                    put(rgb, (y * width + x) * 3, fraction < duty ? first : second);
                }
            }
        }
    },
    /** A random base colour sprinkled with square specks (1–4 px, density 5–35 %) in two other colours. */
    SPECKLE {
        @Override
        void paint(byte[] rgb, int width, int height, SplittableRandom rng) {
            int[] base = randomColour(rng);
            int[] speckA = randomColour(rng);
            int[] speckB = randomColour(rng);
            int cell = 1 + rng.nextInt(4);
            double density = rng.nextDouble(0.05, 0.35);
            for (int cy = 0; cy < height; cy += cell) {
                for (int cx = 0; cx < width; cx += cell) {
                    int[] colour = base;
                    if (rng.nextDouble() < density) {
                        colour = rng.nextBoolean() ? speckA : speckB;
                    }
                    for (int y = cy, yEnd = Math.min(height, cy + cell); y < yEnd; y++) {
                        for (int x = cx, xEnd = Math.min(width, cx + cell); x < xEnd; x++) {
                            put(rgb, (y * width + x) * 3, colour);
                        }
                    }
                }
            }
        }
    };

    private static final int OCTAVES = 3;

    /** Fills {@code rgb} (H × W × 3) with this pattern. */
    abstract void paint(byte[] rgb, int width, int height, SplittableRandom rng);

    private static int[] randomColour(SplittableRandom rng) {
        return new int[] {rng.nextInt(256), rng.nextInt(256), rng.nextInt(256)};
    }

    private static void put(byte[] rgb, int offset, int[] colour) {
        rgb[offset] = (byte) colour[0];
        rgb[offset + 1] = (byte) colour[1];
        rgb[offset + 2] = (byte) colour[2];
    }

    private static void mix(byte[] rgb, int offset, int[] low, int[] high, double t) {
        for (int c = 0; c < 3; c++) {
            rgb[offset + c] = (byte) (int) Math.floor(low[c] + t * (high[c] - low[c]) + 0.5);
        }
    }
}
