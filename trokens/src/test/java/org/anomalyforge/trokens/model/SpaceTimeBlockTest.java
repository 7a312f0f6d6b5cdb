package org.anomalyforge.trokens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.anomalyforge.trokens.model.nn.SeededTruncatedNormal;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spec §16.1 #11: mask effectiveness and permutation behaviour of the decoupled space-time block. */
class SpaceTimeBlockTest {

    private static final int B = 2;
    private static final int T = 8;
    private static final int M = 16;
    private static final int D = 32;
    private static final int HIDDEN_POINT = 5;

    @Test
    void invisiblePointDoesNotReachOtherPointsOrClsWithVisibilityMasks() {
        float[][] out = runWithPerturbedHiddenPoint(MaskMode.VISIBILITY);
        float maxOther = maxDiffOutsidePoint(out[0], out[1]);
        assertTrue(maxOther <= 1e-6f, "other points changed by " + maxOther);
        assertArrayEquals(out[2], out[3], 1e-6f, "CLS must not change");
        assertTrue(maxDiffAt(out[0], out[1]) > 1e-3f, "the perturbed point itself must change");
    }

    @Test
    void invisiblePointReachesOtherPointsWithoutMasks() {
        float[][] out = runWithPerturbedHiddenPoint(MaskMode.NONE);
        assertTrue(maxDiffOutsidePoint(out[0], out[1]) > 1e-4f);
        assertTrue(maxAbsDiff(out[2], out[3]) > 1e-4f);
    }

    @Test
    void permutingPointsPermutesOutputsAndKeepsCls() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SpaceTimeBlock block = block(manager, MaskMode.VISIBILITY);
            float[] x = random(B * T * M * D, 3);
            float[] visible = visibility();
            float[] padding = new float[B * M];
            padding[M - 1] = 1f;
            int[] perm = new int[M];
            for (int i = 0; i < M; i++) {
                perm[i] = (i * 7 + 3) % M;
            }
            float[][] a = forward(manager, block, x, visible, padding);
            float[][] b = forward(manager, block, permute(x, perm, D), permute(visible, perm, 1),
                    permutePadding(padding, perm));
            assertArrayEquals(permute(a[0], perm, D), b[0], 1e-5f);
            assertArrayEquals(a[1], b[1], 1e-5f);
        }
    }

    private float[][] runWithPerturbedHiddenPoint(MaskMode mode) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SpaceTimeBlock block = block(manager, mode);
            float[] x = random(B * T * M * D, 1);
            float[] visible = visibility();
            for (int b = 0; b < B; b++) {
                for (int t = 0; t < T; t++) {
                    visible[(b * T + t) * M + HIDDEN_POINT] = 0f;
                }
            }
            float[] perturbed = x.clone();
            SplittableRandom r = new SplittableRandom(9);
            for (int b = 0; b < B; b++) {
                for (int t = 0; t < T; t++) {
                    for (int k = 0; k < D; k++) {
                        perturbed[((b * T + t) * M + HIDDEN_POINT) * D + k] += (float) (3 * r.nextGaussian());
                    }
                }
            }
            float[][] first = forward(manager, block, x, visible, new float[B * M]);
            float[][] second = forward(manager, block, perturbed, visible, new float[B * M]);
            return new float[][] {first[0], second[0], first[1], second[1]};
        }
    }

    static SpaceTimeBlock block(NDManager manager, MaskMode mode) {
        SpaceTimeBlock block = new SpaceTimeBlock(D, 4, mode);
        block.setInitializer(new SeededTruncatedNormal(0.2, 5), Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, T, M, D), new Shape(1, D), new Shape(1, T, M),
                new Shape(1, M));
        return block;
    }

    private static float[][] forward(NDManager manager, SpaceTimeBlock block, float[] x, float[] visible,
                                     float[] padding) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray cls = scope.create(random(B * D, 2), new Shape(B, D));
            NDList out = block.forward(new ParameterStore(scope, false), new NDList(
                    scope.create(x, new Shape(B, T, M, D)), cls, scope.create(visible, new Shape(B, T, M)),
                    scope.create(padding, new Shape(B, M))), false);
            assertEquals(new Shape(B, T, M, D), out.get(0).getShape());
            assertEquals(new Shape(B, D), out.get(1).getShape());
            return new float[][] {out.get(0).toFloatArray(), out.get(1).toFloatArray()};
        }
    }

    private static float[] visibility() {
        float[] v = new float[B * T * M];
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() < 0.8 ? 1f : 0f;
        }
        return v;
    }

    static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    /** Permutes the M axis of a [B, T, M, width] array: slot i of the result holds slot perm[i]. */
    private static float[] permute(float[] a, int[] perm, int width) {
        float[] out = new float[a.length];
        for (int bt = 0; bt < B * T; bt++) {
            for (int i = 0; i < M; i++) {
                System.arraycopy(a, (bt * M + perm[i]) * width, out, (bt * M + i) * width, width);
            }
        }
        return out;
    }

    private static float[] permutePadding(float[] padding, int[] perm) {
        float[] out = new float[padding.length];
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < M; i++) {
                out[b * M + i] = padding[b * M + perm[i]];
            }
        }
        return out;
    }

    private static float maxDiffOutsidePoint(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            if ((i / D) % M != HIDDEN_POINT) {
                max = Math.max(max, Math.abs(a[i] - b[i]));
            }
        }
        return max;
    }

    private static float maxDiffAt(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            if ((i / D) % M == HIDDEN_POINT) {
                max = Math.max(max, Math.abs(a[i] - b[i]));
            }
        }
        return max;
    }

    private static float maxAbsDiff(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
