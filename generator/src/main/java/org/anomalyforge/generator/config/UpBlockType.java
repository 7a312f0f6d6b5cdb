package org.anomalyforge.generator.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** U-Net up-block kinds, serialised under their diffusers class names. */
public enum UpBlockType {
    /** Resnets each followed by a Transformer2DModel with cross-attention. */
    CROSS_ATTN_UP("CrossAttnUpBlock2D", true),
    /** Resnets only. */
    UP("UpBlock2D", false);

    private final String diffusersName;
    private final boolean crossAttention;

    UpBlockType(String diffusersName, boolean crossAttention) {
        this.diffusersName = diffusersName;
        this.crossAttention = crossAttention;
    }

    /** The diffusers class name, e.g. {@code CrossAttnUpBlock2D}. */
    @JsonValue
    public String diffusersName() {
        return diffusersName;
    }

    /** Whether the block has cross-attention transformers. */
    public boolean hasCrossAttention() {
        return crossAttention;
    }

    /** Parses a diffusers class name; fails naming the accepted ones. */
    @JsonCreator
    public static UpBlockType fromDiffusersName(String name) {
        for (UpBlockType t : values()) {
            if (t.diffusersName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("up block type must be CrossAttnUpBlock2D or UpBlock2D, got " + name);
    }
}
