package org.anomalyforge.generator.prompts;

import java.util.Objects;

/**
 * One embedding row the text encoder must append for a new token (seas.md §4.4), as data: the text-encoder
 * code applies it. sd14 copies the row of {@code initFromToken}; tiny draws N(0, 0.02²) by default
 * ({@code RANDOM}) or copies the random row of {@code initFromToken} ({@code SHARED}). For
 * {@code ClipTextModel.appendTokenRows} this maps to {@code text.NewTokenRow.copyOf(initFromTokenId)} (copy
 * modes) or {@code NewTokenRow.random()}; the ids that call returns must equal {@link #tokenId()}.
 *
 * @param token           the new token ({@code ob1} or {@code sks{j}})
 * @param tokenId         its id, i.e. the row index in the extended token table
 * @param initFromToken   the existing word whose row it starts from ({@code object} for ob1, {@code defect} for sks)
 * @param initFromTokenId that word's id in the base vocabulary
 */
public record AddedTokenRow(String token, int tokenId, String initFromToken, int initFromTokenId) {

    public AddedTokenRow {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(initFromToken, "initFromToken");
        if (tokenId < 0 || initFromTokenId < 0) {
            throw new IllegalArgumentException("token ids must be non-negative, got tokenId " + tokenId
                    + " and initFromTokenId " + initFromTokenId);
        }
        if (initFromTokenId >= tokenId) {
            throw new IllegalArgumentException("row of '" + token + "' (id " + tokenId + ") must start from an "
                    + "existing row, but '" + initFromToken + "' has id " + initFromTokenId);
        }
    }
}
