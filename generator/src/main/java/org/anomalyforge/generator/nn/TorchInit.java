package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * PyTorch's default parameter initialisation, drawn from our own seeded {@link SplittableRandom}.
 *
 * <p>Why our own generator: DJL's initialisers differ from PyTorch's, and the engine's global generator is
 * shared with noise sampling. Rules (seas.md §3.3): conv and linear weights and biases U(−b, b) with
 * b = 1/√fan_in (PyTorch's kaiming_uniform(a=√5) reduces to exactly this); norm γ = 1, β = 0; token
 * embeddings N(0, 0.02²), position embeddings N(0, 0.01²). The values are a pure function of the seed and
 * the element count; {@link ModelInitialization} derives one seed per parameter from the model seed and the
 * parameter's dotted name, so values do not depend on construction order.
 */
public final class TorchInit implements Initializer {

    /** The distribution family. */
    public enum Kind {
        /** U(−scale, scale). */
        UNIFORM,
        /** N(0, scale²), Box–Muller. */
        NORMAL,
        /** Every element equals scale. */
        CONSTANT
    }

    private final Kind kind;
    private final double scale;
    private final Long seed;

    private TorchInit(Kind kind, double scale, Long seed) {
        if (!Double.isFinite(scale) || (kind != Kind.CONSTANT && scale < 0)) {
            throw new IllegalArgumentException("init scale of " + kind + " must be finite"
                    + (kind == Kind.CONSTANT ? "" : " and >= 0") + ", got " + scale);
        }
        this.kind = kind;
        this.scale = scale;
        this.seed = seed;
    }

    /** U(±1/√fanIn), PyTorch's default for {@code nn.Linear} and {@code nn.Conv2d} weights and biases. */
    public static TorchInit fanInUniform(long fanIn) {
        if (fanIn <= 0) {
            throw new IllegalArgumentException("fanIn must be > 0, got " + fanIn);
        }
        return new TorchInit(Kind.UNIFORM, 1.0 / Math.sqrt(fanIn), null);
    }

    /** N(0, std²). */
    public static TorchInit normal(double std) {
        return new TorchInit(Kind.NORMAL, std, null);
    }

    /** Every element equals {@code value} (γ = 1, β = 0). */
    public static TorchInit constant(double value) {
        return new TorchInit(Kind.CONSTANT, value, null);
    }

    /** The same rule bound to a seed. */
    public TorchInit withSeed(long newSeed) {
        return new TorchInit(kind, scale, newSeed);
    }

    /** The distribution family. */
    public Kind kind() {
        return kind;
    }

    /** Bound (UNIFORM), standard deviation (NORMAL) or value (CONSTANT). */
    public double scale() {
        return scale;
    }

    /** True once a seed is bound (always usable for CONSTANT). */
    public boolean isSeeded() {
        return seed != null || kind == Kind.CONSTANT;
    }

    /** The {@code n} values this rule produces, row-major. */
    public float[] values(int n) {
        float[] out = new float[n];
        if (kind == Kind.CONSTANT) {
            Arrays.fill(out, (float) scale);
            return out;
        }
        if (seed == null) {
            throw new IllegalStateException("random init (" + kind + ", scale " + scale
                    + ") has no seed; initialise models through ModelInitialization");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        if (kind == Kind.UNIFORM) {
            for (int i = 0; i < n; i++) {
                out[i] = (float) ((rng.nextDouble() * 2 - 1) * scale);
            }
        } else {
            for (int i = 0; i < n; i += 2) {
                // Box–Muller: two independent N(0,1) per pair of uniforms; 1 − u avoids log(0).
                double r = Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
                double a = 2 * Math.PI * rng.nextDouble();
                out[i] = (float) (r * Math.cos(a) * scale);
                if (i + 1 < n) {
                    out[i + 1] = (float) (r * Math.sin(a) * scale);
                }
            }
        }
        return out;
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        if (dataType != DataType.FLOAT32) {
            throw new IllegalArgumentException("parameters are float32, got " + dataType);
        }
        return manager.create(values(Math.toIntExact(shape.size())), shape);
    }

    @Override
    public String toString() {
        return "TorchInit[" + kind + ", " + scale + (seed == null ? "" : ", seed " + seed) + "]";
    }
}
