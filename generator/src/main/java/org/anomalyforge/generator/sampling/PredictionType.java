package org.anomalyforge.generator.sampling;

/**
 * What the U-Net predicts (diffusers {@code prediction_type}). SD-1.4 and our tiny model predict the noise ε
 * (seas.md §3.4); the field exists so an imported {@code scheduler_config.json} naming another target is
 * refused rather than silently sampled with the wrong conversion.
 */
public enum PredictionType {
    /** The model output is the noise ε̂; x̂₀ = (x_t − σ_t·ε̂)/α_t. */
    EPSILON("epsilon");

    private final String diffusersName;

    PredictionType(String diffusersName) {
        this.diffusersName = diffusersName;
    }

    /** The spelling used in diffusers' {@code scheduler_config.json}. */
    public String diffusersName() {
        return diffusersName;
    }

    /**
     * Resolves a diffusers {@code prediction_type} value.
     *
     * @throws IllegalArgumentException for {@code v_prediction}, {@code sample} or anything else
     */
    public static PredictionType fromDiffusersName(String name) {
        for (PredictionType type : values()) {
            if (type.diffusersName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("prediction_type must be epsilon (the only target SeaS models use), got "
                + name);
    }
}
