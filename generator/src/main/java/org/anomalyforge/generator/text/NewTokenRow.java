package org.anomalyforge.generator.text;

import java.util.ArrayList;
import java.util.List;

/**
 * How one appended token-embedding row is initialised (seas.md §4.4).
 *
 * @param sourceToken id of the existing row to copy, or {@link #RANDOM} for a fresh N(0, 0.02²) row
 */
public record NewTokenRow(int sourceToken) {

    /** Marker for a random row. */
    public static final int RANDOM = -1;

    /** The §4.4 initialisation modes. */
    public enum Mode {
        /** ob1 copies {@code object}, each sks copies {@code defect} (sd14; tiny {@code SHARED}). */
        COPY_SOURCE,
        /** every row N(0, 0.02²), drawn separately (tiny default {@code RANDOM}). */
        RANDOM
    }

    public NewTokenRow {
        if (sourceToken < RANDOM) {
            throw new IllegalArgumentException("sourceToken must be a token id >= 0 or RANDOM (-1), got " + sourceToken);
        }
    }

    /** A copy of row {@code tokenId}. */
    public static NewTokenRow copyOf(int tokenId) {
        if (tokenId < 0) {
            throw new IllegalArgumentException("tokenId must be >= 0, got " + tokenId);
        }
        return new NewTokenRow(tokenId);
    }

    /** A fresh N(0, 0.02²) row. */
    public static NewTokenRow random() {
        return new NewTokenRow(RANDOM);
    }

    /** Whether the row is drawn rather than copied. */
    public boolean isRandom() {
        return sourceToken == RANDOM;
    }

    /**
     * The 1 + 4T rows of §4.4 in id order: {@code ob1}, then {@code sks1 … sks{4T}}.
     *
     * @param mode        initialisation mode
     * @param objectToken id of the word {@code object} (copied for ob1 under COPY_SOURCE)
     * @param defectToken id of the word {@code defect} (copied for every sks under COPY_SOURCE)
     * @param defectTypes T ≥ 1
     */
    public static List<NewTokenRow> seasRows(Mode mode, int objectToken, int defectToken, int defectTypes) {
        if (defectTypes < 1) {
            throw new IllegalArgumentException("defectTypes must be >= 1, got " + defectTypes);
        }
        List<NewTokenRow> rows = new ArrayList<>();
        rows.add(mode == Mode.COPY_SOURCE ? copyOf(objectToken) : random());
        for (int i = 0; i < 4 * defectTypes; i++) {
            rows.add(mode == Mode.COPY_SOURCE ? copyOf(defectToken) : random());
        }
        return List.copyOf(rows);
    }
}
