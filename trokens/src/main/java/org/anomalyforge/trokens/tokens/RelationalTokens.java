package org.anomalyforge.trokens.tokens;

/**
 * Relational (inter-trajectory) descriptors of one clip (spec §9.2): {@code values[n][t]} =
 * {@code concat_j (p_n(t) − p_j(t))·v_n(t)·v_j(t)} laid out {@code [dx_0, dy_0, dx_1, dy_1, …]} in slot
 * order; shape {@code [M][T][2M]}.
 *
 * @param values {@code [M][T][2M]}
 */
public record RelationalTokens(float[][][] values) {

    public RelationalTokens {
        TokenShapes.check("relational", values, 2 * values.length);
    }

    /** Number of slots {@code M}. */
    public int points() {
        return values.length;
    }

    /** Number of frames {@code T}. */
    public int frames() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** Token width {@code 2M}. */
    public int width() {
        return 2 * values.length;
    }

    /** Flat copy in frame-major order {@code [T][M][2M]}. */
    public float[] toFrameMajor() {
        return TokenShapes.frameMajor(values, width());
    }
}
