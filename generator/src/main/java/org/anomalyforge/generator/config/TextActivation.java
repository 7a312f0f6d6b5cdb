package org.anomalyforge.generator.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The CLIP MLP activation, serialised under the transformers {@code hidden_act} name. */
public enum TextActivation {
    /** x·σ(1.702·x) (OpenAI CLIP, SD-1.x). */
    QUICK_GELU("quick_gelu"),
    /** Exact erf GELU. */
    GELU("gelu");

    private final String configName;

    TextActivation(String configName) {
        this.configName = configName;
    }

    /** The transformers name. */
    @JsonValue
    public String configName() {
        return configName;
    }

    /** Parses a transformers name; fails naming the accepted ones. */
    @JsonCreator
    public static TextActivation fromConfigName(String name) {
        for (TextActivation a : values()) {
            if (a.configName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("text activation must be quick_gelu or gelu, got " + name);
    }
}
