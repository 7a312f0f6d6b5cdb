package org.anomalyforge.segmenter.lfd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

import java.util.Random;

/**
 * The PyTorch default initialisations of LFD (spec §2.7) drawn from our own seeded stream, because DJL's
 * initialisers differ. Each parameter has its own stream, derived from the network seed and the
 * parameter's registry index, so the values do not depend on the order in which DJL initialises blocks.
 * {@link Random}'s algorithm is fixed by the JDK specification, so the same seed gives bitwise-identical
 * weights on every JVM.
 *
 * @param kind       which distribution
 * @param fanIn      (c_in/groups)·k_h·k_w of the conv, used by {@link Kind#UNIFORM_FAN_IN} (also for its
 *                   bias); ignored by {@link Kind#HE_NORMAL_FAN_OUT}
 * @param streamSeed seed of this parameter's stream
 */
record SeededInitializer(Kind kind, int fanIn, long streamSeed) implements Initializer {

    /** The two distributions of §2.7. */
    enum Kind {
        /** torchvision ResNet convs: N(0, 2/(c_out·k_h·k_w)). */
        HE_NORMAL_FAN_OUT,
        /** PyTorch's {@code kaiming_uniform(a=√5)} for weights and its bias rule: U(−1/√fan_in, 1/√fan_in). */
        UNIFORM_FAN_IN
    }

    SeededInitializer {
        if (kind == Kind.UNIFORM_FAN_IN && fanIn < 1) {
            throw new IllegalArgumentException("fanIn must be ≥ 1 for a uniform initialiser, got " + fanIn);
        }
    }

    /**
     * The stream seed of the parameter at {@code index} of a network seeded with {@code seed}: the
     * SplitMix64 finaliser of seed + (index + 1)·golden gamma, so neighbouring indices get unrelated streams.
     */
    static long streamSeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        if (dataType != DataType.FLOAT32) {
            throw new IllegalArgumentException("LFD parameters are float32, got " + dataType);
        }
        float[] values = new float[Math.toIntExact(shape.size())];
        Random random = new Random(streamSeed);
        if (kind == Kind.HE_NORMAL_FAN_OUT) {
            if (shape.dimension() != 4) {
                throw new IllegalArgumentException("He-normal fan-out needs a conv weight O×I×kh×kw, got " + shape);
            }
            long fanOut = shape.get(0) * shape.get(2) * shape.get(3);
            double std = Math.sqrt(2.0 / fanOut);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextGaussian() * std);
            }
        } else {
            if (shape.dimension() == 4 && shape.get(1) * shape.get(2) * shape.get(3) != fanIn) {
                throw new IllegalArgumentException("declared fanIn " + fanIn + " does not match conv weight shape "
                        + shape);
            }
            double bound = 1.0 / Math.sqrt(fanIn);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((2.0 * random.nextDouble() - 1.0) * bound);
            }
        }
        return manager.create(values, shape);
    }
}
