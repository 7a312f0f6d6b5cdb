package org.anomalyforge.generator.tokenizer;

import java.util.Arrays;

/**
 * The fixed-length frame every prompt is encoded into (seas.md §4.1 step 7): BOS + the first
 * {@code contextLength − 2} content ids + EOS, padded with {@code padId}.
 *
 * @param contextLength total length (77 for SD-1.4 and tiny), at least 2
 * @param bosId         id at position 0
 * @param eosId         id right after the content
 * @param padId         id of the remaining positions (CLIP pads with EOS)
 */
public record ContextWindow(int contextLength, int bosId, int eosId, int padId) {

    /** SD-1.4's and tiny's context length. */
    public static final int CLIP_CONTEXT_LENGTH = 77;

    public ContextWindow {
        if (contextLength < 2) {
            throw new IllegalArgumentException("contextLength must be at least 2 (BOS and EOS), got "
                    + contextLength);
        }
        if (bosId < 0 || eosId < 0 || padId < 0) {
            throw new IllegalArgumentException("special token ids must be non-negative, got bos " + bosId
                    + ", eos " + eosId + ", pad " + padId);
        }
    }

    /** How many content ids fit between BOS and EOS. */
    public int maxContent() {
        return contextLength - 2;
    }

    /** The framed, truncated and padded sequence of {@code content}. */
    public int[] frame(int[] content) {
        int kept = Math.min(content.length, maxContent());
        int[] ids = new int[contextLength];
        Arrays.fill(ids, padId);
        ids[0] = bosId;
        System.arraycopy(content, 0, ids, 1, kept);
        ids[kept + 1] = eosId;
        return ids;
    }

    /** Whether {@code id} is BOS, EOS or pad (skipped when decoding). */
    public boolean isSpecial(int id) {
        return id == bosId || id == eosId || id == padId;
    }
}
