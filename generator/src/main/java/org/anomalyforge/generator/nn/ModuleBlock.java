package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DJL block whose parameters have fixed shapes from construction and whose children and parameters carry
 * PyTorch module names.
 *
 * <p>Why: DJL prefixes child names with counters ({@code 02down_blocks_…}) and sizes parameters only during
 * {@code initialize}. Here every block registers its children under the diffusers attribute name (dots are
 * allowed, e.g. {@code "to_out.0"} or {@code "net.0.proj"}) and every parameter with its final shape, so
 * {@link ParameterRegistry} can list the exact state-dict keys and shapes before any memory is allocated.
 * Input shapes passed to {@link #initialize} are recorded by DJL but never used to size anything.
 */
public abstract class ModuleBlock extends AbstractBlock {

    private final Map<String, ModuleBlock> namedChildren = new LinkedHashMap<>();
    private final Map<String, Parameter> namedParameters = new LinkedHashMap<>();

    /**
     * Registers a parameter of a fixed shape.
     *
     * @param name PyTorch attribute name, e.g. {@code "weight"}
     * @param type DJL parameter type (informational; the initializer decides the values)
     * @param shape final shape in PyTorch order
     * @param init how {@link ModelInitialization} fills it
     */
    protected final Parameter parameter(String name, Parameter.Type type, Shape shape, TorchInit init) {
        if (namedParameters.containsKey(name) || namedChildren.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name + "' is already used");
        }
        Parameter p = Parameter.builder().setName(name).setType(type).optShape(shape).optInitializer(init).build();
        addParameter(p);
        namedParameters.put(name, p);
        return p;
    }

    /**
     * Registers a non-trainable state tensor (a PyTorch buffer such as BatchNorm running statistics): saved and
     * loaded with the weights, never given a gradient, never counted as trainable.
     */
    protected final Parameter buffer(String name, Shape shape, TorchInit init) {
        if (namedParameters.containsKey(name) || namedChildren.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name + "' is already used");
        }
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.RUNNING_MEAN).optShape(shape)
                .optInitializer(init).optRequiresGrad(false).build();
        addParameter(p);
        namedParameters.put(name, p);
        return p;
    }

    /** Registers a child block under its PyTorch attribute path (relative, may contain dots). */
    protected final <B extends ModuleBlock> B child(String name, B block) {
        if (name.isEmpty() || name.startsWith(".") || name.endsWith(".")) {
            throw new IllegalArgumentException("child name must be a non-empty dotted path, got '" + name + "'");
        }
        if (namedParameters.containsKey(name) || namedChildren.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name + "' is already used");
        }
        addChildBlock(name, block);
        namedChildren.put(name, block);
        return block;
    }

    /**
     * Swaps a registered parameter for another (same name and position), e.g. a grown embedding table.
     * DJL's own parameter map is updated too, so saving and trainers built afterwards see the new one.
     */
    protected final void replaceParameter(String name, Parameter replacement) {
        if (!namedParameters.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no parameter '" + name + "'");
        }
        if (!name.equals(replacement.getName())) {
            throw new IllegalArgumentException("replacement parameter must be named '" + name + "', got '"
                    + replacement.getName() + "'");
        }
        namedParameters.put(name, replacement);
        parameters.put(name, replacement);
    }

    /** Children in registration order, keyed by their relative dotted name. Unmodifiable. */
    public final Map<String, ModuleBlock> namedChildren() {
        return Collections.unmodifiableMap(namedChildren);
    }

    /** Direct parameters in registration order, keyed by PyTorch attribute name. Unmodifiable. */
    public final Map<String, Parameter> namedParameters() {
        return Collections.unmodifiableMap(namedParameters);
    }

    /** Children are sized at construction, so each simply initialises its own parameters. */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (ModuleBlock c : namedChildren.values()) {
            c.initialize(manager, dataType, inputShapes);
        }
    }

    /** The value of {@code p} on the device of {@code like}, through the store (so trainers see the access). */
    protected static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
        return ps.getValue(p, like.getDevice(), training);
    }

    /** Fails with a message naming the block, the argument and the rule. */
    protected final void requireRank(NDArray x, int rank, String what) {
        if (x.getShape().dimension() != rank) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": " + what + " must have rank " + rank
                    + ", got shape " + x.getShape());
        }
    }

    /** Fails unless axis {@code axis} of {@code x} has size {@code expected}. */
    protected final void requireDim(NDArray x, int axis, long expected, String what) {
        long actual = x.getShape().get(axis);
        if (actual != expected) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": " + what + " axis " + axis
                    + " must be " + expected + ", got " + actual + " (shape " + x.getShape() + ")");
        }
    }
}
