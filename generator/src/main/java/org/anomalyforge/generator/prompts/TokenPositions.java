package org.anomalyforge.generator.prompts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the product's normal token and a type's anomaly tokens sit in one encoded sequence (seas.md §4.3), as
 * the DA loss needs them. Derived from the token ids, never assumed; {@link #requireUnbalancedLayout()} then
 * checks the layout the original hard-coded: {@code ob1} at 2 and the anomaly tokens at 4 … 7.
 *
 * @param normalPosition   index of {@code ob1} (the product token) in the 77-token sequence
 * @param anomalyPositions indices of the type's anomaly tokens, in token order; empty for the normal prompt
 */
public record TokenPositions(int normalPosition, List<Integer> anomalyPositions) {

    /** Position of {@code ob1} in {@code a ob1 …}: after BOS and {@code a}. */
    public static final int UA_NORMAL_POSITION = 2;
    /** Positions of the 4 anomaly tokens in a UA prompt: after BOS, {@code a}, {@code ob1}, {@code with}. */
    public static final List<Integer> UA_ANOMALY_POSITIONS = List.of(4, 5, 6, 7);

    public TokenPositions {
        anomalyPositions = List.copyOf(anomalyPositions);
        if (normalPosition < 0) {
            throw new IllegalArgumentException("normalPosition must be non-negative, got " + normalPosition);
        }
    }

    /**
     * Finds the tokens in {@code ids}.
     *
     * @param ids             an encoded sequence (BOS … EOS, padding)
     * @param normalTokenId   the id of {@code ob1}; must occur exactly once
     * @param anomalyTokenIds the ids of the type's anomaly tokens (empty for the normal prompt); each must occur
     *                        exactly once
     */
    public static TokenPositions derive(int[] ids, int normalTokenId, int[] anomalyTokenIds) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(anomalyTokenIds, "anomalyTokenIds");
        int normal = onlyPosition(ids, normalTokenId, "normal token");
        List<Integer> anomaly = new ArrayList<>(anomalyTokenIds.length);
        for (int id : anomalyTokenIds) {
            anomaly.add(onlyPosition(ids, id, "anomaly token"));
        }
        return new TokenPositions(normal, anomaly);
    }

    /** Whether these are positions of a UA (anomaly) prompt. */
    public boolean isAnomaly() {
        return !anomalyPositions.isEmpty();
    }

    /**
     * Checks the §4.3 layout: {@code ob1} at 2 and, for a UA prompt, the anomaly tokens at 4, 5, 6, 7.
     *
     * @return this, for chaining
     */
    public TokenPositions requireUnbalancedLayout() {
        if (normalPosition != UA_NORMAL_POSITION) {
            throw new IllegalArgumentException("normal token must be at position " + UA_NORMAL_POSITION
                    + " (seas.md §4.3), got " + normalPosition);
        }
        if (isAnomaly() && !anomalyPositions.equals(UA_ANOMALY_POSITIONS)) {
            throw new IllegalArgumentException("anomaly tokens must be at positions " + UA_ANOMALY_POSITIONS
                    + " (seas.md §4.3), got " + anomalyPositions);
        }
        return this;
    }

    private static int onlyPosition(int[] ids, int id, String what) {
        int found = -1;
        int count = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                found = i;
                count++;
            }
        }
        if (count != 1) {
            throw new IllegalArgumentException(what + " id " + id + " must occur exactly once in the sequence, "
                    + "found " + count + " times");
        }
        return found;
    }
}
