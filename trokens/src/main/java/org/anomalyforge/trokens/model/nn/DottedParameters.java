package org.anomalyforge.trokens.model.nn;

import ai.djl.nn.Block;
import ai.djl.nn.BlockList;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PyTorch-style dotted parameter names of a DJL block tree, e.g. {@code blocks.3.attn.qkv.weight}
 * (DJL-COOKBOOK §5). DJL keys children as {@code "%02d" + name}; the walker strips that prefix and joins with
 * dots, so the names are exactly the child and parameter names we chose.
 */
public final class DottedParameters {

    private DottedParameters() {}

    /** Every parameter of {@code root} by dotted name, in block-tree order. Unmodifiable. */
    public static Map<String, Parameter> of(Block root) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        walk(root, "", out);
        return Collections.unmodifiableMap(out);
    }

    /** Sum of the element counts of all parameters (the block must be initialised). */
    public static long count(Block root) {
        long total = 0;
        for (Map.Entry<String, Parameter> e : of(root).entrySet()) {
            Parameter p = e.getValue();
            if (p.getShape() == null) {
                throw new IllegalStateException("parameter '" + e.getKey() + "' has no shape; initialise the block");
            }
            total += p.getShape().size();
        }
        return total;
    }

    private static void walk(Block block, String prefix, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            String name = prefix + p.getKey();
            if (out.put(name, p.getValue()) != null) {
                throw new IllegalStateException("duplicate parameter name '" + name + "'");
            }
        }
        BlockList children = block.getChildren();
        for (int i = 0; i < children.size(); i++) {
            String key = children.get(i).getKey();
            String index = String.format("%02d", i + 1);
            String child = key.startsWith(index) ? key.substring(index.length()) : key;
            walk(children.get(i).getValue(), prefix + child + ".", out);
        }
    }
}
