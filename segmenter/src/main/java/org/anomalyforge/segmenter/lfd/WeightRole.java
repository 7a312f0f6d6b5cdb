package org.anomalyforge.segmenter.lfd;

/**
 * What one registered LFD parameter is, which fixes its original key suffix, its DJL name and its
 * §2.7 initialisation.
 */
public enum WeightRole {
    /** Bias-free ResNet-18 conv weight (O×I×kh×kw); He-normal, fan-out. Key suffix {@code weight}. */
    RESNET_CONV_WEIGHT("weight", "weight", true),
    /** Conv weight LFD adds (aggregation, channel_adjust, fusion, head); U(±1/√fan_in). */
    LFD_CONV_WEIGHT("weight", "weight", true),
    /** Bias of a conv LFD adds; U(±1/√fan_in) with the weight's fan_in. */
    LFD_CONV_BIAS("bias", "bias", true),
    /** BN γ, initialised to 1. */
    BN_GAMMA("weight", "gamma", true),
    /** BN β, initialised to 0. */
    BN_BETA("bias", "beta", true),
    /** BN running mean (not trainable), initialised to 0. */
    BN_RUNNING_MEAN("running_mean", "runningMean", false),
    /** BN running variance (not trainable), initialised to 1. */
    BN_RUNNING_VAR("running_var", "runningVar", false);

    private final String keySuffix;
    private final String djlName;
    private final boolean trainable;

    WeightRole(String keySuffix, String djlName, boolean trainable) {
        this.keySuffix = keySuffix;
        this.djlName = djlName;
        this.trainable = trainable;
    }

    /** Suffix of the original state-dict key, e.g. {@code running_mean}. */
    public String keySuffix() {
        return keySuffix;
    }

    /** Name of the parameter inside its DJL block, e.g. {@code runningMean}. */
    public String djlName() {
        return djlName;
    }

    /** Whether the parameter receives gradients. */
    public boolean trainable() {
        return trainable;
    }

    /** Whether the parameter belongs to a BatchNorm layer. */
    public boolean isBatchNorm() {
        return this == BN_GAMMA || this == BN_BETA || this == BN_RUNNING_MEAN || this == BN_RUNNING_VAR;
    }
}
