package org.anomalyforge.trokens.tokens;

/**
 * Histogram-of-displacement tokens of one clip (spec §9.1): {@code values[m][t]} is the {@code D}-wide
 * HoD feature of slot {@code m} at model frame {@code t}; shape {@code [M][T][D]}, D = {@link HodMode#width()}.
 *
 * @param mode   which features the tokens hold
 * @param values {@code [M][T][D]}
 */
public record HodTokens(HodMode mode, float[][][] values) {

    public HodTokens {
        TokenShapes.check("hod", values, mode.width());
    }

    /** Number of slots {@code M}. */
    public int points() {
        return values.length;
    }

    /** Number of frames {@code T}. */
    public int frames() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** Token width {@code D}. */
    public int width() {
        return mode.width();
    }

    /** Flat copy in frame-major order {@code [T][M][D]} (the recogniser's {@code [B, T, M, D]} layout, B = 1). */
    public float[] toFrameMajor() {
        return TokenShapes.frameMajor(values, width());
    }
}
