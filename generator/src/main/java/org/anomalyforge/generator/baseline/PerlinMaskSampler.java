package org.anomalyforge.generator.baseline;

import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.BinaryMask;

/**
 * Draws DRAEM's anomaly masks: thresholded, rotated Perlin noise with random power-of-two scales per axis.
 *
 * <p>Pixel (x, y) of a W × H mask looks up the noise at the pixel rotated back by the angle about the image
 * centre ((W − 1)/2, (H − 1)/2), mapped to lattice coordinates (x'·scaleX/W, y'·scaleY/H) as DRAEM does (so
 * pixel 0 is a lattice point). Evaluating the continuous noise there is rotation with ideal interpolation;
 * points that come from outside the image are background, like imgaug's constant-zero fill. A pixel is
 * defect where √2·noise &gt; threshold (DRAEM normalises the noise to [−1, 1] with that √2).
 *
 * <p>Immutable and thread-safe; all randomness comes from the caller's {@link SplittableRandom}.
 */
public final class PerlinMaskSampler {
    private static final double SQRT2 = Math.sqrt(2.0);

    private final PerlinConfig config;

    /** A sampler drawing with {@code config}'s scales, rotation range, threshold and attempt limit. */
    public PerlinMaskSampler(PerlinConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    /** The settings masks are drawn with. */
    public PerlinConfig config() {
        return config;
    }

    /**
     * A non-empty mask. Each attempt draws, in this order, the x scale exponent, the y scale exponent, the
     * gradient angles and the rotation angle; an empty result is redrawn.
     *
     * @throws IllegalStateException when {@code maxMaskAttempts} masks in a row are empty
     */
    public BinaryMask sample(int width, int height, SplittableRandom rng) {
        checkSize(width, height);
        int exponents = config.maxScaleExponent() - config.minScaleExponent();
        for (int attempt = 0; attempt < config.maxMaskAttempts(); attempt++) {
            int scaleX = 1 << (config.minScaleExponent() + rng.nextInt(exponents));
            int scaleY = 1 << (config.minScaleExponent() + rng.nextInt(exponents));
            PerlinNoise noise = PerlinNoise.random(scaleX, scaleY, rng);
            double angle = config.maxRotationDegrees() == 0
                    ? 0.0
                    : rng.nextDouble(-config.maxRotationDegrees(), config.maxRotationDegrees());
            BinaryMask mask = render(width, height, noise, angle);
            if (mask.area() > 0) {
                return mask;
            }
        }
        throw new IllegalStateException("no non-empty Perlin mask for a " + width + "×" + height + " image after "
                + config.maxMaskAttempts() + " attempts (maxMaskAttempts) at threshold " + config.threshold());
    }

    /** The mask of {@code noise} rotated by {@code angleDegrees} (positive turns clockwise on screen). */
    public BinaryMask render(int width, int height, PerlinNoise noise, double angleDegrees) {
        checkSize(width, height);
        if (!Double.isFinite(angleDegrees)) {
            throw new IllegalArgumentException("angleDegrees must be finite, got " + angleDegrees);
        }
        double radians = Math.toRadians(angleDegrees);
        double cos = StrictMath.cos(radians);
        double sin = StrictMath.sin(radians);
        double centreX = (width - 1) / 2.0;
        double centreY = (height - 1) / 2.0;
        double toLatticeX = (double) noise.scaleX() / width;
        double toLatticeY = (double) noise.scaleY() / height;
        double cut = config.threshold() / SQRT2;
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            double dy = y - centreY;
            for (int x = 0; x < width; x++) {
                double dx = x - centreX;
                // Inverse rotation R(−θ)·(p − c) + c: where this output pixel's value comes from.
                double sourceX = cos * dx + sin * dy + centreX;
                double sourceY = -sin * dx + cos * dy + centreY;
                if (sourceX < 0 || sourceX > width - 1 || sourceY < 0 || sourceY > height - 1) {
                    continue;
                }
                if (noise.valueAt(sourceX * toLatticeX, sourceY * toLatticeY) > cut) {
                    pixels[y * width + x] = 1;
                }
            }
        }
        return new BinaryMask(width, height, pixels);
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("mask size must be at least 1×1, got " + width + "×" + height);
        }
    }
}
