package org.anomalyforge.trokens.model;

import org.anomalyforge.trokens.encoders.PatchGrid;
import org.anomalyforge.trokens.tokens.HodMode;
import org.anomalyforge.trokens.tokens.HodTokens;
import org.anomalyforge.trokens.tokens.MotionTokens;
import org.anomalyforge.trokens.tokens.RelationalTokens;
import org.anomalyforge.trokens.tracks.TrackSet;
import org.anomalyforge.trokens.tracks.Trajectory;
import org.anomalyforge.trokens.tracks.TrajectorySlots;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Token alignment (spec §10): true patch membership, zero tokens off-frame, standardisation. */
class ClipTensorsTest {

    private static final int T = 8;

    @Test
    void pointsReadTheirPatchAndOffFramePointsGetZeroTokens() {
        // features f[t, row, col, a] = 1000t + 16·row + col + 0.5a, A = 2
        float[] data = new float[T * 16 * 16 * 2];
        for (int t = 0; t < T; t++) {
            for (int r = 0; r < 16; r++) {
                for (int c = 0; c < 16; c++) {
                    for (int a = 0; a < 2; a++) {
                        data[((t * 16 + r) * 16 + c) * 2 + a] = 1000 * t + 16 * r + c + 0.5f * a;
                    }
                }
            }
        }
        float[][] xn = new float[3][T];
        float[][] yn = new float[3][T];
        for (int t = 0; t < T; t++) {
            xn[0][t] = -1f + 1f / 224; // pixel x = 0 → col 0
            yn[0][t] = 0.99f; // row 15
            xn[1][t] = 1.0f; // right edge: off-frame
            yn[1][t] = 0f;
            xn[2][t] = 0.125f - 1e-6f; // (x_n + 1)·8 just below 9 → col 8
            yn[2][t] = -0.5f; // row 4
        }
        PrecomputedClip clip = new PrecomputedClip("aligned", motion(xn, yn), new PatchGrid(T, 16, 2, data));
        TrokensConfig config = new TrokensConfig("t", 2, 8, 2, 3, T, 16, HodMode.PER_FRAME, 2, MaskMode.VISIBILITY,
                true, true, true, false);
        AppearanceStandardizer shift = new AppearanceStandardizer(new float[] {0f, 0.5f}, new float[] {1f, 2f});
        ClipTensors tensors = ClipTensors.of(clip, config, shift);
        // frame 3: point 0 → patch (15, 0) = 240; point 1 → off; point 2 → patch (4, 8) = 72
        int base = 3 * 3;
        assertArrayEquals(new long[] {240, 0, 72}, java.util.Arrays.copyOfRange(tensors.patchIndex(), base, base + 3));
        assertArrayEquals(new float[] {1, 0, 1}, java.util.Arrays.copyOfRange(tensors.onFrame(), base, base + 3));
        float f0 = 3000 + 240;
        float f2 = 3000 + 72;
        assertArrayEquals(new float[] {f0, f0 / 2, 0, 0, f2, f2 / 2},
                java.util.Arrays.copyOfRange(tensors.appearance(), base * 2, base * 2 + 6), 1e-3f);
        assertArrayEquals(new float[] {0, 0, 1}, tensors.padding());
    }

    @Test
    void sizeMismatchNamesClipAndField() {
        float[][] xn = new float[3][T];
        float[][] yn = new float[3][T];
        PrecomputedClip clip = new PrecomputedClip("c7", motion(xn, yn), new PatchGrid(T, 16, 2, new float[T * 512]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClipTensors.of(clip, TestClips.config(4), AppearanceStandardizer.identity(8)));
        assertEquals("clip c7: points M must be 8 for this model, got 3", e.getMessage());
    }

    /** Three static, visible slots (the last a padding duplicate) with the given normalised positions. */
    private static MotionTokens motion(float[][] xn, float[][] yn) {
        Trajectory still = new Trajectory(new float[T], new float[T], filled(true));
        TrajectorySlots slots = new TrajectorySlots(new TrackSet(T, 224, 224, List.of(still, still, still)),
                new boolean[] {false, false, true}, new int[3]);
        return new MotionTokens(slots, xn, yn, new HodTokens(HodMode.PER_FRAME, new float[3][T][32]),
                new RelationalTokens(new float[3][T][6]));
    }

    private static boolean[] filled(boolean v) {
        boolean[] b = new boolean[T];
        java.util.Arrays.fill(b, v);
        return b;
    }
}
