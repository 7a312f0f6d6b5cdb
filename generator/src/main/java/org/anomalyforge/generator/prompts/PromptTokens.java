package org.anomalyforge.generator.prompts;

import java.util.ArrayList;
import java.util.List;

/**
 * The token vocabulary of UA prompts (seas.md §4.3): one normal token {@code ob1} per product and
 * {@value #ANOMALY_TOKENS_PER_TYPE} anomaly tokens per defect type, {@code sks{4k+1} … sks{4k+4}} for type k.
 * The counts are fixed, as in the original, which hard-coded them.
 */
public final class PromptTokens {

    /** The product's normal token. */
    public static final String NORMAL_TOKEN = "ob1";
    /** Anomaly tokens are this prefix followed by 1, 2, …. */
    public static final String ANOMALY_TOKEN_PREFIX = "sks";
    /** Normal tokens per product (fixed). */
    public static final int NORMAL_TOKENS = 1;
    /** Anomaly tokens per defect type (fixed). */
    public static final int ANOMALY_TOKENS_PER_TYPE = 4;
    /** The existing word whose embedding row the normal token starts from (seas.md §4.4). */
    public static final String NORMAL_INIT_WORD = "object";
    /** The existing word whose embedding row every anomaly token starts from (seas.md §4.4). */
    public static final String ANOMALY_INIT_WORD = "defect";

    private PromptTokens() {
    }

    /** {@code sks{j}}, j ≥ 1. */
    public static String anomalyToken(int j) {
        if (j < 1) {
            throw new IllegalArgumentException("anomaly token number must be at least 1, got " + j);
        }
        return ANOMALY_TOKEN_PREFIX + j;
    }

    /** The four anomaly tokens of type k (0-based): {@code sks{4k+1} … sks{4k+4}}. */
    public static List<String> anomalyTokensOf(int typeIndex) {
        if (typeIndex < 0) {
            throw new IllegalArgumentException("typeIndex must be non-negative, got " + typeIndex);
        }
        List<String> tokens = new ArrayList<>(ANOMALY_TOKENS_PER_TYPE);
        for (int i = 1; i <= ANOMALY_TOKENS_PER_TYPE; i++) {
            tokens.add(anomalyToken(ANOMALY_TOKENS_PER_TYPE * typeIndex + i));
        }
        return List.copyOf(tokens);
    }

    /**
     * Rejects token counts other than the supported 1 normal and 4 anomaly tokens (seas.md §4.3), for
     * configurations that carry them.
     */
    public static void requireSupportedCounts(int normalTokens, int anomalyTokens) {
        if (normalTokens != NORMAL_TOKENS) {
            throw new IllegalArgumentException("normalTokens must be " + NORMAL_TOKENS
                    + " (the only count SeaS supports), got " + normalTokens);
        }
        if (anomalyTokens != ANOMALY_TOKENS_PER_TYPE) {
            throw new IllegalArgumentException("anomalyTokens must be " + ANOMALY_TOKENS_PER_TYPE
                    + " (the only count SeaS supports), got " + anomalyTokens);
        }
    }
}
