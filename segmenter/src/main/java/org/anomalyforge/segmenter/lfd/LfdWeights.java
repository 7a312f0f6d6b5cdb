package org.anomalyforge.segmenter.lfd;

import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.Initializer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The explicit, ordered registry from the original LFD state-dict keys (spec §3.1) to DJL
 * {@link Parameter}s, built while the network is constructed. It is the only source of key names: DJL's
 * own parameter names ({@code 01semantic_…}) are never parsed.
 *
 * <p>The full network registers 137 state-dict keys in PyTorch registration order: 117 mapped parameters
 * (77 trainable conv weights/biases and BN γ/β, 40 BN running statistics) and 20
 * {@code num_batches_tracked} counters, which have no DJL counterpart (ignored on import, written on
 * export).
 */
public final class LfdWeights {

    /** Key suffix of the BN step counters that DJL does not have. */
    public static final String BATCH_COUNTER_SUFFIX = "num_batches_tracked";

    private final List<String> stateDictKeys;
    private final Map<String, WeightEntry> parameters;

    private LfdWeights(List<String> stateDictKeys, Map<String, WeightEntry> parameters) {
        this.stateDictKeys = Collections.unmodifiableList(new ArrayList<>(stateDictKeys));
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * A registry builder whose conv initialisers draw from streams derived from {@code seed}.
     *
     * @param seed the network seed (§2.7)
     * @return an empty builder
     */
    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    /** All original state-dict keys, parameters and counters, in registration order. */
    public List<String> stateDictKeys() {
        return stateDictKeys;
    }

    /** The mapped parameters, original key → entry, in registration order. */
    public Map<String, WeightEntry> parameters() {
        return parameters;
    }

    /** Whether {@code key} is a registered {@code num_batches_tracked} counter. */
    public boolean isBatchCounter(String key) {
        return key.endsWith("." + BATCH_COUNTER_SUFFIX) && stateDictKeys.contains(key);
    }

    /**
     * The entry of one mapped key.
     *
     * @throws IllegalArgumentException naming the key if it is not a mapped parameter
     */
    public WeightEntry entry(String key) {
        WeightEntry e = parameters.get(key);
        if (e == null) {
            throw new IllegalArgumentException("no LFD parameter registered under key '" + key + "'");
        }
        return e;
    }

    /** The mapped entries whose key starts with {@code prefix}, in registration order. */
    public List<WeightEntry> withPrefix(String prefix) {
        List<WeightEntry> out = new ArrayList<>();
        for (WeightEntry e : parameters.values()) {
            if (e.key().startsWith(prefix)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Collects the registrations of one network. Blocks call it with their full key prefix; registration
     * order is the PyTorch {@code state_dict} order.
     */
    public static final class Builder {
        private final long seed;
        private final List<String> stateDictKeys = new ArrayList<>();
        private final Map<String, WeightEntry> parameters = new LinkedHashMap<>();

        private Builder(long seed) {
            this.seed = seed;
        }

        /**
         * Registers a bias-free ResNet conv: {@code layer.weight}, He-normal fan-out.
         *
         * @param layer original layer key, e.g. {@code semantic.model.prefix.0}
         * @param conv  a Conv2d built with {@code optBias(false)}
         * @return this builder
         */
        public Builder resNetConv(String layer, Conv2d conv) {
            Parameter weight = djlParameter(layer, conv.getDirectParameters().get("weight"), "weight");
            if (conv.getDirectParameters().get("bias") != null) {
                throw new IllegalArgumentException("ResNet conv '" + layer + "' must have no bias");
            }
            add(layer, WeightRole.RESNET_CONV_WEIGHT, weight,
                    new SeededInitializer(SeededInitializer.Kind.HE_NORMAL_FAN_OUT, 0, nextStreamSeed()));
            return this;
        }

        /**
         * Registers a conv LFD adds: {@code layer.weight} and {@code layer.bias}, both U(±1/√fanIn).
         *
         * @param layer original layer key, e.g. {@code context1.0}
         * @param conv  a Conv2d with bias
         * @param fanIn (c_in/groups)·k_h·k_w, e.g. 5 for the depthwise 1×5 convs
         * @return this builder
         */
        public Builder lfdConv(String layer, Conv2d conv, int fanIn) {
            Parameter weight = djlParameter(layer, conv.getDirectParameters().get("weight"), "weight");
            Parameter bias = djlParameter(layer, conv.getDirectParameters().get("bias"), "bias");
            add(layer, WeightRole.LFD_CONV_WEIGHT, weight,
                    new SeededInitializer(SeededInitializer.Kind.UNIFORM_FAN_IN, fanIn, nextStreamSeed()));
            add(layer, WeightRole.LFD_CONV_BIAS, bias,
                    new SeededInitializer(SeededInitializer.Kind.UNIFORM_FAN_IN, fanIn, nextStreamSeed()));
            return this;
        }

        /**
         * Registers a BatchNorm: weight (γ = 1), bias (β = 0), running_mean (0), running_var (1) and the
         * {@code num_batches_tracked} counter.
         *
         * @param layer original layer key, e.g. {@code cls_head.1.0}
         * @param bn    the BatchNorm block
         * @return this builder
         */
        public Builder batchNorm(String layer, BatchNorm bn) {
            add(layer, WeightRole.BN_GAMMA, bnParameter(layer, bn, WeightRole.BN_GAMMA), Initializer.ONES);
            add(layer, WeightRole.BN_BETA, bnParameter(layer, bn, WeightRole.BN_BETA), Initializer.ZEROS);
            add(layer, WeightRole.BN_RUNNING_MEAN, bnParameter(layer, bn, WeightRole.BN_RUNNING_MEAN),
                    Initializer.ZEROS);
            add(layer, WeightRole.BN_RUNNING_VAR, bnParameter(layer, bn, WeightRole.BN_RUNNING_VAR),
                    Initializer.ONES);
            addKey(layer + "." + BATCH_COUNTER_SUFFIX);
            return this;
        }

        /** The immutable registry. */
        public LfdWeights build() {
            return new LfdWeights(stateDictKeys, parameters);
        }

        private long nextStreamSeed() {
            return SeededInitializer.streamSeed(seed, stateDictKeys.size());
        }

        private void add(String layer, WeightRole role, Parameter parameter, Initializer initializer) {
            String key = layer + "." + role.keySuffix();
            addKey(key);
            parameter.setInitializer(initializer);
            parameters.put(key, new WeightEntry(key, layer, role, parameter));
        }

        private void addKey(String key) {
            if (stateDictKeys.contains(key)) {
                throw new IllegalStateException("state-dict key '" + key + "' registered twice");
            }
            stateDictKeys.add(key);
        }

        private static Parameter bnParameter(String layer, BatchNorm bn, WeightRole role) {
            return djlParameter(layer, bn.getDirectParameters().get(role.djlName()), role.djlName());
        }

        private static Parameter djlParameter(String layer, Parameter p, String djlName) {
            Objects.requireNonNull(layer, "layer");
            if (p == null) {
                throw new IllegalArgumentException("layer '" + layer + "' has no DJL parameter '" + djlName + "'");
            }
            return p;
        }
    }
}
