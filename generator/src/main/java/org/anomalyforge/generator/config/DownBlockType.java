package org.anomalyforge.generator.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** U-Net down-block kinds, serialised under their diffusers class names. */
public enum DownBlockType {
    /** Resnets each followed by a Transformer2DModel with cross-attention. */
    CROSS_ATTN_DOWN("CrossAttnDownBlock2D", true),
    /** Resnets only. */
    DOWN("DownBlock2D", false);

    private final String diffusersName;
    private final boolean crossAttention;

    DownBlockType(String diffusersName, boolean crossAttention) {
        this.diffusersName = diffusersName;
        this.crossAttention = crossAttention;
    }

    /** The diffusers class name, e.g. {@code CrossAttnDownBlock2D}. */
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
    public static DownBlockType fromDiffusersName(String name) {
        for (DownBlockType t : values()) {
            if (t.diffusersName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("down block type must be CrossAttnDownBlock2D or DownBlock2D, got " + name);
    }
}
