package org.anomalyforge.generator.prompts;

import java.util.List;
import java.util.Objects;

/**
 * The UA prompt of one defect type (seas.md §4.3): {@code a ob1 with sks{4k+1} sks{4k+2} sks{4k+3} sks{4k+4}},
 * which encodes to BOS, a, ob1, with, the 4 anomaly tokens, EOS and padding (positions 0 … 8, 9 … 76).
 *
 * @param defectType    the type's folder name
 * @param typeIndex     k, the type's index in the product's code-point-sorted type list
 * @param anomalyTokens the type's four anomaly tokens, in prompt order
 * @param text          the prompt text
 */
public record UnbalancedPrompt(String defectType, int typeIndex, List<String> anomalyTokens, String text) {

    public UnbalancedPrompt {
        Objects.requireNonNull(defectType, "defectType");
        Objects.requireNonNull(text, "text");
        anomalyTokens = List.copyOf(anomalyTokens);
        if (!anomalyTokens.equals(PromptTokens.anomalyTokensOf(typeIndex))) {
            throw new IllegalArgumentException("anomalyTokens of type " + typeIndex + " must be "
                    + PromptTokens.anomalyTokensOf(typeIndex) + ", got " + anomalyTokens);
        }
        if (!text.equals(textOf(anomalyTokens))) {
            throw new IllegalArgumentException("UA prompt text of type " + typeIndex + " must be '"
                    + textOf(anomalyTokens) + "', got '" + text + "'");
        }
    }

    /** The UA prompt of type k named {@code defectType}. */
    public static UnbalancedPrompt of(int typeIndex, String defectType) {
        List<String> tokens = PromptTokens.anomalyTokensOf(typeIndex);
        return new UnbalancedPrompt(defectType, typeIndex, tokens, textOf(tokens));
    }

    private static String textOf(List<String> anomalyTokens) {
        return "a " + PromptTokens.NORMAL_TOKEN + " with " + String.join(" ", anomalyTokens);
    }
}
