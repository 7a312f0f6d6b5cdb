package org.anomalyforge.generator.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One reproducible stream of N(0, 1) numbers, drawn in Java (seas.md §9.2):
 * <ul>
 *   <li>a {@link SplittableRandom} (SplitMix64) seeded with {@code seed XOR (streamId · 0x9E3779B97F4A7C15)};</li>
 *   <li>uniforms u = (nextLong() &gt;&gt;&gt; 11)·2⁻⁵³ in [0, 1);</li>
 *   <li>Box–Muller pairs g₁ = √(−2 ln(1 − u₁))·cos(2πu₂), g₂ = √(−2 ln(1 − u₁))·sin(2πu₂), filling tensors
 *       in C order; a call for an odd count discards the last pair's g₂.</li>
 * </ul>
 *
 * <p>Why not the engine RNG ({@code manager.randomNormal}): that is one global torch generator shared with
 * dropout and not safe across threads (DJL-COOKBOOK §7), and its stream differs between CPU and GPU. Java-side
 * noise is engine- and device-independent, bit-reproducible (SplitMix64 is specified exactly; {@link StrictMath}
 * fixes ln/cos/sin to fdlibm on every JVM), and per image, so an image's noise never depends on which other
 * images share its batch. The cost (a few ms for a 4×64×64 latent) is negligible next to one U-Net call.
 *
 * <p>A stream is stateful (each draw continues it) and not thread-safe; create one per image and purpose.
 */
public final class SeededNoise {

    /** The odd constant that separates streams of one seed (the SplitMix64 golden gamma). */
    public static final long STREAM_GAMMA = 0x9E3779B97F4A7C15L;
    /** seas.md §9.2: stream 0 draws the initial noise ε_j of image j. */
    public static final long INITIAL_NOISE_STREAM = 0;
    /** seas.md §9.2: stream 1 draws the posterior sample ξ_j of the reference encoding. */
    public static final long REFERENCE_POSTERIOR_STREAM = 1;

    private static final double UNIT = 0x1.0p-53;
    private static final double TWO_PI = 2.0 * StrictMath.PI;

    private final SplittableRandom random;

    private SeededNoise(long seed, long streamId) {
        this.random = new SplittableRandom(seed ^ (streamId * STREAM_GAMMA));
    }

    /** The stream {@code streamId} of {@code seed} (for generation, seed_j = seedStart + j). */
    public static SeededNoise forStream(long seed, long streamId) {
        return new SeededNoise(seed, streamId);
    }

    /** The next uniform in [0, 1) with 53 random bits. */
    public double nextUniform() {
        return (random.nextLong() >>> 11) * UNIT;
    }

    /**
     * The next integer in [0, bound) as ⌊u·bound⌋ from one {@link #nextUniform()}, e.g. a training timestep
     * t ~ U{0..999} (seas.md §7.3); the bias is below bound·2⁻⁵³.
     */
    public int nextInt(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1, got " + bound);
        }
        return (int) (nextUniform() * bound);
    }

    /** The next {@code count} standard normals as float32, in draw order. */
    public float[] nextGaussians(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be non-negative, got " + count);
        }
        float[] values = new float[count];
        fill(values, 0, count);
        return values;
    }

    /** The next standard normals shaped {@code shape}, in C order, as a float32 array in {@code manager}. */
    public NDArray nextGaussian(NDManager manager, Shape shape) {
        Objects.requireNonNull(manager, "manager");
        return manager.create(nextGaussians(elementCount(shape)), shape);
    }

    /**
     * One tensor [B, …perImageShape] whose row b is the next draw of {@code perImage.get(b)}: noise for a batch
     * that does not depend on the batch's composition.
     */
    public static NDArray gaussianBatch(NDManager manager, List<SeededNoise> perImage, Shape perImageShape) {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(perImage, "perImage");
        if (perImage.isEmpty()) {
            throw new IllegalArgumentException("perImage must hold one stream per batch element, got none");
        }
        int rowSize = elementCount(perImageShape);
        long total = (long) rowSize * perImage.size();
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("batch noise of " + total + " elements exceeds one Java array");
        }
        float[] values = new float[(int) total];
        for (int b = 0; b < perImage.size(); b++) {
            perImage.get(b).fill(values, b * rowSize, rowSize);
        }
        return manager.create(values, new Shape(perImage.size()).addAll(perImageShape));
    }

    /** A {@link StepNoise} that draws row b of every requested [B, …] tensor from {@code perImage.get(b)}. */
    public static StepNoise stepNoise(List<SeededNoise> perImage) {
        List<SeededNoise> streams = List.copyOf(perImage);
        return (manager, shape) -> {
            if (shape.dimension() < 1 || shape.get(0) != streams.size()) {
                throw new IllegalArgumentException("step noise shape " + shape + " must have batch size "
                        + streams.size() + " (one stream per image)");
            }
            return gaussianBatch(manager, streams, shape.slice(1));
        };
    }

    private void fill(float[] target, int offset, int count) {
        int i = 0;
        while (i < count) {
            double u1 = nextUniform();
            double u2 = nextUniform();
            double radius = StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - u1));
            double angle = TWO_PI * u2;
            target[offset + i] = (float) (radius * StrictMath.cos(angle));
            if (i + 1 < count) {
                target[offset + i + 1] = (float) (radius * StrictMath.sin(angle));
            }
            i += 2;
        }
    }

    private static int elementCount(Shape shape) {
        Objects.requireNonNull(shape, "shape");
        long size = shape.size();
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("noise shape " + shape + " must have between 0 and "
                    + Integer.MAX_VALUE + " elements");
        }
        return (int) size;
    }
}
