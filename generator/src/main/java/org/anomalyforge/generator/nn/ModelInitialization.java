package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Allocates the parameters of a {@link ModuleBlock} tree.
 *
 * <p>{@link #seeded} fills every parameter from its {@link TorchInit} rule with a seed derived from the model
 * seed and the parameter's dotted name (64-bit FNV-1a of the UTF-8 name, mixed with the seed by SplitMix64),
 * so a parameter's values depend only on (seed, name, shape). {@link #zeros} allocates zeros, for models whose
 * values are imported right after (skips drawing 1 B random numbers for SD-1.4).
 */
public final class ModelInitialization {

    private ModelInitialization() {
    }

    /**
     * Initialises every parameter with the PyTorch default rule under {@code seed}.
     *
     * @param inputShapes recorded by DJL as the block's input shapes (not used for sizing)
     */
    public static void seeded(ModuleBlock root, NDManager manager, long seed, Shape... inputShapes) {
        for (Map.Entry<String, Parameter> e : ParameterRegistry.parameters(root).entrySet()) {
            Parameter p = e.getValue();
            if (p.isInitialized()) {
                throw new IllegalStateException("parameter " + e.getKey() + " is already initialised");
            }
            Initializer init = p.getInitializer();
            if (!(init instanceof TorchInit rule)) {
                throw new IllegalStateException("parameter " + e.getKey() + " has initializer " + init
                        + "; every ModuleBlock parameter must carry a TorchInit rule");
            }
            p.setInitializer(rule.withSeed(parameterSeed(seed, e.getKey())));
        }
        root.initialize(manager, DataType.FLOAT32, inputShapes);
    }

    /** Allocates every parameter filled with zeros (values are expected to be imported next). */
    public static void zeros(ModuleBlock root, NDManager manager, Shape... inputShapes) {
        for (Map.Entry<String, Parameter> e : ParameterRegistry.parameters(root).entrySet()) {
            if (e.getValue().isInitialized()) {
                throw new IllegalStateException("parameter " + e.getKey() + " is already initialised");
            }
            e.getValue().setInitializer(Initializer.ZEROS);
        }
        root.initialize(manager, DataType.FLOAT32, inputShapes);
    }

    /** The seed of one parameter: SplitMix64(seed ⊕ FNV-1a(name)). */
    public static long parameterSeed(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        long z = seed ^ h;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
