package org.anomalyforge.trokens.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

import java.util.SplittableRandom;

/**
 * Truncated normal initialiser (spec §11: σ = 0.02 for Linear weights, {@code cls}, space and time
 * embeddings), drawn from a Java-side {@link SplittableRandom} so that a seed gives bit-identical weights on
 * every JVM and engine. Values beyond ±2σ are redrawn. DJL initialises parameters in block-tree order, so
 * one instance per network, created from the seed, makes the whole network reproducible.
 */
public final class SeededTruncatedNormal implements Initializer {

    private final double sigma;
    private final SplittableRandom random;

    /**
     * @param sigma standard deviation, &gt; 0
     * @param seed  stream seed
     */
    public SeededTruncatedNormal(double sigma, long seed) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be > 0, got " + sigma);
        }
        this.sigma = sigma;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public synchronized NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        if (dataType != DataType.FLOAT32) {
            throw new IllegalArgumentException("trokens parameters are float32, got " + dataType);
        }
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            double v;
            do {
                v = gaussian();
            } while (Math.abs(v) > 2.0);
            values[i] = (float) (v * sigma);
        }
        return manager.create(values, shape);
    }

    /** Standard normal by Box–Muller (one value per pair of uniforms keeps the stream simple). */
    private double gaussian() {
        double u1 = 1.0 - random.nextDouble(); // (0, 1], so log is finite
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
