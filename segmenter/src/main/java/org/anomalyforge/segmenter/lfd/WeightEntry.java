package org.anomalyforge.segmenter.lfd;

import ai.djl.nn.Parameter;

import java.util.Objects;

/**
 * One registered LFD parameter: its original state-dict key and the DJL parameter it maps to.
 *
 * @param key       original key, e.g. {@code fusion.point_conv.1.0.running_var}
 * @param layer     original key of the layer, e.g. {@code fusion.point_conv.1.0}
 * @param role      what the parameter is (fixes suffix and initialisation)
 * @param parameter the DJL parameter (same layout as PyTorch: OIHW weights, (C) vectors)
 */
public record WeightEntry(String key, String layer, WeightRole role, Parameter parameter) {

    /** Checks that the key is the layer key plus the role's suffix. */
    public WeightEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(parameter, "parameter");
        if (!key.equals(layer + "." + role.keySuffix())) {
            throw new IllegalArgumentException("weight key must be layer + '." + role.keySuffix() + "', got key '"
                    + key + "' for layer '" + layer + "'");
        }
    }
}
