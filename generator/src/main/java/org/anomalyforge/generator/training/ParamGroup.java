package org.anomalyforge.generator.training;

import ai.djl.nn.Parameter;
import java.util.Map;

/**
 * One AdamW parameter group (seas.md §7.2): trainable parameters keyed by a unique name (component prefix + state
 * dict key), with a base learning rate and weight decay. The schedule multiplies the base rate.
 *
 * @param name         group name for logs (e.g. {@code unet}, {@code text_encoder})
 * @param parameters   key → parameter (each must require a gradient)
 * @param learningRate base learning rate
 * @param weightDecay  decoupled weight decay
 */
public record ParamGroup(String name, Map<String, Parameter> parameters, double learningRate, double weightDecay) {

    public ParamGroup {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("ParamGroup " + name + ".learningRate must be > 0, got " + learningRate);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("ParamGroup " + name + ".weightDecay must be >= 0, got " + weightDecay);
        }
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            if (!e.getValue().requiresGradient()) {
                throw new IllegalArgumentException("ParamGroup " + name + ": parameter " + e.getKey()
                        + " is frozen; only trainable parameters belong to a group");
            }
        }
    }
}
