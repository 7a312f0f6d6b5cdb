package org.anomalyforge.trokens.model;

import org.anomalyforge.trokens.encoders.PatchGrid;
import org.anomalyforge.trokens.tokens.MotionTokens;
import org.anomalyforge.trokens.tracks.Coordinates;

/**
 * One clip's network inputs as plain frame-major arrays (no NDArrays), ready to be stacked by
 * {@link ClipBatch}. Token alignment (spec §10) happens here, before projection: point m at frame t reads
 * the standardised feature of patch {@code (⌊(y_n+1)·G/2⌋, ⌊(x_n+1)·G/2⌋)}; an off-frame point gets a zero
 * feature and {@code onFrame = 0}, which also zeroes its embeddings in the network.
 *
 * @param frames     T
 * @param points     M
 * @param appearance {@code [T, M, A]}
 * @param patchIndex {@code [T, M]} {@code row·G + col} (0 when off-frame)
 * @param onFrame    {@code [T, M]} 1 on-frame, 0 off-frame
 * @param hod        {@code [T, M, H]}
 * @param relational {@code [T, M, 2M]}
 * @param visible    {@code [T, M]} 0/1
 * @param padding    {@code [M]} 1 for padding duplicates
 */
public record ClipTensors(int frames, int points, float[] appearance, long[] patchIndex, float[] onFrame,
                          float[] hod, float[] relational, float[] visible, float[] padding) {

    /**
     * Builds the inputs of {@code clip} for a model of {@code config}.
     *
     * @throws IllegalArgumentException naming the clip and field if a size does not match the model
     */
    public static ClipTensors of(PrecomputedClip clip, TrokensConfig config, AppearanceStandardizer standardizer) {
        MotionTokens motion = clip.motion();
        PatchGrid grid = clip.appearance();
        int t = motion.frames();
        int m = motion.points();
        int a = grid.featureDim();
        int g = grid.gridSize();
        check(clip, "frames T", config.frames(), t);
        check(clip, "points M", config.points(), m);
        check(clip, "featureDim A", config.featureDim(), a);
        check(clip, "gridSize G", config.gridSize(), g);
        check(clip, "HoD width", config.hodMode().width(), motion.hod().width());
        check(clip, "standardizer width", a, standardizer.featureDim());
        float[] appearance = new float[t * m * a];
        long[] patchIndex = new long[t * m];
        float[] onFrame = new float[t * m];
        float[] visible = new float[t * m];
        for (int ti = 0; ti < t; ti++) {
            for (int mi = 0; mi < m; mi++) {
                int slot = ti * m + mi;
                visible[slot] = motion.visible(mi, ti) ? 1f : 0f;
                int row = Coordinates.patchIndex(motion.normalisedY()[mi][ti], g);
                int col = Coordinates.patchIndex(motion.normalisedX()[mi][ti], g);
                if (row < 0 || col < 0) {
                    continue; // off-frame: zero token
                }
                onFrame[slot] = 1f;
                patchIndex[slot] = (long) row * g + col;
                int src = grid.offset(ti, row, col);
                for (int k = 0; k < a; k++) {
                    appearance[slot * a + k] = standardizer.apply(grid.data()[src + k], k);
                }
            }
        }
        float[] padding = new float[m];
        for (int mi = 0; mi < m; mi++) {
            padding[mi] = motion.padding(mi) ? 1f : 0f;
        }
        return new ClipTensors(t, m, appearance, patchIndex, onFrame, motion.hod().toFrameMajor(),
                motion.relational().toFrameMajor(), visible, padding);
    }

    private static void check(PrecomputedClip clip, String field, int expected, int actual) {
        if (expected != actual) {
            throw new IllegalArgumentException("clip " + clip.clipId() + ": " + field + " must be " + expected
                    + " for this model, got " + actual);
        }
    }
}
