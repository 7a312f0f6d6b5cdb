package org.anomalyforge.generator.nn;

import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered registry of diffusers / transformers state-dict names of a {@link ModuleBlock} tree: the only
 * source of parameter names (seas.md §3.3 "Key registry").
 *
 * <p>Walks {@link ModuleBlock#namedChildren()} and {@link ModuleBlock#namedParameters()} depth-first in
 * registration order and joins the names with dots, e.g. {@code up_blocks.1.resnets.0.conv1.weight}. Works
 * before initialisation (shapes are fixed at construction), so the SD-1.4 names and shapes can be listed
 * without allocating its 1.07 B parameters.
 */
public final class ParameterRegistry {

    private ParameterRegistry() {
    }

    /** Dotted name → parameter, in registration order. */
    public static Map<String, Parameter> parameters(ModuleBlock root) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        walk(root, "", out);
        return Collections.unmodifiableMap(out);
    }

    /** Dotted name and shape of every parameter, in registration order; allocates nothing. */
    public static List<ParamSpec> specs(ModuleBlock root) {
        List<ParamSpec> out = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : parameters(root).entrySet()) {
            out.add(new ParamSpec(e.getKey(), e.getValue().getShape()));
        }
        return Collections.unmodifiableList(out);
    }

    /** Total number of parameter elements, from the shapes (no allocation). */
    public static long count(ModuleBlock root) {
        long n = 0;
        for (Parameter p : parameters(root).values()) {
            n += p.getShape().size();
        }
        return n;
    }

    /** Number of elements of parameters that require gradients (frozen ones excluded). */
    public static long trainableCount(ModuleBlock root) {
        long n = 0;
        for (Parameter p : parameters(root).values()) {
            if (p.requiresGradient()) {
                n += p.getShape().size();
            }
        }
        return n;
    }

    private static void walk(ModuleBlock block, String prefix, Map<String, Parameter> out) {
        for (Map.Entry<String, Parameter> p : block.namedParameters().entrySet()) {
            String name = prefix + p.getKey();
            if (out.put(name, p.getValue()) != null) {
                throw new IllegalStateException("duplicate parameter name " + name);
            }
        }
        for (Map.Entry<String, ModuleBlock> c : block.namedChildren().entrySet()) {
            walk(c.getValue(), prefix + c.getKey() + ".", out);
        }
    }
}
