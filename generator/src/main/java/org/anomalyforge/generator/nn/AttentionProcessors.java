package org.anomalyforge.generator.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Finds the {@link Attention} layers of a model by dotted name and sets their processors (diffusers'
 * {@code set_attn_processor}). Setting by map fails unless the map names every layer exactly.
 */
public final class AttentionProcessors {

    private AttentionProcessors() {
    }

    /** Dotted layer name (e.g. {@code down_blocks.1.attentions.0.transformer_blocks.0.attn2}) → layer, in order. */
    public static Map<String, Attention> layers(ModuleBlock root) {
        Map<String, Attention> out = new LinkedHashMap<>();
        collect(root, "", out);
        return Collections.unmodifiableMap(out);
    }

    /** The current processor of every layer, by dotted name. */
    public static Map<String, AttentionProcessor> processors(ModuleBlock root) {
        Map<String, AttentionProcessor> out = new LinkedHashMap<>();
        layers(root).forEach((name, layer) -> out.put(name, layer.processor()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Sets one processor per layer.
     *
     * @throws IllegalArgumentException naming the missing and unknown layers unless {@code byLayer} has exactly
     *                                  the model's layer names (nothing is changed then)
     */
    public static void set(ModuleBlock root, Map<String, ? extends AttentionProcessor> byLayer) {
        Map<String, Attention> layers = layers(root);
        TreeSet<String> missing = new TreeSet<>(layers.keySet());
        missing.removeAll(byLayer.keySet());
        TreeSet<String> unknown = new TreeSet<>(byLayer.keySet());
        unknown.removeAll(layers.keySet());
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException("attention processors must cover every one of the " + layers.size()
                    + " layers exactly; missing " + missing + ", unknown " + unknown);
        }
        byLayer.forEach((name, p) -> {
            if (p == null) {
                throw new IllegalArgumentException("attention processor for " + name + " is null");
            }
        });
        byLayer.forEach((name, p) -> layers.get(name).setProcessor(p));
    }

    /** Sets {@code factory.apply(name)} on every layer. */
    public static void setAll(ModuleBlock root, Function<String, ? extends AttentionProcessor> factory) {
        Map<String, AttentionProcessor> map = new LinkedHashMap<>();
        layers(root).keySet().forEach(name -> map.put(name, factory.apply(name)));
        set(root, map);
    }

    private static void collect(ModuleBlock block, String prefix, Map<String, Attention> out) {
        for (Map.Entry<String, ModuleBlock> c : block.namedChildren().entrySet()) {
            String name = prefix + c.getKey();
            if (c.getValue() instanceof Attention a) {
                out.put(name, a);
            }
            collect(c.getValue(), name + ".", out);
        }
    }
}
